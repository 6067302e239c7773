// The spreadsheet import as a manager meets it, in Chromium: a 5,000-partner sheet chosen on
// Importeren en exporteren, read in the import worker, handed to the page and stored with the
// desk's notes, until "Ingelezen" shows; next to papaparse and a bare Dexie bulkPut of its rows
// in the same page and run (both libraries' own builds, not the app's code).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { exportSpreadsheet } from '../../src/core/spreadsheet/sheet';
import { openApp, startHarness } from '../support/harness';
import { generatePartners } from '../support/partners';
import { addBareDexie, countRows } from './page-data';
import { median, number, type Row } from './table';

const PARTNERS = 5_000;
const RUNS = 5;

export async function measureBrowserImport(): Promise<Row[]> {
  const details = generatePartners(PARTNERS, 42).map(({ local: _local, ...rest }) => rest);
  const sheet = exportSpreadsheet(details);
  const harness = await startHarness();
  try {
    const page = await openApp(harness);
    const runs: { ms: number; readMs: number }[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await importOnce(page, harness.appUrl, sheet));
    const app = runs.map((run) => run.ms);
    const read = runs.map((run) => run.readMs);
    await addBarePapaparse(page);
    await addBareDexie(page);
    const bare = await page.evaluate(bareImport, { text: sheet, partners: details, runs: RUNS });
    if (bare.rows < PARTNERS + 1) throw new Error(`papaparse read ${bare.rows} rows`);
    return [
      {
        measure: `Spreadsheet import in the app, ${number(PARTNERS)} partners (Chromium, file chosen to "Ingelezen", ${RUNS} runs)`,
        balie: `median ${number(median(app))} ms: read in the worker ${number(median(read))} ms, then stored`,
        baseline: `median ${number(median(bare.timings))} ms papaparse + bare Dexie bulkPut of its rows, same page`,
        figure: `${number(median(app) / median(bare.timings), 2)}× baseline (goal ≤ 2×); a bare bulkPut of the same 5,000 partners alone: ${number(median(bare.partnerWrites))} ms`,
      },
    ];
  } finally {
    await harness.close();
  }
}

/** One import into an empty sociale kaart, timed in the page from the file's `change` event. */
async function importOnce(
  page: Page,
  appUrl: string,
  sheet: string,
): Promise<{ ms: number; readMs: number }> {
  await page.evaluate(clearPartners);
  await page.goto(`${appUrl}/sociale-kaart/uitwisselen`);
  await page.getByRole('heading', { name: 'Importeren en exporteren' }).waitFor();
  const finished = page.evaluate(timeImport);
  await page.getByLabel('Bestanden kiezen').setInputFiles({
    name: 'sociale-kaart.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(sheet),
  });
  const { ms, readMs, review } = await finished;
  if (review) throw new Error('the generated sheet asked for a review; the bench expects none');
  const stored = await countRows(page, 'partners');
  if (stored !== PARTNERS) throw new Error(`the import stored ${stored} partners`);
  return { ms, readMs };
}

/**
 * In the page: from the file input's change to the "Ingelezen" message, and when the import
 * worker's result arrived (the split between reading and storing).
 */
function timeImport(): Promise<{ ms: number; readMs: number; review: boolean }> {
  return new Promise((resolve) => {
    let started = 0;
    let read = 0;
    const AppWorker = window.Worker;
    window.Worker = class extends AppWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
          if (event.data.type === 'done') read = performance.now();
        });
      }
    };
    document.addEventListener('change', () => (started = performance.now()), {
      capture: true,
      once: true,
    });
    const observer = new MutationObserver(() => {
      const done = document.querySelector('[data-testid="import-done"]');
      const review = document.querySelector('[data-testid="import-review"]');
      const failed = document.querySelector('[data-testid="import-failed"]');
      if (!(done || review || failed) || started === 0) return;
      observer.disconnect();
      window.Worker = AppWorker;
      const asked = review !== null || failed !== null;
      resolve({ ms: performance.now() - started, readMs: read - started, review: asked });
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

function clearPartners(): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('balie');
    open.onsuccess = () => {
      const tx = open.result.transaction('partners', 'readwrite');
      tx.objectStore('partners').clear();
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
}

/** papaparse's own build as `window.Papa`, through the DevTools protocol (the CSP refuses inline). */
async function addBarePapaparse(page: Page): Promise<void> {
  const path = createRequire(import.meta.url).resolve('papaparse/papaparse.min.js');
  await page.evaluate(`${readFileSync(path, 'utf8')};\nundefined`);
}

interface BareTable {
  clear(): Promise<void>;
  bulkPut(rows: readonly unknown[]): Promise<unknown>;
}

/**
 * In the page: papaparse the same text and bulkPut its rows into a bare Dexie database; and,
 * for where the floor is, a bare bulkPut of the partners themselves (the app's indexes).
 */
async function bareImport({
  text,
  partners,
  runs,
}: {
  text: string;
  partners: readonly unknown[];
  runs: number;
}) {
  const scope = window as unknown as {
    Papa: { parse(text: string, options: object): { data: string[][] } };
    Dexie: new (
      name: string,
    ) => {
      version(n: number): { stores(schema: object): void };
      table(name: string): BareTable;
      close(): void;
    };
  };
  const db = new scope.Dexie('bench-bare-import');
  db.version(1).stores({ rows: '++key', partners: 'id, name, *topics' });
  const timings: number[] = [];
  const partnerWrites: number[] = [];
  let rows = 0;
  for (let run = 0; run < runs; run++) {
    await db.table('rows').clear();
    const started = performance.now();
    const parsed = scope.Papa.parse(text, { delimiter: ';' });
    await db.table('rows').bulkPut(parsed.data.map((cells) => ({ cells })));
    timings.push(performance.now() - started);
    rows = parsed.data.length;
    await db.table('partners').clear();
    const writing = performance.now();
    await db.table('partners').bulkPut(partners);
    partnerWrites.push(performance.now() - writing);
  }
  db.close();
  return { timings, partnerWrites, rows };
}
