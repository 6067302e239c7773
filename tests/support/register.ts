// Registers a visit through the interface, as staff do, and waits until the app says
// it is saved (the form starts afresh only after the save committed).

import type { Page } from 'playwright-core';

export async function registerDigiD(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'Digitale overheid' }).check();
  await page.getByRole('radio', { name: 'DigiD', exact: true }).check();
  await page.getByRole('radio', { name: 'Korter dan 15 minuten' }).check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page
    .getByRole('radio', { name: 'Digitale overheid' })
    .and(page.locator(':not(:checked)'))
    .waitFor();
}
