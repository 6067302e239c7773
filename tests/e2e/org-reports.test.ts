// The organisation's Overzicht in Beheer, in real Chromium against the real endpoint, with a
// fixed clock (Thursday 26 November 2026): two desk devices at two locations upload; a manager
// sees each location next to the total, narrows to a location and a kind of question, passes
// axe at 360 and 1024 px, prints, and reads the CSV and Excel back. Offline: org-reports-offline.

import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from '../support/axe';
import type { Harness } from '../support/harness';
import { type OrgReports, SHOTS, startOrgReports, WEEK } from '../support/org-reports';
import { smallTargets } from '../support/targets';
import { brokenWords } from '../support/words';

let org: OrgReports;
let harness: Harness;
let page: Page;
const openReport = (path?: string) => org.openReport(path);
const locationRows = () => org.locationRows();
const shoot = (name: string) => org.shoot(name);

beforeAll(async () => {
  org = await startOrgReports();
  ({ harness, page } = org);
}, 120_000);

afterAll(async () => {
  await org?.harness.close();
});

describe("the organisation's Overzicht", () => {
  test('Beheer links to it; each location next to the total, with the week before', async () => {
    await shoot('00-beheer-home-360');
    await page.getByRole('link', { name: /Overzicht van de organisatie/ }).click();
    await page.getByRole('heading', { name: 'In het kort' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(
      /^Overzicht van de organisatie: week 48, 2026 \(23–29 november 2026\)$/,
    );
    expect(await page.getByTestId('report-filters').textContent()).toBe(
      'Alle locaties en alle vragen.',
    );
    expect(await page.getByTestId('report-status').textContent()).toBe(
      'Bijgewerkt op 26 november 2026 om 14:10.',
    );
    expect(await locationRows()).toEqual([
      ['Bibliotheek Centrum (Utrecht)', '5', '6'],
      ['Bibliotheek Teststad (Teststad)', '0', '0'],
      ['Spreekuur De Linde (Houten)', '3', '3'],
      ['Totaal', '8', '9'],
    ]);
    const visits = await page.getByTestId('figure-bezoeken').textContent();
    expect(visits).toMatch(/^Bezoeken8/);
    expect(visits).toContain('Periode ervoor: 2 (+6)');
    expect(await page.getByTestId('figure-vragen').textContent()).toMatch(/^Vragen9/);
    const gemeenten = page.getByRole('table', { name: 'Cijfers: Per gemeente' });
    expect(await gemeenten.textContent()).toContain('Houten33');
    const perDay = page.getByRole('table', { name: 'Cijfers: Bezoeken per dag' });
    expect(await perDay.textContent()).toMatch(/di 24 nov\.?3/);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('01-week-360');
  });

  test('a location, then a kind of question, narrow the numbers; the choice is said in words', async () => {
    await openReport();
    await page.getByText('Kiezen wat u ziet').click();
    await page.getByRole('checkbox', { name: /Bibliotheek Centrum/ }).check();
    await page.getByRole('button', { name: 'Toon', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('report-filters').textContent())
      .toBe('Gekozen: Locatie: Bibliotheek Centrum.');
    await page.getByTestId('report-status').getByText('Bijgewerkt op').waitFor();
    expect(await locationRows()).toEqual([
      ['Bibliotheek Centrum (Utrecht)', '5', '6'],
      ['Totaal', '5', '6'],
    ]);
    expect(page.url()).toContain(`locatie=${org.centrum}`);

    await page.getByRole('combobox', { name: 'Soort vraag' }).selectOption('bibliotheek');
    await page.getByRole('button', { name: 'Toon', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('report-filters').textContent())
      .toBe('Gekozen: Locatie: Bibliotheek Centrum. Soort vraag: Bibliotheekdienstverlening.');
    await expect
      .poll(() => locationRows())
      .toEqual([
        ['Bibliotheek Centrum (Utrecht)', '2', '2'],
        ['Totaal', '2', '2'],
      ]);
    // Switching the period keeps the choice.
    await page.getByRole('link', { name: 'Deze maand' }).click();
    await page.getByRole('heading', { name: /november 2026/, level: 1 }).waitFor();
    expect(page.url()).toContain('soort=bibliotheek');
    await shoot('02-filtered-360');

    // Only the kind of question, over both locations: De Linde's library visit counts too.
    await openReport(`${WEEK}&soort=bibliotheek`);
    await expect
      .poll(() => locationRows())
      .toEqual([
        ['Bibliotheek Centrum (Utrecht)', '2', '2'],
        ['Bibliotheek Teststad (Teststad)', '0', '0'],
        ['Spreekuur De Linde (Houten)', '1', '1'],
        ['Totaal', '3', '3'],
      ]);
  });

  test('at 360 px with the filters open, every target is at least 44 × 44 px', async () => {
    await openReport(`${WEEK}&kanaal=balie`);
    await page.getByText('Kiezen wat u ziet').waitFor();
    expect(await smallTargets(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await brokenWords(page)).toEqual([]);
  });

  test('a question the endpoint refuses is said in Dutch', async () => {
    await page.goto(`${harness.appUrl}${WEEK}&locatie=elders`);
    await page
      .getByRole('alert')
      .filter({ hasText: "De locatie 'elders' hoort niet bij uw organisatie" })
      .waitFor();
  });

  test('at 1024 px it passes axe and fits; the summary CSV and Excel read back', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    try {
      await openReport();
      expect(await seriousViolations(page)).toEqual([]);
      const wide = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(wide).toBe(false);
      await shoot('03-week-1024');
      expect(await page.getByRole('button', { name: 'Alle vragen (CSV)' }).count()).toBe(0);

      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Overzicht (CSV)', exact: true }).click(),
      ]);
      expect(file.suggestedFilename()).toBe(
        'balie-organisatie-overzicht-2026-11-23-tot-2026-11-29.csv',
      );
      const csv = readFileSync(await file.path()).toString('utf8');
      expect(csv.startsWith('\uFEFFOnderdeel;Antwoord;Aantal;Aandeel (%)\r\n')).toBe(true);
      expect(csv).toContain('Gekozen;Alle locaties en alle vragen.;;\r\n');
      expect(csv).toContain('Bezoeken per locatie;Bibliotheek Centrum (Utrecht);5;62,5\r\n');
      expect(csv).toContain('Vragen per locatie;Spreekuur De Linde (Houten);3;33,3\r\n');
      expect(csv).toContain('Bezoeken per gemeente;Houten;3;37,5\r\n');
      expect(csv).toContain('Onderwerp;Printen, scannen en kopiëren;3;33,3\r\n');

      const [excel] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Overzicht (Excel)', exact: true }).click(),
      ]);
      expect(excel.suggestedFilename()).toBe(
        'balie-organisatie-overzicht-2026-11-23-tot-2026-11-29.xlsx',
      );
      const files = unzipSync(new Uint8Array(readFileSync(await excel.path())));
      const xml = Object.values(files)
        .map((file) => strFromU8(file))
        .join('\n');
      expect(xml).toContain('Alle locaties en alle vragen.');
      expect(xml).toContain('De verstuurde registraties van alle apparaten van de organisatie');
      expect(xml).toContain('Bezoeken per locatie');

      await page.getByLabel(/Kleine aantallen verbergen/).check();
      const [hidden] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Overzicht (CSV)', exact: true }).click(),
      ]);
      const shared = readFileSync(await hidden.path()).toString('utf8');
      expect(shared).toContain('Bezoeken per locatie;Bibliotheek Centrum (Utrecht);5;62,5\r\n');
      expect(shared).toContain('Bezoeken per locatie;Spreekuur De Linde (Houten);<5;\r\n');
    } finally {
      await page.setViewportSize({ width: 360, height: 740 });
    }
  });

  test('prints the period, the choice and the date', async () => {
    await openReport(`${WEEK}&locatie=${org.linde}`);
    await page.getByTestId('report-status').getByText('Bijgewerkt op').waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByText('Gemaakt op 26 november 2026').isVisible()).toBe(true);
      expect(await page.getByTestId('report-filters').isVisible()).toBe(true);
      expect(await page.getByText('Kiezen wat u ziet').isVisible()).toBe(false);
      expect(await page.locator('.nav').isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: null });
    }
    await page.pdf({ path: `${SHOTS}/organisatie.pdf`, format: 'A4', printBackground: true });
  });
});
