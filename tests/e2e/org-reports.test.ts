// The organisation's Overzicht in Beheer, in real Chromium against the real endpoint, with a
// fixed clock (Thursday 26 November 2026): two desk devices at two locations upload; a manager
// sees each location next to the total, narrows to a location and a kind of question, reads
// the kept copy offline with its date, passes axe at 360 and 1024 px, and reads the CSV back.

import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashPassword } from '../../server/secrets';
import type { VisitContent } from '../../src/core/registration/schema';
import { seriousViolations } from '../support/axe';
import { type Harness, openApp, startHarness } from '../support/harness';
import { visitContent } from '../support/visits';

const SHOTS = 'tests/e2e/.artifacts/org-reports';
const PASSWORD = 'een-lang-wachtwoord-voor-anna';
const WEEK = '/beheer/overzicht?periode=week&dag=2026-11-23';

let harness: Harness;
let page: Page;
let centrum: string;
let linde: string;

const toeslagen = {
  domain: 'digitale-overheid',
  topic: 'toeslagen',
  organisations: ['belastingdienst'],
  help: ['uitleg'],
};
const printing = {
  domain: 'bibliotheek',
  topic: 'printen-scannen',
  organisations: [],
  help: ['samen-gedaan'],
};

/**
 * Centrum (Utrecht): 5 visits, 6 questions this week, 2 of them about the library, in 2
 * visits. De Linde (Houten): 3 visits, 3 questions this week (1 about the library), and 2
 * the week before. Together: 8 visits, 9 questions.
 */
const AT_CENTRUM: Partial<VisitContent>[] = [
  { day: '2026-11-23', hour: 10 },
  { day: '2026-11-23', hour: 11 },
  { day: '2026-11-24', hour: 10, questions: [toeslagen, printing] },
  { day: '2026-11-25', hour: 14, questions: [printing] },
  { day: '2026-11-26', hour: 10 },
];
const AT_LINDE: Partial<VisitContent>[] = [
  { day: '2026-11-24', hour: 14 },
  { day: '2026-11-24', hour: 15, channel: 'telefoon', questions: [printing] },
  { day: '2026-11-26', hour: 11 },
  { day: '2026-11-17', hour: 14 },
  { day: '2026-11-18', hour: 14 },
];

/** Uploads visits as a desk device at `location` does: one batch, with its own token. */
async function upload(token: string, location: string, visits: Partial<VisitContent>[]) {
  const records = visits.map((over) => ({
    ...visitContent({ ...over, location }),
    id: randomUUID(),
    rev: 1,
  }));
  const batchId = randomUUID();
  const response = await fetch(`${harness.server.url}/api/batches`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': batchId,
    },
    body: JSON.stringify({ batchId, deviceId: randomUUID(), records }),
  });
  expect(response.status).toBe(200);
  const reply = (await response.json()) as { results: { status: string }[] };
  expect(reply.results.map((result) => result.status)).toEqual(records.map(() => 'accepted'));
}

async function shoot(name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Opens a path of the Overzicht and waits until the numbers are there. */
async function openReport(path = WEEK) {
  await page.goto(`${harness.appUrl}${path}`);
  await page.getByRole('heading', { name: 'In het kort' }).waitFor();
}

/** The per-location table as rows of cells. */
async function locationRows(): Promise<string[][]> {
  const table = page.getByRole('table', { name: 'Cijfers: Per locatie' });
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? '')),
    );
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness({ viewport: { width: 360, height: 740 } });
  const store = harness.server.store;
  const organisation = store.org.organisation().id;
  const add = (name: string, gemeente: string) => {
    const made = store.org.addLocation(organisation, {
      name,
      gemeente,
      kind: 'vaste-balie',
      hours: '',
      staffing: '',
    });
    if (made === 'taken') throw new Error(`${name} exists`);
    return made.id;
  };
  centrum = add('Bibliotheek Centrum', 'Utrecht');
  linde = add('Spreekuur De Linde', 'Houten');
  await upload(store.createDevice('balie centrum', 'desk', centrum).token, centrum, AT_CENTRUM);
  await upload(store.createDevice('tablet de linde', 'desk', linde).token, linde, AT_LINDE);
  store.managers.add(organisation, 'anna', await hashPassword(PASSWORD));

  page = await openApp(harness);
  await page.clock.setFixedTime(new Date('2026-11-26T14:10:00+01:00'));
  await page.goto(`${harness.appUrl}/beheer`);
  await page.getByLabel('Naam').fill('anna');
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByText('Aangemeld als anna').waitFor();
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe("the organisation's Overzicht", () => {
  test('Beheer links to it; each location next to the total, with the week before', async () => {
    await shoot('00-beheer-home-360');
    await page.getByRole('link', { name: /Overzicht van de organisatie/ }).click();
    await page.getByRole('heading', { name: 'In het kort' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(
      /^Overzicht van de organisatie: week 48, 2026 \(23 nov\.? – 29 november 2026\)$/,
    );
    expect(await page.getByTestId('report-filters').textContent()).toBe(
      'Alle locaties en alle vragen.',
    );
    expect(await page.getByTestId('report-status').textContent()).toBe(
      'Bijgewerkt op 26 november 2026 om 14:10.',
    );
    expect(await locationRows()).toEqual([
      ['Bibliotheek Centrum (Utrecht)', '5', '6'],
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
    expect(page.url()).toContain(`locatie=${centrum}`);

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
        ['Spreekuur De Linde (Houten)', '1', '1'],
        ['Totaal', '3', '3'],
      ]);
  });

  test('at 360 px with the filters open, every target is at least 44 × 44 px', async () => {
    await openReport(`${WEEK}&kanaal=balie`);
    await page.getByText('Kiezen wat u ziet').waitFor();
    // Controls in the main area smaller than 44 × 44 px (a checkbox counts its label), as in
    // beheer.test.ts; a link inside a sentence is text.
    const small = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'main a[href], main button, main input, main select, main summary',
        ),
      ]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) return false;
          if (element.tagName === 'A' && element.closest('p')) return false;
          const labels = element instanceof HTMLInputElement ? [...(element.labels ?? [])] : [];
          const boxes = [box, ...labels.map((label) => label.getBoundingClientRect())];
          return !boxes.some((b) => b.width >= 44 && b.height >= 44);
        })
        .map((element) => `${element.tagName} "${element.textContent?.trim().slice(0, 30)}"`),
    );
    expect(small).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
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
    await openReport(`${WEEK}&locatie=${linde}`);
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

  test('offline, a reload shows the kept copy with its date; a question never asked says so', async () => {
    await openReport();
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
      expect(await locationRows()).toEqual([
        ['Bibliotheek Centrum (Utrecht)', '5', '6'],
        ['Spreekuur De Linde (Houten)', '3', '3'],
        ['Totaal', '8', '9'],
      ]);
      expect(await seriousViolations(page)).toEqual([]);
      await shoot('04-offline-360');

      await page.getByRole('link', { name: 'Dit jaar' }).click();
      await expect.poll(() => status.textContent()).toContain('nog niet op dit apparaat bewaard');
      expect(await page.getByRole('heading', { name: 'In het kort' }).count()).toBe(0);
      await shoot('05-offline-nothing-kept-360');

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
