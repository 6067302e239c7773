// The branch's own answer lists: hide a national option, add a local one, register with
// it, and hide it again: the old registration keeps its label and its catalogue version.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Harness, openApp, startHarness } from '../support/harness';
import { waitUntilSent } from '../support/register';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness({ viewport: { width: 360, height: 740 } });
  page = await openApp(harness);
});

afterAll(async () => {
  await harness?.close();
});

async function openList(name: string) {
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByText(name, { exact: false }).first().click();
}

test('hide an option, add a local one, and old registrations keep their labels', async () => {
  await openList('Hoe kwam de vraag binnen');
  const telephone = page.getByRole('checkbox', { name: 'Telefonisch' });
  await telephone.uncheck();
  // The box shows what is stored, so unchecked means saved.
  await expect.poll(() => telephone.isChecked()).toBe(false);

  await openList('Onderwerpen');
  await page
    .getByLabel('Eigen keuze toevoegen aan "Onderwerpen"')
    .fill('Spreekuur Belastingdienst');
  await page.getByRole('button', { name: 'Toevoegen' }).last().click();
  await page.getByRole('status').filter({ hasText: 'is toegevoegd' }).waitFor();
  await page.screenshot({ path: 'tests/e2e/.artifacts/settings-lists.png', fullPage: true });

  await page.getByRole('link', { name: 'Registreren' }).click();
  await page.getByRole('radio', { name: 'Spreekuur Belastingdienst' }).waitFor();
  await expect.poll(() => page.getByRole('radio', { name: 'Telefonisch' }).count()).toBe(0);
  await page.getByRole('radio', { name: 'Spreekuur Belastingdienst' }).click();
  await page.getByRole('radio', { name: 'Korter dan 15 minuten' }).click();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(() => page.getByTestId('toast').textContent()).toContain('Opgeslagen');
  await waitUntilSent(page, () => harness.server.store.countRecords(), 1);
  const [stored] = await harness.server.store.allRecords();
  const record = JSON.parse(stored?.body ?? '{}');
  expect(record.catalogueVersion).toBe('ido-2024.1+lokaal.2');
  expect(record.questions[0].topic).toMatch(/^lokaal-spreekuur-belastingdienst-/);

  await openList('Onderwerpen');
  await page.getByRole('checkbox', { name: /Spreekuur Belastingdienst/ }).uncheck();
  await page.getByRole('link', { name: 'Registreren' }).click();
  await page.getByRole('radio', { name: 'Toeslagen' }).waitFor();
  await expect
    .poll(() => page.getByRole('radio', { name: 'Spreekuur Belastingdienst' }).count())
    .toBe(0);
  await page.getByRole('link', { name: 'Vandaag' }).click();
  await expect
    .poll(() => page.getByTestId('visit').first().textContent())
    .toContain('Spreekuur Belastingdienst');
});
