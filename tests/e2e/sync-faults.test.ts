// The promise the product rests on, under fire: registrations made while the endpoint
// drops connections, errs, throttles, stalls and delivers twice, while the service worker
// is stopped, the page reloaded and the browser closed and reopened, all reach the
// endpoint exactly once, and none is lost or left unsent.

import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import type { Fault } from '../support/fault-proxy';
import {
  type Harness,
  openApp,
  startHarness,
  storeKeys,
  WITHOUT_BACKGROUND_SYNC,
  writeSetting,
} from '../support/harness';
import { registerDigiD } from '../support/register';

const REGISTRATIONS = Number(process.env.BALIE_FAULT_REGISTRATIONS ?? 1000);
/** One deck of 20 upload requests: every fault occurs in each. */
const WEIGHTS: Partial<Record<Fault, number>> = {
  pass: 6,
  'drop-before': 2,
  'drop-after': 2,
  'error-500': 2,
  'unavailable-503': 1,
  'busy-429': 1,
  'too-large-413': 2,
  stall: 1,
  duplicate: 3,
};
const UPLOAD_TIMEOUT_MS = 2_000;

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function openTab(h: Harness, existing?: Page): Promise<Page> {
  const page = existing ?? (await openApp(h));
  await writeSetting(page, 'uploadTimeoutMs', UPLOAD_TIMEOUT_MS);
  return page;
}

async function scenario(name: string, options: { backgroundSync: boolean; tabs: 1 | 2 }) {
  const h = await startHarness({
    faults: { weights: WEIGHTS, stallMs: UPLOAD_TIMEOUT_MS + 1_500 },
    ...(options.backgroundSync ? {} : { initScript: WITHOUT_BACKGROUND_SYNC }),
  });
  harness = h;
  let tabs = [await openTab(h)];
  if (options.tabs === 2) {
    const second = await h.context.newPage();
    await second.goto(h.appUrl);
    await second.getByRole('heading', { name: 'Nieuwe registratie' }).waitFor();
    tabs.push(second);
  }
  const bgSync = await tabs[0]?.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (registration as { sync?: unknown }).sync !== undefined;
  });
  expect(bgSync).toBe(options.backgroundSync);

  const started = Date.now();
  const disruptions = { workerStopped: 0, reloaded: 0, reopened: 0 };
  let saved = 0;
  while (saved < REGISTRATIONS) {
    const page = tabs[saved % tabs.length];
    if (!page) throw new Error('no tab');
    // A person types in the tab in front; the other stays open in the background.
    if (tabs.length > 1) await page.bringToFront();
    await registerDigiD(page);
    saved += 1;
    if (saved % 100 === 50) {
      const cdp = await h.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      disruptions.workerStopped += 1;
    } else if (saved % 200 === 0 && saved < REGISTRATIONS) {
      await page.reload();
      await page.getByRole('heading', { name: 'Nieuwe registratie' }).waitFor();
      disruptions.reloaded += 1;
    } else if (saved === Math.floor(REGISTRATIONS / 2) + 1) {
      const context = await h.reopen();
      const reopened: Page[] = [];
      for (let i = 0; i < tabs.length; i++) {
        const page = i === 0 ? await openApp(h) : await context.newPage();
        if (i > 0) await page.goto(h.appUrl);
        await page.getByRole('heading', { name: 'Nieuwe registratie' }).waitFor();
        reopened.push(page);
      }
      tabs = reopened;
      disruptions.reopened += 1;
    }
  }

  // Closing time: the branch manager presses "Nu versturen" until all is sent,
  // while the endpoint keeps misbehaving.
  const registered = Date.now();
  const [page] = tabs;
  if (!page) throw new Error('no tab');
  await page.getByRole('link', { name: 'Versturen' }).first().click();
  const button = page.getByRole('button', { name: 'Nu versturen' });
  const deadline = Date.now() + 10 * 60_000;
  while ((await storeKeys(page, 'queue')).length > 0) {
    if (Date.now() > deadline) throw new Error('records still unsent after 10 minutes');
    if (await button.isEnabled().catch(() => false)) await button.click().catch(() => undefined);
    await page.waitForTimeout(1_000);
  }

  const drained = Date.now();
  const local = (await storeKeys(page, 'visits')).map(String).sort();
  const stored = await h.server.store.allRecords();
  const storedIds = [...new Set(stored.map((record) => record.id))].sort();
  console.log(
    `[${name}] saved ${saved}, on device ${local.length}, on server ${stored.length} rows / ` +
      `${storedIds.length} ids, unsent 0; faults ${JSON.stringify(h.proxy?.counts)}; ` +
      `disruptions ${JSON.stringify(disruptions)}; registering ${(registered - started) / 1000} s, ` +
      `draining ${(drained - registered) / 1000} s`,
  );
  expect(local).toHaveLength(saved);
  expect(stored).toHaveLength(saved);
  expect(storedIds).toEqual(local);
  expect(stored.every((record) => record.rev === 1 && record.deleted === 0)).toBe(true);
  expect(await page.getByTestId('unsent-count').textContent()).toBe('0');
  for (const fault of [
    'drop-before',
    'drop-after',
    'error-500',
    'unavailable-503',
    'busy-429',
    'stall',
    'duplicate',
  ] as const) {
    expect(h.proxy?.counts[fault]).toBeGreaterThan(0);
  }
}

test(
  'with Background Sync (Chromium)',
  () => scenario('background sync', { backgroundSync: true, tabs: 1 }),
  1_800_000,
);

test(
  'without Background Sync (as in Safari and Firefox)',
  () => scenario('no background sync', { backgroundSync: false, tabs: 1 }),
  1_800_000,
);

test('two tabs at once', () => scenario('two tabs', { backgroundSync: true, tabs: 2 }), 1_800_000);
