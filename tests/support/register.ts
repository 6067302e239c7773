// Registers a visit through the interface, as staff do (taps, not form filling), and
// waits until the app says it is saved.

import type { Page } from 'playwright-core';

/** Topic, help and duration; the domain "Digitale overheid" is chosen in advance. */
export async function registerDigiD(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'DigiD', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Samen gedaan of meegekeken' }).click();
  await page.getByRole('radio', { name: 'Korter dan 15 minuten' }).click();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  // The form starts afresh only after the save committed.
  await page
    .getByRole('radio', { name: 'DigiD', exact: true })
    .and(page.locator(':not(:checked)'))
    .waitFor();
}
