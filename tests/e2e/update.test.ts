// An app update loses nothing: a new service worker waits until the user says "Nu
// vernieuwen", and after it takes over, the saved visits and the half-filled form are there.
// On a 360 px phone, where the banner has least room.

import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Harness, openApp, startHarness } from '../support/harness';
import { registerDigiD } from '../support/register';
import { brokenWords } from '../support/words';

let harness: Harness;
let served: string;

beforeAll(async () => {
  served = mkdtempSync(join(tmpdir(), 'balie-update-'));
  cpSync(resolve('dist'), served, { recursive: true });
  // On a phone, where the banner has least room.
  harness = await startHarness({ staticDir: served, viewport: { width: 360, height: 740 } });
});

afterAll(async () => {
  await harness?.close();
  rmSync(served, { recursive: true, force: true });
});

test('a new version waits for the user, then takes over with every record and the draft intact', async () => {
  const page = await openApp(harness);
  await registerDigiD(page);
  await registerDigiD(page);
  await page.getByRole('radio', { name: 'Toeslagen' }).click(); // a form left half-filled

  // Deploy a new version: the service worker script changes.
  appendFileSync(join(served, 'sw.js'), '\n// new version\n');
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  const banner = page.getByRole('status').filter({ hasText: 'nieuwe versie' });
  await banner.waitFor({ timeout: 20_000 });
  // Nothing changes until the user asks: the form is still as it was, and the banner says so.
  expect(await page.getByRole('radio', { name: 'Toeslagen' }).isChecked()).toBe(true);
  expect(await banner.textContent()).toContain('Wat u nu invult, blijft bewaard.');
  expect(await brokenWords(page)).toEqual([]);
  const oldWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);

  await Promise.all([
    page.waitForEvent('load'),
    banner.getByRole('button', { name: 'Nu vernieuwen' }).click(),
  ]);
  await page.getByRole('heading', { name: 'Nieuwe registratie' }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const active = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { waiting: registration?.waiting !== null, url: registration?.active?.scriptURL };
  });
  expect(active.waiting).toBe(false);
  expect(active.url).toBe(oldWorker);
  expect(await page.getByRole('radio', { name: 'Toeslagen' }).isChecked()).toBe(true);
  await page.getByRole('link', { name: 'Vandaag' }).click();
  await expect.poll(() => page.getByTestId('visit').count()).toBe(2);
  await expect
    .poll(() => page.getByTestId('status').getAttribute('data-unsent'), { timeout: 30_000 })
    .toBe('0');
  expect(await harness.server.store.countRecords()).toBe(2);
});
