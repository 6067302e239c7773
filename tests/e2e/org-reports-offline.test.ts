// The organisation's Overzicht offline, in real Chromium against the real endpoint (the data
// of tests/support/org-reports.ts): a reload without internet shows the copy kept on the device
// with its date and says it is not current; a question never asked says so; Beheer leads to the
// kept copy; signing out forgets it.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from '../support/axe';
import type { Harness } from '../support/harness';
import { type OrgReports, startOrgReports, WEEK } from '../support/org-reports';

let org: OrgReports;
let harness: Harness;
let page: Page;

beforeAll(async () => {
  org = await startOrgReports();
  ({ harness, page } = org);
}, 120_000);

afterAll(async () => {
  await org?.harness.close();
});

/** How many questions the device keeps an answer to (idb-keyval's balie-settings store). */
function keptQuestions(): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('balie-settings');
        open.onsuccess = () => {
          const request = open.result
            .transaction('settings', 'readonly')
            .objectStore('settings')
            .get('org-reports');
          request.onsuccess = () => {
            open.result.close();
            resolve(Array.isArray(request.result) ? request.result.length : 0);
          };
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

describe("the organisation's Overzicht without internet", () => {
  test('offline, a reload shows the kept copy with its date; a question never asked says so', async () => {
    await org.openReport();
    await page.getByTestId('report-status').getByText('Bijgewerkt op').waitFor();
    // Kept once the answer is in the settings store (right after it is shown).
    await expect.poll(() => keptQuestions()).toBe(1);
    await harness.context.setOffline(true);
    try {
      await page.reload();
      await page.getByRole('heading', { name: 'In het kort' }).waitFor();
      const status = page.getByTestId('report-status');
      await expect
        .poll(() => status.textContent())
        .toContain('Laatst bijgewerkt op 26 november 2026 om 14:10.');
      expect(await status.textContent()).toContain('niet actueel');
      expect(await status.textContent()).toContain('Er is nu geen internet.');
      expect(await org.locationRows()).toEqual([
        ['Bibliotheek Centrum (Utrecht)', '5', '6'],
        ['Bibliotheek Teststad (Teststad)', '0', '0'],
        ['Spreekuur De Linde (Houten)', '3', '3'],
        ['Totaal', '8', '9'],
      ]);
      expect(await seriousViolations(page)).toEqual([]);
      await org.shoot('04-offline-360');

      await page.getByRole('link', { name: 'Dit jaar' }).click();
      await expect.poll(() => status.textContent()).toContain('nog niet op dit apparaat bewaard');
      expect(await page.getByRole('heading', { name: 'In het kort' }).count()).toBe(0);
      await org.shoot('05-offline-nothing-kept-360');

      // Beheer itself needs the internet, but leads to the kept copy.
      await page.goto(`${harness.appUrl}/beheer`);
      await page
        .getByRole('link', {
          name: 'Het overzicht van de organisatie lezen dat op dit apparaat is bewaard',
        })
        .click();
      await expect
        .poll(() => status.textContent())
        .toContain('Laatst bijgewerkt op 26 november 2026 om 14:10.');
    } finally {
      await harness.context.setOffline(false);
    }
  });

  test('signing out forgets the kept copies', async () => {
    await page.goto(`${harness.appUrl}/beheer`);
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { name: 'Aanmelden als beheerder' }).waitFor();
    await expect.poll(() => keptQuestions()).toBe(0);
    await harness.context.setOffline(true);
    try {
      await page.goto(`${harness.appUrl}${WEEK}`);
      await expect
        .poll(() => page.getByTestId('report-status').textContent())
        .toContain('nog niet op dit apparaat bewaard');
    } finally {
      await harness.context.setOffline(false);
    }
  });
});
