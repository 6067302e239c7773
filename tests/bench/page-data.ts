// For the browser benchmarks: rows written straight into the app's IndexedDB (in slices, so
// no single message gets huge), and a bare Dexie (its own UMD build, not the app's code) in
// the same page for the baselines.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const SLICE = 2_000;

/** Puts `rows` into one object store of the app's database, a slice per transaction. */
export async function putRows(
  page: Page,
  store: 'visits' | 'partners',
  rows: readonly unknown[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += SLICE) {
    await page.evaluate(
      ({ name, slice }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('balie');
          open.onsuccess = () => {
            const tx = open.result.transaction(name, 'readwrite');
            for (const row of slice) tx.objectStore(name).put(row);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      { name: store, slice: rows.slice(start, start + SLICE) },
    );
  }
}

/** How many rows one object store of the app's database holds. */
export function countRows(page: Page, store: 'visits' | 'partners'): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('balie');
        open.onsuccess = () => {
          const count = open.result.transaction(name).objectStore(name).count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
        open.onerror = () => reject(open.error);
      }),
    store,
  );
}

/**
 * Loads Dexie's own UMD build into the page as `window.Dexie` (for a bare baseline read),
 * evaluated through the DevTools protocol: the app's CSP rightly refuses inline scripts.
 */
export async function addBareDexie(page: Page): Promise<void> {
  const path = createRequire(import.meta.url).resolve('dexie/dist/dexie.min.js');
  await page.evaluate(`${readFileSync(path, 'utf8')};\nundefined`);
}
