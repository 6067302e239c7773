// The organisation end to end, both sides in the app: a manager signs in, adds a location and
// makes koppelcodes; one new device links by typing the code, another by opening the QR link;
// the first registers offline and online; the manager sees its last upload and revokes it; the
// device says it must be linked again, keeps its unsent records, is linked again with a new
// code and uploads them exactly once.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hashPassword } from '../../server/secrets';
import { type Harness, linkWithCode, openApp, startHarness, waitForApp } from '../support/harness';
import { registerDigiD } from '../support/register';

const PASSWORD = 'een-lang-wachtwoord-voor-femke';
let harness: Harness;
let manager: Page;

beforeAll(async () => {
  harness = await startHarness({ viewport: { width: 1024, height: 768 } });
  const store = harness.server.store;
  await store.managers.add(
    (await store.org.organisation()).id,
    'femke',
    await hashPassword(PASSWORD),
  );
  manager = await openApp(harness);
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

async function go(page: Page, path: string, heading: string) {
  await page.goto(`${harness.appUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

/** A koppelcode made in Beheer for the location, as the manager reads it off the screen. */
async function makeCode(label: string): Promise<string> {
  await go(manager, '/beheer/koppelen', 'Apparaat koppelen');
  await manager
    .getByLabel('Locatie van het apparaat')
    .selectOption({ label: 'Spreekuur De Linde (Houten)' });
  await manager.getByLabel('Naam van het apparaat (mag leeg)').fill(label);
  await manager.getByRole('button', { name: 'Koppelcode maken' }).click();
  const code = (await manager.getByTestId('koppelcode').textContent()) ?? '';
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  await manager.getByRole('img', { name: `QR-code met de koppellink voor code ${code}` }).waitFor();
  return code;
}

async function unsent(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Versturen' }).first().click();
  return (await page.getByTestId('unsent-count').textContent()) ?? '';
}

test('a manager links two devices, sees an upload, revokes one; it keeps its records and sends them once after linking again', async () => {
  // The manager signs in and adds the spreekuur as an IDO location.
  await go(manager, '/beheer', 'Aanmelden als beheerder');
  await manager.getByLabel('Naam').fill('femke');
  await manager.getByLabel('Wachtwoord').fill(PASSWORD);
  await manager.getByRole('button', { name: 'Aanmelden' }).click();
  await manager.getByText('Aangemeld als femke').waitFor();
  await go(manager, '/beheer/locaties', 'Locaties');
  await manager.getByLabel('Naam', { exact: true }).fill('Spreekuur De Linde');
  await manager.getByLabel('Gemeente').fill('Houten');
  await manager.getByLabel('Soort').selectOption('spreekuur-elders');
  await manager.getByRole('button', { name: 'Locatie toevoegen' }).click();
  await manager
    .getByRole('status')
    .filter({ hasText: 'Spreekuur De Linde is toegevoegd.' })
    .waitFor();
  const store = harness.server.store;
  const linde = (await store.org.locations((await store.org.organisation()).id)).find(
    (location) => location.name === 'Spreekuur De Linde',
  );
  expect(linde).toBeDefined();

  // Device 1 types the code; device 2 opens the QR code's link.
  const typed = await makeCode('Tablet De Linde');
  const tablet = await (await harness.launchDevice()).newPage();
  await linkWithCode(tablet, harness.appUrl, typed.toLowerCase().replace('-', ' '));
  await waitForApp(tablet);
  const scanned = await makeCode('Telefoon De Linde');
  const phone = await (await harness.launchDevice()).newPage();
  await phone.goto(`${harness.appUrl}/#koppelcode=${scanned.replace('-', '')}`);
  await waitForApp(phone);
  expect(await phone.getByRole('banner').textContent()).toContain('Spreekuur De Linde');

  // The tablet registers offline, then online: both arrive, each naming the location's id.
  const tabletContext = tablet.context();
  await tabletContext.setOffline(true);
  await registerDigiD(tablet);
  await tabletContext.setOffline(false);
  await registerDigiD(tablet);
  await expect.poll(() => unsent(tablet), { timeout: 30_000 }).toBe('0');
  const sent = (await store.allRecords()).map(
    (row) => JSON.parse(row.body) as { location?: string },
  );
  expect(sent.filter((record) => record.location === linde?.id)).toHaveLength(2);

  // The manager sees the tablet's last upload, then revokes it in one tap.
  await go(manager, '/beheer/apparaten', 'Apparaten');
  const card = manager.getByTestId('device').filter({ hasText: 'Tablet De Linde' });
  await expect.poll(() => card.getByTestId('last-upload').textContent()).toBe('zojuist');
  await card.getByRole('button', { name: 'Tablet De Linde ontkoppelen' }).click();
  await manager.getByRole('dialog').getByRole('button', { name: 'Ontkoppelen' }).click();
  await manager.getByRole('status').filter({ hasText: 'Tablet De Linde is ontkoppeld.' }).waitFor();

  // The tablet keeps registering; it says it must be linked again and keeps what it has.
  const before = await store.countRecords();
  await tablet.getByRole('link', { name: 'Registreren' }).first().click();
  await registerDigiD(tablet);
  await registerDigiD(tablet);
  await expect
    .poll(() => tablet.getByTestId('status').textContent(), { timeout: 30_000 })
    .toContain('Koppel dit apparaat opnieuw');
  await expect.poll(() => unsent(tablet)).toBe('2');
  expect(await store.countRecords()).toBe(before);

  // Linked again with a new code from Beheer: the two records arrive, exactly once.
  const again = await makeCode('Tablet De Linde 2');
  await tablet.getByRole('link', { name: 'Opnieuw koppelen met een nieuwe koppelcode' }).click();
  await tablet.getByLabel('Koppelcode').fill(again);
  await tablet.getByRole('button', { name: 'Opnieuw koppelen' }).click();
  await tablet.getByRole('heading', { name: 'Versturen' }).waitFor();
  await expect.poll(() => unsent(tablet), { timeout: 30_000 }).toBe('0');
  expect(await store.countRecords()).toBe(before + 2);
  await tablet.getByRole('button', { name: 'Nu versturen' }).click();
  await tablet.waitForTimeout(1_500);
  expect(await store.countRecords()).toBe(before + 2);
});
