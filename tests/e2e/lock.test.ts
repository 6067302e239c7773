// The organisation's screen lock on a desk device, with a fixed clock: a PIN chosen the first
// time, the lock after two idle minutes with nothing of the app left in the page, growing
// waits after wrong PINs, the right PIN opens it, and uploads go on underneath.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  type Harness,
  linkWithCode,
  organisationOf,
  startHarness,
  waitForApp,
} from '../support/harness';
import { registerDigiD } from '../support/register';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  const org = await organisationOf(harness);
  await harness.server.store.org.updateOrganisation(org.id, { screenLock: { minutes: 2 } });
  page = harness.context.pages()[0] ?? (await harness.context.newPage());
  await page.clock.install();
  const code = await org.koppelcode(await org.locationId('Bibliotheek Teststad'), 'Balie met slot');
  await linkWithCode(page, harness.appUrl, code);
});

afterAll(async () => {
  await harness?.close();
});

const locked = () => page.getByRole('heading', { name: 'Scherm vergrendeld' });

test('locks after the idle time, waits after wrong PINs, opens with the right one, uploads underneath', async () => {
  // The first time, the device asks for a PIN before anything else.
  await page.getByRole('heading', { name: 'Kies een pincode' }).waitFor();
  await page.getByLabel('Pincode (4 tot 6 cijfers)').fill('2468');
  await page.getByLabel('Herhaal de pincode').fill('2468');
  await page.getByRole('button', { name: 'Pincode bewaren' }).click();
  await waitForApp(page);

  await harness.context.setOffline(true);
  await registerDigiD(page);
  // Polled: the status bar counts again just after the save, not with it.
  await expect.poll(() => page.getByTestId('status').getAttribute('data-unsent')).toBe('1');

  await page.clock.fastForward('01:00');
  expect(await locked().count()).toBe(0);
  await page.clock.fastForward('01:10');
  await locked().waitFor();
  // Nothing of the app is left in the page behind the lock.
  expect(await page.getByTestId('status').count()).toBe(0);
  expect(await page.getByRole('heading', { name: 'Nieuwe registratie' }).count()).toBe(0);
  await page.screenshot({ path: 'tests/e2e/.artifacts/lock-screen.png', fullPage: true });

  // The connection returns while locked: the upload goes on.
  await harness.context.setOffline(false);
  await expect.poll(() => harness.server.store.countRecords(), { timeout: 30_000 }).toBe(1);
  expect(await locked().isVisible()).toBe(true);

  const pin = page.getByLabel('Pincode', { exact: true });
  const unlock = page.getByRole('button', { name: 'Ontgrendelen' });
  const message = page.getByTestId('lock-message');
  for (const wrong of ['1111', '2222']) {
    await pin.fill(wrong);
    await unlock.click();
    await expect.poll(() => message.textContent()).toContain('klopt niet');
    await expect.poll(() => unlock.isDisabled()).toBe(false);
  }
  await pin.fill('3333');
  await unlock.click();
  await expect.poll(() => message.textContent()).toContain('Probeer het over 5 seconden');
  expect(await unlock.isDisabled()).toBe(true);

  // The wait holds across a reload, and so does the lock.
  await page.reload();
  await locked().waitFor();
  await expect.poll(() => unlock.isDisabled()).toBe(true);
  await page.clock.fastForward('00:06');
  await expect.poll(() => unlock.isDisabled()).toBe(false);
  await pin.fill('2468');
  await unlock.click();
  await page.getByRole('heading', { name: 'Nieuwe registratie' }).waitFor();
  await expect.poll(() => page.getByTestId('status').getAttribute('data-unsent')).toBe('0');
});
