// The device report over one year of a busy branch (20,000 visits) in Chromium, offline: the
// Overzicht screen opened on that year (read by day, aggregated, the period before and last
// year beside it, drawn) until its headline shows the count, next to a bare Dexie read of the
// same rows in the same page and run.

import type { Page } from 'playwright-core';
import { openApp, organisationOf, startHarness } from '../support/harness';
import { generateVisitRows } from '../support/history';
import { addBareDexie, putRows } from './page-data';
import { median, number, type Row } from './table';

const VISITS = Number(process.env.BENCH_DEVICE_VISITS ?? 20_000);
const RUNS = 5;
const DAY_MS = 86_400_000;
/** A day without visits, to go back to between runs. */
const EMPTY_DAY = '2000-01-03';

export async function measureDeviceReport(): Promise<Row[]> {
  const harness = await startHarness();
  try {
    const page = await openApp(harness);
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.parse(to) - 364 * DAY_MS).toISOString().slice(0, 10);
    const location = await (await organisationOf(harness)).locationId('Bibliotheek Teststad');
    const rows = generateVisitRows(VISITS, to, location);
    const live = rows.filter((row) => row.deleted === 0).length;
    await putRows(page, 'visits', rows);
    await harness.context.setOffline(true);

    await page.goto(`${harness.appUrl}/overzicht?periode=dag&dag=${EMPTY_DAY}`);
    await page.getByRole('heading', { name: 'In het kort' }).waitFor();
    await addBareDexie(page);
    const year = `/overzicht?periode=anders&van=${from}&tot=${to}`;
    const empty = `/overzicht?periode=dag&dag=${EMPTY_DAY}`;
    const app: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      app.push(await openReport(page, year, live));
      await openReport(page, empty, 0);
    }
    const bare = await page.evaluate(
      async ({ first, last, runs }) => {
        const Dexie = (window as unknown as { Dexie: new (name: string) => BareDexie }).Dexie;
        const db = new Dexie('balie');
        await db.open();
        const timings: number[] = [];
        let read = 0;
        for (let run = 0; run < runs; run++) {
          const started = performance.now();
          read = (
            await db.table('visits').where('content.day').between(first, last, true, true).toArray()
          ).length;
          timings.push(performance.now() - started);
        }
        db.close();
        return { timings, read };
      },
      { first: from, last: to, runs: RUNS },
    );
    if (bare.read !== rows.length) throw new Error(`bare read found ${bare.read} rows`);

    const balie = median(app);
    const baseline = median(bare.timings);
    return [
      {
        measure: `Device report over one year of a busy branch (${number(VISITS)} visits, Overzicht offline, Chromium)`,
        balie: `median ${number(balie)} ms (period + 2 comparisons, drawn; ${RUNS} runs)`,
        baseline: `median ${number(baseline)} ms bare Dexie read of the same ${number(rows.length)} rows by day index`,
        figure: `${number(balie / baseline, 2)}× bare read`,
      },
    ];
  } finally {
    await harness.close();
  }
}

/** Dexie's UMD build as the page sees it: only what the baseline uses. */
interface BareDexie {
  open(): Promise<unknown>;
  close(): void;
  table(name: string): {
    where(index: string): {
      between(a: string, b: string, c: boolean, d: boolean): { toArray(): Promise<unknown[]> };
    };
  };
}

/**
 * Follows an in-app link to `path` (the router's own click handling) and returns the time from
 * the click until the Overzicht's headline shows `visits`.
 */
function openReport(page: Page, path: string, visits: number): Promise<number> {
  return page.evaluate(
    ({ href, expected }) =>
      new Promise<number>((resolve, reject) => {
        const want = new Intl.NumberFormat('nl-NL').format(expected);
        const shown = () =>
          document.querySelector('[data-testid="figure-bezoeken"] .figure-value')?.textContent;
        let started = 0;
        const observer = new MutationObserver(() => {
          if (location.search !== new URL(href, location.href).search || shown() !== want) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - started);
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the Overzicht showed ${shown()} visits, not ${want}`));
        }, 120_000);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        const link = document.createElement('a');
        link.href = href;
        document.body.append(link);
        started = performance.now();
        link.click();
        link.remove();
      }),
    { href: path, expected: visits },
  );
}
