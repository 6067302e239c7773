// Save latency in the real app: from the "Opslaan" tap to the "Opgeslagen" confirmation, over
// 200 saves in Chromium, and again at 4× CPU slowdown (CDP), next to one plain IndexedDB
// transaction that writes the same visit and outbox entry, in the same page and run.

import type { Page } from 'playwright-core';
import { openApp, startHarness } from '../support/harness';
import { median, number, percentile, type Row } from './table';

const SAVES = Number(process.env.SAVES ?? 200);
const SLOW_SAVES = 100;

export async function measureSave(): Promise<Row[]> {
  const harness = await startHarness();
  try {
    const page = await openApp(harness);
    await addSnelkeuze(page);

    const plain = await timeSaves(page, SAVES);
    const cdp = await harness.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const slow = await timeSaves(page, SLOW_SAVES);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    const ms = (values: number[]) =>
      `median ${number(median(values), 1)} ms, p95 ${number(percentile(values, 95), 1)} ms`;
    const base = 'one IndexedDB transaction (visit + outbox entry)';
    return [
      {
        measure: `Save: "Opslaan" tap to "Opgeslagen" (${SAVES} saves, Chromium)`,
        balie: ms(plain.app),
        baseline: `${base}: ${ms(plain.raw)}`,
        figure: `+${number(median(plain.app) - median(plain.raw), 1)} ms median (goal ≤ 16 ms median)`,
      },
      {
        measure: `Save at 4× CPU slowdown (${SLOW_SAVES} saves)`,
        balie: ms(slow.app),
        baseline: `${base}: ${ms(slow.raw)}`,
        figure: `p95 ${number(percentile(slow.app, 95), 1)} ms (goal ≤ 100 ms)`,
      },
    ];
  } finally {
    await harness.close();
  }
}

/** One Snelkeuze "DigiD", so every measured save is the same two taps; saves one visit. */
export async function addSnelkeuze(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'DigiD', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Uitleg gegeven' }).click();
  await page.getByRole('radio', { name: 'Korter dan 15 minuten' }).click();
  await page.getByRole('button', { name: 'Bewaar als snelkeuze' }).click();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByTestId('toast').filter({ hasText: 'Opgeslagen' }).waitFor();
}

/** Times `saves` saves through the form, then as many raw transactions, in the page. */
export function timeSaves(page: Page, saves: number): Promise<{ app: number[]; raw: number[] }> {
  return page.evaluate(async (count) => {
    const byText = (selector: string, text: string) =>
      [...document.querySelectorAll<HTMLElement>(selector)].find((el) =>
        el.textContent?.includes(text),
      );
    const nextToast = () =>
      new Promise<number>((resolve) => {
        const observer = new MutationObserver((records) => {
          for (const record of records) {
            for (const node of record.addedNodes) {
              if (node instanceof HTMLElement && node.dataset.testid === 'toast') {
                observer.disconnect();
                resolve(performance.now());
                return;
              }
            }
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
    const app: number[] = [];
    for (let i = 0; i < count; i++) {
      byText('button.pick', 'DigiD')?.click();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const shown = nextToast();
      const tapped = performance.now();
      byText('button[type=submit]', 'Opslaan')?.click();
      app.push((await shown) - tapped);
    }
    const sample = await new Promise<{ visit: unknown; entry: unknown }>((resolve) => {
      const open = indexedDB.open('balie');
      open.onsuccess = () => {
        const tx = open.result.transaction(['visits', 'queue']);
        const visit = tx.objectStore('visits').getAll(undefined, 1);
        const entry = tx.objectStore('queue').getAll(undefined, 1);
        tx.oncomplete = () => {
          open.result.close();
          resolve({ visit: visit.result[0], entry: entry.result[0] });
        };
      };
    });
    const raw: number[] = [];
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open(`bench-raw-${count}`, 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('visits', { keyPath: 'id' });
        open.result.createObjectStore('outbox', { keyPath: ['id', 'rev'] });
      };
      open.onsuccess = () => resolve(open.result);
    });
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const started = performance.now();
      await new Promise<void>((resolve) => {
        const tx = db.transaction(['visits', 'outbox'], 'readwrite');
        const id = `raw-${i}`;
        tx.objectStore('visits').put({ ...(sample.visit as object), id });
        tx.objectStore('outbox').put({ ...(sample.entry as object), id });
        tx.oncomplete = () => resolve();
      });
      raw.push(performance.now() - started);
    }
    db.close();
    return { app, raw };
  }, saves);
}
