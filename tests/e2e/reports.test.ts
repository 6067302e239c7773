// The Overzicht in real Chromium, offline, with a fixed clock (Thursday 26 November 2026):
// numbers from seeded and registered visits (a deleted one counts nowhere), at 360 and
// 1024 px with axe, printed to an A4 PDF, CSV and XLSX downloads read back, and the
// Bibliotheekmonitor helper's check-offs surviving a reload.

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { VisitContent } from '../../src/core/registration/schema';
import { seriousViolations } from '../support/axe';
import { type Harness, openApp, startHarness } from '../support/harness';
import { registerDigiD } from '../support/register';
import { visitContent } from '../support/visits';

const SHOTS = 'tests/e2e/.artifacts/reports';
const WEEK = '/overzicht?periode=week&dag=2026-11-23';

let harness: Harness;
let page: Page;

/** Visit rows as the app stores them, written straight into IndexedDB. */
function rows(contents: readonly VisitContent[], deleted: 0 | 1 = 0) {
  return contents.map((content) => ({
    id: randomUUID(),
    rev: deleted ? 2 : 1,
    content,
    partners: content.questions.map(() => null),
    createdAt: 0,
    updatedAt: 0,
    deleted,
    frozenRev: 1,
  }));
}

const toeslagen = {
  domain: 'digitale-overheid',
  topic: 'toeslagen',
  organisations: ['belastingdienst'],
  help: ['uitleg', 'doorverwezen'],
  referral: { kind: 'formulierenhulp', warm: true },
};
const printing = {
  domain: 'bibliotheek',
  topic: 'printen-scannen',
  organisations: [],
  help: ['samen-gedaan'],
};

function seed(): unknown[] {
  const thisWeek = [
    visitContent({ day: '2026-11-23', hour: 10, note: 'Brief van de gemeente' }),
    visitContent({ day: '2026-11-23', hour: 10, questions: [toeslagen, printing] }),
    visitContent({ day: '2026-11-23', hour: 11, duration: '15-30' }),
    visitContent({ day: '2026-11-24', hour: 10, channel: 'telefoon' }),
    visitContent({ day: '2026-11-24', hour: 14, questions: [toeslagen], needs: ['meekijken'] }),
    visitContent({ day: '2026-11-25', hour: 10 }),
    visitContent({ day: '2026-11-25', hour: 13, questions: [printing] }),
    visitContent({ day: '2026-11-26', hour: 10 }),
    visitContent({ day: '2026-11-26', hour: 11, questions: [toeslagen] }),
  ];
  const deleted = [
    visitContent({ day: '2026-11-24', hour: 9, questions: [{ ...printing, topic: 'e-books' }] }),
  ];
  const weekBefore = Array.from({ length: 14 }, (_, index) =>
    visitContent({
      day: `2026-11-${String(16 + (index % 5)).padStart(2, '0')}`,
      hour: 10 + (index % 4),
    }),
  );
  const lastYear = Array.from({ length: 6 }, (_, index) =>
    visitContent({ day: `2025-11-${String(24 + (index % 5)).padStart(2, '0')}`, hour: 10 }),
  );
  return [...rows(thisWeek), ...rows(deleted, 1), ...rows(weekBefore), ...rows(lastYear)];
}

function putVisits(visits: unknown[]): Promise<void> {
  return page.evaluate(
    (all) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('balie');
        open.onsuccess = () => {
          const tx = open.result.transaction('visits', 'readwrite');
          for (const visit of all) tx.objectStore('visits').put(visit);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    visits,
  );
}

async function open(path: string) {
  await page.goto(`${harness.appUrl}${path}`);
  await page.locator('main h1').first().waitFor();
}

async function openReport(path = WEEK) {
  await open(path);
  await page.getByRole('heading', { name: 'In het kort' }).waitFor();
}

async function shoot(name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness({ viewport: { width: 360, height: 740 } });
  page = await openApp(harness);
  await page.clock.setFixedTime(new Date('2026-11-26T14:10:00+01:00'));
  await page.reload();
  await page.getByRole('heading', { name: 'Nieuwe registratie' }).waitFor();
  // One visit through the interface, today at 14:10; the rest seeded.
  await registerDigiD(page);
  await putVisits(seed());
  await harness.context.setOffline(true);
});

afterAll(async () => {
  await harness?.close();
});

describe('the Overzicht, offline', () => {
  test('at 360 px: this week beside last week and last year, a deleted visit nowhere', async () => {
    await openReport();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('week 48, 2026');
    const visits = await page.getByTestId('figure-bezoeken').textContent();
    expect(visits).toContain('10');
    expect(visits).toContain('Periode ervoor: 14 (−4)');
    expect(visits).toContain('Zelfde periode vorig jaar: 6 (+4)');
    expect(await page.getByTestId('figure-vragen').textContent()).toMatch(/^Vragen11/);
    // The breakdowns and the heatmap, each an image with a text alternative and a table.
    const topics = page.getByRole('table', { name: 'Cijfers: Onderwerp' });
    expect(await topics.textContent()).toContain('Toeslagen');
    expect(await topics.textContent()).not.toContain('E-books');
    const heatmap = page.getByRole('img', { name: /Drukte per weekdag en uur/ });
    expect(await heatmap.getAttribute('aria-label')).toContain('maandag 10–11 uur, 2');
    const warmth = page.getByRole('table', { name: 'Cijfers: Warm of koud doorverwezen' });
    expect(await warmth.textContent()).toContain('Warm3');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('01-week-360');
  });

  test('at 1024 px, the rail shows Overzicht and the page passes axe', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    try {
      await openReport();
      await page.getByRole('link', { name: 'Overzicht', exact: true }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      const wide = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(wide).toBe(false);
      await shoot('02-week-1024');
    } finally {
      await page.setViewportSize({ width: 360, height: 740 });
    }
  });

  test('Vandaag leads to the Overzicht of the day', async () => {
    await open('/vandaag');
    await page.getByRole('link', { name: 'Overzicht van deze dag' }).click();
    await page.getByRole('heading', { name: /Overzicht: 26 november 2026/ }).waitFor();
    await page.getByRole('table', { name: 'Cijfers: Bezoeken per uur' }).waitFor();
    await shoot('03-today-360');
  });

  test('another period: a range of days and a step back', async () => {
    await openReport();
    await page.getByText('Van – tot').click();
    await page.getByLabel('Van', { exact: true }).fill('2026-11-16');
    await page.getByLabel('Tot en met').fill('2026-11-26');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.getByRole('heading', { name: /16 november 2026 t\/m 26 november 2026/ }).waitFor();
    await page.getByTestId('figure-bezoeken').getByText('24', { exact: true }).waitFor();
  });
});

describe('on a 360 px phone, once the report is there', () => {
  /** Controls smaller than 44 × 44 px (a checkbox counts its label), as in desk.test.ts. */
  const smallTargets = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, summary')]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) return false;
          const labels = element instanceof HTMLInputElement ? [...(element.labels ?? [])] : [];
          const boxes = [box, ...labels.map((label) => label.getBoundingClientRect())];
          return !boxes.some((b) => b.width >= 44 && b.height >= 44);
        })
        .map((element) => `${element.tagName} "${element.textContent?.trim().slice(0, 30)}"`),
    );

  test('every target is at least 44 × 44 px, and at 200 % text nothing scrolls sideways', async () => {
    const paths = [
      WEEK,
      '/overzicht?periode=dag&dag=2026-11-26',
      `/overzicht/monitor?periode=week&dag=2026-11-23`,
    ];
    const small: string[] = [];
    const wide: string[] = [];
    for (const path of paths) {
      await open(path);
      await page.locator('.report-section').first().waitFor();
      small.push(...(await smallTargets()).map((found) => `${path}: ${found}`));
    }
    const cdp = await harness.context.newCDPSession(page);
    try {
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
      for (const path of paths) {
        await open(path);
        await page.locator('.report-section').first().waitFor();
        await page.waitForTimeout(200);
        const size = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        if (size.scroll > size.client) wide.push(`${path}: ${size.scroll} px wide`);
      }
      await shoot('05-week-360-200pct');
    } finally {
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16, fixed: 13 } });
      await cdp.detach();
    }
    expect(small).toEqual([]);
    expect(wide).toEqual([]);
  });
});

describe('printing and exports', () => {
  test('prints a clean A4 report with the period, location and date', async () => {
    await openReport();
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.nav').isVisible()).toBe(false);
      expect(await page.getByText('Gemaakt op 26 november 2026').isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: null });
    }
    const pdf = await page.pdf({
      path: `${SHOTS}/overzicht.pdf`,
      format: 'A4',
      printBackground: true,
    });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(8);
    try {
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '2',
        `${SHOTS}/overzicht.pdf`,
        `${SHOTS}/print`,
      ]);
    } catch {
      // pdftoppm (poppler-utils) is only for looking at the print by eye.
    }
  });

  test('CSV and Excel download and read back; Excel loads only when asked', async () => {
    await openReport();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    const download = async (name: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name, exact: true }).click(),
      ]);
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
    };
    const csv = await download('Overzicht (CSV)');
    expect(csv.name).toBe('balie-overzicht-2026-11-23-tot-2026-11-29.csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFOnderdeel;Antwoord;Aantal;Aandeel (%)\r\n')).toBe(true);
    expect(text).toContain('Onderwerp;Toeslagen;3;27,3\r\n');
    expect(text).not.toContain('Brief van de gemeente');
    const before = scripts.length;

    const xlsx = await download('Overzicht (Excel)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(scripts.length).toBeGreaterThan(before);
    const files = unzipSync(new Uint8Array(xlsx.bytes));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheet).toContain('<v>10</v>');
    expect(sheet).toContain('<v>-4</v>');
    writeFileSync(`${SHOTS}/overzicht.xlsx`, xlsx.bytes);

    const questions = await download('Alle vragen (CSV)');
    const lines = questions.bytes.toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(1 + 11);
    expect(lines.join('\n')).not.toContain('Brief van de gemeente');
    const questionsXlsx = await download('Alle vragen (Excel)');
    expect(Object.keys(unzipSync(new Uint8Array(questionsXlsx.bytes)))).toContain(
      'xl/workbook.xml',
    );

    await page.getByLabel(/Kleine aantallen verbergen/).check();
    expect(await page.getByRole('button', { name: 'Alle vragen (CSV)' }).isDisabled()).toBe(true);
    const hidden = await download('Overzicht (CSV)');
    expect(hidden.bytes.toString('utf8')).toContain('Onderwerp;Toeslagen;<5;\r\n');
  });
});

describe('the Bibliotheekmonitor helper', () => {
  test("lays out the week in the form's order, and check-offs survive a reload", async () => {
    await openReport();
    await page.getByRole('link', { name: 'Overnemen in de Bibliotheekmonitor' }).click();
    await page.getByRole('heading', { name: 'Overnemen in de Bibliotheekmonitor' }).waitFor();
    expect(
      await page
        .getByText(/kan een keuze iets anders heten\. Kies daar wat er het best bij past/)
        .isVisible(),
    ).toBe(true);
    const progress = page.getByTestId('monitor-progress');
    expect(await progress.textContent()).toBe('0 van 10 overgenomen');
    const entries = page.getByTestId('monitor-entry');
    expect(await entries.count()).toBe(10);
    expect(await page.getByText('Vraag 2 van 2').count()).toBe(1);
    await entries.nth(0).getByLabel('Overgenomen').check();
    await entries.nth(1).getByLabel('Overgenomen').check();
    await expect.poll(() => progress.textContent()).toBe('2 van 10 overgenomen');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot('04-monitor-360');
    await page.reload();
    await expect
      .poll(() => page.getByTestId('monitor-progress').textContent())
      .toBe('2 van 10 overgenomen');
    expect(
      await page.getByTestId('monitor-entry').nth(1).getByLabel('Overgenomen').isChecked(),
    ).toBe(true);
    const totals = await page.locator('.monitor-totals').textContent();
    expect(totals).toContain('Digitale overheid9');
    expect(totals).toContain('Bibliotheekdienstverlening2');
  });
});
