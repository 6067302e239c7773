// Save latency in the real app: from the "Opslaan" tap to the "Opgeslagen" confirmation,
// over 200 saves in Chromium, next to a raw IndexedDB put of the same record in the same page.

import { openApp, startHarness } from '../support/harness';
import { median, number, percentile, type Row } from './table';

const SAVES = 200;

export async function measureSave(): Promise<Row[]> {
  const harness = await startHarness();
  try {
    const page = await openApp(harness);
    // One Snelkeuze, so every measured save is the same two taps.
    await page.getByRole('radio', { name: 'DigiD', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Uitleg gegeven' }).click();
    await page.getByRole('radio', { name: 'Korter dan 15 minuten' }).click();
    await page.getByRole('button', { name: 'Bewaar als snelkeuze' }).click();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('toast').filter({ hasText: 'Opgeslagen' }).waitFor();

    const timings = await page.evaluate(async (saves) => {
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
      for (let i = 0; i < saves; i++) {
        byText('button.pick', 'DigiD')?.click();
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const shown = nextToast();
        const tapped = performance.now();
        byText('button[type=submit]', 'Opslaan')?.click();
        app.push((await shown) - tapped);
      }
      const record = await new Promise<unknown>((resolve) => {
        const open = indexedDB.open('balie');
        open.onsuccess = () => {
          const get = open.result.transaction('outbox').objectStore('outbox').getAll();
          get.onsuccess = () => resolve((get.result as { record: unknown }[])[0]?.record);
        };
      });
      const raw: number[] = [];
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('bench-raw', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('visits', { keyPath: 'id' });
        open.onsuccess = () => resolve(open.result);
      });
      for (let i = 0; i < saves; i++) {
        const started = performance.now();
        await new Promise<void>((resolve) => {
          const tx = db.transaction('visits', 'readwrite');
          tx.objectStore('visits').put({ ...(record as object), id: `raw-${i}` });
          tx.oncomplete = () => resolve();
        });
        raw.push(performance.now() - started);
      }
      return { app, raw };
    }, SAVES);

    const ms = (values: number[]) =>
      `median ${number(median(values), 1)} ms, p95 ${number(percentile(values, 95), 1)} ms`;
    return [
      {
        measure: `Save: "Opslaan" tap to confirmation (${SAVES} saves, Chromium)`,
        balie: ms(timings.app),
        baseline: `raw IndexedDB put: ${ms(timings.raw)}`,
        figure: `+${number(median(timings.app) - median(timings.raw), 1)} ms median`,
      },
    ];
  } finally {
    await harness.close();
  }
}
