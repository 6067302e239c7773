// Beheer against the real endpoint, on a 360 px phone: a manager is refused with a wrong
// password and locked after too many, signs in (the cookie stays HttpOnly), adds a location,
// makes a koppelcode; a second browser links a device with it and uploads; the manager sees
// that device's upload, revokes it in one tap, and its token is refused from then on.

import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashPassword } from '../../server/secrets';
import { seriousViolations } from '../support/axe';
import { CHROMIUM_ARGS, ensureChromium } from '../support/chromium';
import { type Harness, openApp, startHarness } from '../support/harness';
import { smallTargets } from '../support/targets';
import { visitContent } from '../support/visits';
import { brokenWords } from '../support/words';

const PASSWORD = 'een-lang-wachtwoord-voor-anna';
let harness: Harness;
let page: Page;
let deviceBrowser: Browser;

beforeAll(async () => {
  harness = await startHarness({ viewport: { width: 360, height: 740 } });
  const store = harness.server.store;
  await store.managers.add(
    (await store.org.organisation()).id,
    'anna',
    await hashPassword(PASSWORD),
  );
  page = await openApp(harness);
  deviceBrowser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await deviceBrowser?.close();
  await harness?.close();
});

async function expectClean(name: string) {
  expect(await seriousViolations(page), name).toEqual([]);
  expect(await smallTargets(page), name).toEqual([]);
  expect(await brokenWords(page), name).toEqual([]);
}

async function go(path: string, heading: string) {
  await page.goto(`${harness.appUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

describe('Beheer', () => {
  test('wrong passwords are refused, slowed and then locked; the session cookie is HttpOnly', async () => {
    await go('/beheer', 'Aanmelden als beheerder');
    await expectClean('sign-in');
    await page.getByLabel('Naam').fill('anna');
    await page.getByLabel('Wachtwoord').fill('niet-goed');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    // The endpoint waits 0.5 s before it answers a wrong password.
    await page.getByRole('button', { name: 'Bezig…' }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: 'De naam of het wachtwoord klopt niet.' })
      .waitFor();
    await expect.poll(() => page.getByLabel('Naam').inputValue()).toBe('anna');

    // Nine more failures of this name (as if typed), so the next try is locked.
    const managers = harness.server.store.managers;
    for (let i = 0; i < 9; i++) await managers.recordFailure(['user:anna']);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Te veel pogingen. Probeer het over 15 minuten opnieuw.' })
      .waitFor();

    await managers.clearFailures('user:anna');
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByText('Aangemeld als anna').waitFor();
    expect(await page.evaluate(() => document.cookie)).not.toContain('balie_session');
    const cookie = (await harness.context.cookies()).find((c) => c.name === 'balie_session');
    expect(cookie?.httpOnly).toBe(true);
    await expectClean('home');
    await page.screenshot({ path: 'tests/e2e/.artifacts/beheer-home.png', fullPage: true });
  });

  test('add a location, link a device with a koppelcode, see its upload, revoke it in one tap', async () => {
    await go('/beheer/locaties', 'Locaties');
    await page.getByLabel('Naam', { exact: true }).fill('Spreekuur De Linde');
    await page.getByLabel('Gemeente').fill('Houten');
    await page.getByLabel('Soort').selectOption('spreekuur-elders');
    await page.getByLabel('Openingstijden').fill('di 14:00–16:00');
    // Offline: the request fails, what was typed stays.
    await harness.context.setOffline(true);
    await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
    await page.getByRole('alert').filter({ hasText: 'alleen met internet' }).waitFor();
    await page.getByText('Beheer werkt alleen met internet').first().waitFor();
    expect(await page.getByLabel('Gemeente').inputValue()).toBe('Houten');
    await harness.context.setOffline(false);
    await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Spreekuur De Linde is toegevoegd.' })
      .waitFor();
    await expectClean('locations');
    await page.screenshot({ path: 'tests/e2e/.artifacts/beheer-locations.png', fullPage: true });

    await go('/beheer/koppelen', 'Apparaat koppelen');
    await page
      .getByLabel('Locatie van het apparaat')
      .selectOption({ label: 'Spreekuur De Linde (Houten)' });
    await page.getByLabel('Naam van het apparaat (mag leeg)').fill('Tablet De Linde');
    await page.getByRole('button', { name: 'Koppelcode maken' }).click();
    const code = (await page.getByTestId('koppelcode').textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    await page.getByText(/Geldig tot morgen \d\d:\d\d\./).waitFor();
    await page.getByRole('img', { name: `QR-code met de koppellink voor code ${code}` }).waitFor();
    await expectClean('koppelcode');
    await page.screenshot({ path: 'tests/e2e/.artifacts/beheer-koppelcode.png', fullPage: true });

    // The new device, in a browser of its own, links with the code and uploads one record.
    const device = await (await deviceBrowser.newContext()).newPage();
    await device.goto(harness.appUrl);
    const linked = await device.evaluate(async (koppelcode) => {
      const reply = await fetch('/api/koppel', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: koppelcode.toLowerCase() }),
      });
      return { status: reply.status, body: await reply.json() };
    }, code);
    expect(linked.status).toBe(201);
    expect(linked.body.location.name).toBe('Spreekuur De Linde');
    const token: string = linked.body.token;
    const batch = {
      batchId: crypto.randomUUID(),
      deviceId: crypto.randomUUID(),
      client: { version: '9.8.7', unsent: 3 },
      records: [
        { id: crypto.randomUUID(), rev: 1, ...visitContent({ location: linked.body.location.id }) },
      ],
    };
    const upload = (path: string, body?: unknown) =>
      device.evaluate(
        async ([p, t, b]) => {
          const reply = await fetch(p, {
            method: b === undefined ? 'GET' : 'POST',
            headers: {
              authorization: `Bearer ${t}`,
              'content-type': 'application/json',
              ...(b === undefined ? {} : { 'idempotency-key': (b as { batchId: string }).batchId }),
            },
            ...(b === undefined ? {} : { body: JSON.stringify(b) }),
          });
          return { status: reply.status, body: await reply.json().catch(() => null) };
        },
        [path, token, body] as const,
      );
    const sent = await upload('/api/batches', batch);
    expect(sent.status).toBe(200);
    expect(sent.body.results[0].status).toBe('accepted');

    await go('/beheer/apparaten', 'Apparaten');
    const card = page.getByTestId('device').filter({ hasText: 'Tablet De Linde' });
    await expect.poll(() => card.getByTestId('last-upload').textContent()).toBe('zojuist');
    await card.getByText('9.8.7').waitFor();
    // It had 3 unsent, this batch's one among them: 2 were left after it.
    await card.getByText('2 registraties').waitFor();
    await card.locator('dd', { hasText: 'Spreekuur De Linde' }).waitFor();
    await expectClean('devices');
    await page.screenshot({ path: 'tests/e2e/.artifacts/beheer-devices.png', fullPage: true });

    await card.getByRole('button', { name: 'Tablet De Linde ontkoppelen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('blijven op het apparaat bewaard').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Ontkoppelen' }).click();
    await page.getByRole('status').filter({ hasText: 'Tablet De Linde is ontkoppeld.' }).waitFor();

    const refused = await upload('/api/device');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('revoked');
  });

  test('answer lists: a change saved over a newer version is put back and saved', async () => {
    await go('/beheer/keuzelijsten', 'Keuzelijsten van de organisatie');
    await page.locator('summary', { hasText: 'Hoe kwam de vraag binnen' }).click();
    await page.getByRole('checkbox', { name: 'Telefonisch' }).uncheck();
    await page.locator('summary', { hasText: 'Onderwerpen' }).click();
    const newTopic = page.getByLabel('Nieuwe keuze voor "Onderwerpen"');
    await newTopic.fill('Spreekuur Belastingdienst');
    await page.getByLabel('Bij welk soort vraag?').selectOption({ label: 'Overig' });
    await newTopic.press('Enter');
    await page.getByText('Spreekuur Belastingdienst').first().waitFor();
    // A name the list has already, in other capitals, is refused and adds nothing.
    await newTopic.fill(' digid ');
    await newTopic.press('Enter');
    await page.getByRole('status').filter({ hasText: '"DigiD" staat al in deze lijst.' }).waitFor();
    expect(await page.getByText('nieuw, nog niet opgeslagen').count()).toBe(1);
    await expectClean('lists');

    // Someone else saves first.
    const store = harness.server.store;
    const organisation = (await store.org.organisation()).id;
    const before = await store.org.catalogue(organisation);
    await store.org.putCatalogue(organisation, before.revision, {
      hidden: ['needs:meekijken'],
      added: [],
    });
    await page.getByRole('button', { name: 'Keuzelijsten opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Iemand anders heeft' }).waitFor();
    await page.getByRole('button', { name: 'Keuzelijsten opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De keuzelijsten zijn opgeslagen' }).waitFor();
    const saved = await store.org.catalogue(organisation);
    expect(saved.hidden).toEqual(expect.arrayContaining(['needs:meekijken', 'channels:telefoon']));
    expect(saved.added).toContainEqual(
      expect.objectContaining({ label: 'Spreekuur Belastingdienst', domain: 'overig' }),
    );
    await page.screenshot({ path: 'tests/e2e/.artifacts/beheer-lists.png', fullPage: true });
  });

  test('screen lock setting and the audit log in Dutch', async () => {
    await go('/beheer', 'Beheer');
    await page.getByRole('radio', { name: 'Na een aantal minuten zonder gebruik' }).check();
    await page.getByLabel('Aantal minuten (2 tot 60)').fill('5');
    await page.getByRole('button', { name: 'Schermvergrendeling opslaan' }).click();
    await page.getByText('Nu: na 5 minuten zonder gebruik.').waitFor();
    expect((await harness.server.store.org.organisation()).screenLock).toEqual({ minutes: 5 });

    await go('/beheer/logboek', 'Logboek');
    const entries = page.getByTestId('audit-entry');
    await entries.filter({ hasText: 'Apparaat ontkoppeld: Tablet De Linde' }).waitFor();
    await entries.filter({ hasText: 'Locatie toegevoegd: Spreekuur De Linde' }).waitFor();
    await entries.filter({ hasText: 'Aanmelden mislukt' }).first().waitFor();
    await entries.filter({ hasText: 'Instellingen van de organisatie gewijzigd' }).waitFor();
    await expectClean('audit');
    await page.screenshot({ path: 'tests/e2e/.artifacts/beheer-audit.png', fullPage: true });
  });

  test('at 1024 px the screens fit without sideways scrolling', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const [path, heading] of [
      ['/beheer', 'Beheer'],
      ['/beheer/apparaten', 'Apparaten'],
      ['/beheer/locaties', 'Locaties'],
    ] as const) {
      await go(path, heading);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        1024,
      );
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.screenshot({ path: 'tests/e2e/.artifacts/beheer-devices-1024.png', fullPage: true });
  });
});
