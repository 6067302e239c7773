// Registers a visit through the interface, as staff do (taps, not form filling), and
// waits until the app says it is saved; and waits until what was saved reached the endpoint.

import type { Page } from 'playwright-core';
import { expect } from 'vitest';

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

/**
 * Waits until the endpoint holds `records` rows that `count` sees, then until the status bar
 * says nothing is left. The order matters: straight after a save the bar may still show the
 * count from before it, so "0 unsent" alone does not prove the save was sent.
 */
export async function waitUntilSent(
  page: Page,
  count: () => Promise<number>,
  records: number,
): Promise<void> {
  await expect.poll(count, { timeout: 30_000 }).toBe(records);
  await expect
    .poll(() => page.getByTestId('status').getAttribute('data-unsent'), { timeout: 30_000 })
    .toBe('0');
}
