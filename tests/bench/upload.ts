// Upload throughput: 5,000 registrations sent by the real service worker in Chromium to the
// local endpoint, next to plain fetch() POSTs of as many equally sized batches as Balie sent
// (counted at the endpoint; fresh ids, so it does the same work) from the same page, same run,
// both after a first raw round that warms the endpoint up, and after the seeded queue settled.

import type { Page } from 'playwright-core';
import { openApp, startHarness } from '../support/harness';
import { visitContent } from '../support/visits';
import { number, type Row } from './table';

const RECORDS = 5_000;

export async function measureUpload(): Promise<Row[]> {
  let batches = 0;
  const harness = await startHarness({
    hook: (req, _res, next) => {
      if (req.method === 'POST' && req.url === '/api/batches') batches += 1;
      return next();
    },
  });
  try {
    const page = await openApp(harness);
    // The endpoint's first batches are slower (code not yet compiled, caches cold): one raw
    // round first, not measured, so Balie and the baseline both meet a warm endpoint.
    await rawUpload(page, 500, harness.token);
    const warmUp = await harness.server.store.countRecords();
    batches = 0;
    // Seed the outbox as saveVisit would leave it, straight into IndexedDB (5,000 saves
    // through the form would measure the form, not the upload).
    await page.evaluate(
      ({ count, content }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('balie');
          open.onsuccess = () => {
            const tx = open.result.transaction(['visits', 'queue'], 'readwrite');
            const now = Date.now();
            for (let i = 0; i < count; i++) {
              const id = crypto.randomUUID();
              const record = { ...content, id, rev: 1 };
              tx.objectStore('visits').put({
                id,
                rev: 1,
                content,
                partners: [null],
                createdAt: now + i,
                updatedAt: now + i,
                deleted: 0,
                frozenRev: 0,
              });
              tx.objectStore('queue').put({
                id,
                rev: 1,
                record,
                bytes: JSON.stringify(record).length,
                queuedAt: now + i,
                state: 'queued',
              });
            }
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { count: RECORDS, content: visitContent() },
    );
    // Writing 5,000 entries at once leaves the storage engine work to finish, and the next
    // write waits for it (30–40 ms, measured in the worker). A device fills its queue over a
    // day and does not carry that: the clock starts after it is done.
    await page.waitForTimeout(2_000);

    // Done when the queue is empty: one key looked for every 10 ms on one connection (counting
    // the whole queue on a new connection every 20 ms competed with the worker for the store).
    const uploaded = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('balie');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const anyLeft = () =>
        new Promise<boolean>((resolve, reject) => {
          const keys = db.transaction('queue').objectStore('queue').getAllKeys(null, 1);
          keys.onsuccess = () => resolve(keys.result.length > 0);
          keys.onerror = () => reject(keys.error);
        });
      const started = performance.now();
      navigator.serviceWorker.controller?.postMessage({ type: 'sync', trigger: 'manual' });
      while (await anyLeft()) await new Promise((resolve) => setTimeout(resolve, 10));
      db.close();
      return performance.now() - started;
    });
    const stored = (await harness.server.store.countRecords()) - warmUp;
    if (stored !== RECORDS) throw new Error(`expected ${RECORDS} on the server, found ${stored}`);
    // Balie's batch size, as it really sent them.
    const size = Math.ceil(RECORDS / batches);

    const raw = await rawUpload(page, size, harness.token);

    const rate = (ms: number) => RECORDS / (ms / 1000);
    return [
      {
        measure: `Upload: ${number(RECORDS)} registrations by the service worker (Chromium)`,
        balie: `${number(rate(uploaded))} records/s`,
        baseline: `${number(rate(raw))} records/s raw fetch() of the same ${number(Math.ceil(RECORDS / size))} batches of ${number(size)}`,
        figure: `${number(rate(uploaded) / rate(raw), 2)}× raw`,
      },
    ];
  } finally {
    await harness.close();
  }
}

/**
 * Plain fetch() POSTs of RECORDS fresh records in batches of `size`, from the page, one after
 * the other; the bodies are made before the clock starts. Returns the milliseconds taken.
 */
function rawUpload(page: Page, size: number, token: string): Promise<number> {
  return page.evaluate(
    async ({ count, size, content, token }) => {
      const bodies: { batchId: string; body: string }[] = [];
      for (let i = 0; i < count; i += size) {
        const batchId = crypto.randomUUID();
        const records = Array.from({ length: Math.min(size, count - i) }, () => ({
          ...content,
          id: crypto.randomUUID(),
          rev: 1,
        }));
        bodies.push({
          batchId,
          body: JSON.stringify({ batchId, deviceId: crypto.randomUUID(), records }),
        });
      }
      const started = performance.now();
      for (const { batchId, body } of bodies) {
        const response = await fetch('/api/batches', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': batchId,
            authorization: `Bearer ${token}`,
          },
          body,
        });
        await response.text();
      }
      return performance.now() - started;
    },
    { count: RECORDS, size, content: visitContent(), token },
  );
}
