// Registration at the desk, on a phone and on a tablet: taps counted, Snelkeuze,
// drafts that survive a reload, undo, edit and delete, keyboard only, and axe-core.

import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seriousViolations } from '../support/axe';
import { type Harness, openApp, startHarness, storeKeys } from '../support/harness';
import { registerDigiD, waitUntilSent } from '../support/register';
import { brokenWords } from '../support/words';

const ARTIFACTS = 'tests/e2e/.artifacts';

/** Clicks like a finger, and counts it. */
function tapper() {
  let count = 0;
  return {
    tap: async (target: Locator) => {
      count += 1;
      await target.click();
    },
    get count() {
      return count;
    },
  };
}

async function waitForSaved(page: Page) {
  await expect.poll(() => page.getByTestId('toast').textContent()).toContain('Opgeslagen');
}

const visitCount = async (page: Page) => (await storeKeys(page, 'visits')).length;

/** The half-filled form as stored for a reload (idb-keyval's 'balie-settings'), as JSON. */
const storedDraft = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('balie-settings');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('settings').objectStore('settings').get('draft');
          read.onsuccess = () => {
            open.result.close();
            resolve(JSON.stringify(read.result ?? null));
          };
        };
      }),
  );

describe.each([
  { name: 'phone', viewport: { width: 360, height: 740 } },
  { name: 'tablet', viewport: { width: 1024, height: 768 } },
])('registration on a $name ($viewport.width×$viewport.height)', ({ name, viewport }) => {
  let harness: Harness;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    harness = await startHarness({ viewport });
    page = await openApp(harness);
  });

  afterAll(async () => {
    await harness?.close();
  });

  test('a visit with two questions takes at most 8 taps', async () => {
    await page.screenshot({ path: `${ARTIFACTS}/register-${name}.png`, fullPage: true });
    const taps = tapper();
    const { tap } = taps;
    await tap(page.getByRole('radio', { name: 'DigiD', exact: true }));
    await tap(page.getByRole('checkbox', { name: 'Samen gedaan of meegekeken' }));
    await tap(page.getByRole('button', { name: 'Nog een vraag' }));
    const second = page.getByTestId('question').nth(1);
    await tap(second.getByRole('radio', { name: 'Toeslagen' }));
    await tap(second.getByRole('checkbox', { name: 'Uitleg gegeven' }));
    await tap(page.getByRole('radio', { name: '15 tot 30 minuten' }));
    await page.screenshot({ path: `${ARTIFACTS}/register-filled-${name}.png`, fullPage: true });
    await tap(page.getByRole('button', { name: 'Opslaan' }));
    await waitForSaved(page);
    console.log(`[${name}] two-question visit: ${taps.count} taps`);
    expect(taps.count).toBeLessThanOrEqual(8);
    expect(await visitCount(page)).toBe(1);
  });

  test('a Snelkeuze registers a common question in at most 3 taps', async () => {
    // Make the combination a favourite once.
    await page.getByRole('radio', { name: 'DigiD', exact: true }).click();
    await page.getByRole('radio', { name: 'Activeren' }).click();
    await page.getByRole('checkbox', { name: 'Samen gedaan of meegekeken' }).click();
    await page.getByRole('radio', { name: 'Korter dan 15 minuten' }).click();
    await page.getByRole('button', { name: 'Bewaar als snelkeuze' }).click();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await waitForSaved(page);
    const before = await visitCount(page);

    const taps = tapper();
    const { tap } = taps;
    await tap(page.getByRole('button', { name: /Vaste keuze: DigiD: activeren/ }));
    await tap(page.getByRole('button', { name: 'Opslaan' }));
    await waitForSaved(page);
    console.log(`[${name}] Snelkeuze visit: ${taps.count} taps`);
    expect(taps.count).toBeLessThanOrEqual(3);
    expect(await visitCount(page)).toBe(before + 1);
    await page.screenshot({ path: `${ARTIFACTS}/snelkeuze-${name}.png`, fullPage: true });
  });

  test('a half-filled form comes back after a reload', async () => {
    await page.getByRole('radio', { name: 'Werk en uitkering' }).click();
    await expect.poll(() => storedDraft(page)).not.toBe('null');
    const withTopic = await storedDraft(page);
    await page.getByRole('checkbox', { name: 'Uitleg gegeven' }).click();
    // Each change is written at once; a reload a few milliseconds later could outrun the
    // write, which no person can (the test waits for what a person's reload would find).
    await expect.poll(() => storedDraft(page)).not.toBe(withTopic);
    await page.reload();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'vorige invoer' }).count())
      .toBe(1);
    expect(await page.getByRole('radio', { name: 'Werk en uitkering' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Uitleg gegeven' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Opnieuw beginnen' }).click();
    await expect
      .poll(() => page.getByRole('radio', { name: 'Werk en uitkering' }).isChecked())
      .toBe(false);
    // The whole list is back, not just the answer that was cleared.
    expect(await page.getByRole('radio', { name: 'Toeslagen' }).count()).toBe(1);
  });

  test('a double tap on Opslaan saves one visit, and undo takes it back', async () => {
    const before = await visitCount(page);
    await page.getByRole('radio', { name: 'Toeslagen' }).click();
    await page.getByRole('radio', { name: 'Korter dan 15 minuten' }).click();
    await page.getByRole('button', { name: 'Opslaan' }).dblclick();
    await waitForSaved(page);
    await page.waitForTimeout(300);
    expect(await visitCount(page)).toBe(before + 1);
    // The message keeps its word whole, on one line beside its button (at 360 px "Opgeslagen."
    // once broke in two, squeezed by the button).
    const toast = page.getByTestId('toast');
    const layout = await toast.evaluate((element) => {
      const [message, button] = [element.querySelector('span'), element.querySelector('button')];
      if (!message || !button) return null;
      const range = document.createRange();
      range.selectNodeContents(message);
      const text = range.getBoundingClientRect();
      const action = button.getBoundingClientRect();
      const middle = text.top + text.height / 2;
      return {
        lines: range.getClientRects().length,
        buttonHeight: Math.round(action.height),
        besideButton: middle > action.top && middle < action.bottom,
      };
    });
    expect(layout).toEqual({ lines: 1, buttonHeight: 44, besideButton: true });
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect.poll(() => page.getByTestId('toast').textContent()).toContain('ongedaan');
    await page.getByRole('link', { name: 'Vandaag' }).click();
    await expect.poll(() => page.getByTestId('visit').count()).toBe(before);
  });

  test('the note refuses what identifies a visitor, and saves nothing', async () => {
    await page.getByRole('link', { name: 'Registreren' }).click();
    // A visit saved just before: its "Opgeslagen" must not stay beside what is refused next.
    await registerDigiD(page);
    await page.getByTestId('toast').waitFor();
    const before = await visitCount(page);
    await page.getByRole('radio', { name: 'Belastingaangifte' }).click();
    await page.getByRole('radio', { name: 'Korter dan 15 minuten' }).click();
    await page.getByLabel('Notitie (niet verplicht)').fill('BSN 111222333 doorgegeven');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('burgerservicenummer');
    expect(await page.getByTestId('toast').count()).toBe(0);
    // Nothing is missing: something is there that may not be.
    expect(await summary.getByRole('heading').textContent()).toBe('Controleer de registratie');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className))
      .toContain('error-summary');
    await page.screenshot({ path: `${ARTIFACTS}/privacy-${name}.png` });
    expect(await visitCount(page)).toBe(before);
    await page.getByLabel('Notitie (niet verplicht)').fill('Aangifte samen ingevuld');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await waitForSaved(page);
    expect(await visitCount(page)).toBe(before + 1);
  });

  test('edit and delete a visit from Vandaag', async () => {
    await page.getByRole('link', { name: 'Vandaag' }).click();
    const visits = page.getByTestId('visit');
    await visits.filter({ hasText: 'Belastingaangifte' }).waitFor();
    const before = await visits.count();
    await page.screenshot({ path: `${ARTIFACTS}/today-${name}.png`, fullPage: true });
    await visits.filter({ hasText: 'Belastingaangifte' }).getByRole('link').click();
    await page.getByRole('heading', { name: 'Registratie aanpassen' }).waitFor();
    await page.getByRole('radio', { name: '30 minuten tot 1 uur' }).click();
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await expect
      .poll(() => page.getByTestId('toast').textContent())
      .toContain('Wijzigingen opgeslagen');
    await expect
      .poll(() => visits.filter({ hasText: 'Belastingaangifte' }).textContent())
      .toContain('30 minuten tot 1 uur');

    const tombstonesBefore = (await harness.server.store.allRecords()).filter(
      (r) => r.deleted === 1,
    ).length;
    await visits.filter({ hasText: 'Toeslagen' }).first().getByRole('link').click();
    await page.getByRole('button', { name: 'Registratie verwijderen' }).click();
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await expect.poll(() => visits.count()).toBe(before - 1);
    // The deletion arrives as a tombstone revision, and then nothing is left to send.
    const tombstones = async () =>
      (await harness.server.store.allRecords()).filter((record) => record.deleted === 1).length;
    await waitUntilSent(page, tombstones, tombstonesBefore + 1);
  });

  test('a whole registration with the keyboard alone', async () => {
    await page.getByRole('link', { name: 'Registreren' }).click();
    await page.getByRole('heading', { name: 'Nieuwe registratie' }).waitFor();
    const before = await visitCount(page);
    expect(await page.getByRole('radio', { name: 'Toeslagen' }).count()).toBe(1);
    // Start from the page heading and move only with Tab, arrows, space and Enter.
    await page.getByRole('heading', { name: 'Nieuwe registratie' }).focus();
    const focusOn = async (accessibleName: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const current = await page.evaluate(() => {
          const element = document.activeElement as HTMLInputElement | null;
          return element?.labels?.[0]?.textContent ?? element?.textContent ?? '';
        });
        if (current.trim() === accessibleName) return;
      }
      throw new Error(`could not reach "${accessibleName}" with Tab`);
    };
    await focusOn('DigiD');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight'); // Arrow keys move within the radio group…
    expect(await page.getByRole('radio', { name: 'Toeslagen' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowLeft'); // …and the group stays open for them.
    expect(await page.getByRole('radio', { name: 'DigiD', exact: true }).isChecked()).toBe(true);
    await focusOn('Uitleg gegeven');
    await page.keyboard.press('Space');
    await focusOn('Korter dan 15 minuten');
    await page.keyboard.press('Space');
    await focusOn('Opslaan');
    await page.keyboard.press('Enter');
    await waitForSaved(page);
    expect(await visitCount(page)).toBe(before + 1);
    // Focus returns to the top of the form, ready for the next visitor.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Nieuwe registratie',
    );
  });

  test('a referral picks a partner from the sociale kaart; the partner stays on the device', async () => {
    const sheet = [
      'Naam;Omschrijving;Onderwerpen;Straat;Postcode;Plaats;Telefoon;Openingstijden',
      'Formulierenhulp Centrum;Hulp bij formulieren;Toeslagen;Neude 1;3512 AA;Utrecht;030 765 43 21;ma-vr 09:00-17:00',
    ].join('\r\n');
    await page.goto(`${harness.appUrl}/sociale-kaart/uitwisselen`);
    await page.getByLabel('Bestanden kiezen').setInputFiles({
      name: 'kaart.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(sheet),
    });
    await page.getByTestId('import-done').waitFor();

    await page.getByRole('link', { name: 'Registreren' }).click();
    await page.getByRole('radio', { name: 'Toeslagen' }).click();
    await page.getByRole('checkbox', { name: 'Doorverwezen' }).click();
    await page.getByRole('radio', { name: /Formulieren- of belastinghulp/ }).click();
    await page.getByRole('radio', { name: /Formulierenhulp Centrum/ }).click();
    await page.getByRole('radio', { name: 'Korter dan 15 minuten' }).click();
    await page.screenshot({ path: `${ARTIFACTS}/referral-${name}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await waitForSaved(page);

    const partners = await page.evaluate(
      () =>
        new Promise<unknown[]>((resolve) => {
          const open = indexedDB.open('balie');
          open.onsuccess = () => {
            const all = open.result.transaction('visits').objectStore('visits').getAll();
            all.onsuccess = () =>
              resolve((all.result as { partners: unknown[] }[]).flatMap((row) => row.partners));
          };
        }),
    );
    expect(partners.filter((id) => typeof id === 'string')).toHaveLength(1);
    const referrals = async () =>
      (await harness.server.store.allRecords()).filter((record) =>
        record.body.includes('"kind":"formulierenhulp"'),
      ).length;
    await waitUntilSent(page, referrals, 1);
    const uploaded = (await harness.server.store.allRecords())
      .map((record) => record.body)
      .join('\n');
    expect(uploaded).toContain('"referral":{"kind":"formulierenhulp","warm":false}');
    expect(uploaded).not.toContain('Formulierenhulp Centrum');
    expect(uploaded).not.toContain(String(partners.find((id) => typeof id === 'string')));
  });

  test('no word breaks in two on any desk screen', async () => {
    const broken: string[] = [];
    for (const path of ['/', '/vandaag', '/versturen', '/instellingen', '/sociale-kaart']) {
      await page.goto(`${harness.appUrl}${path}`);
      await page.locator('h1').first().waitFor();
      await page.waitForTimeout(300);
      broken.push(...(await brokenWords(page)).map((word) => `${path} ${word}`));
    }
    expect(broken).toEqual([]);
  });

  test('axe-core finds no serious or critical problems on any screen', async () => {
    await page.goto(harness.appUrl);
    await registerDigiD(page);
    const screens = ['/', '/vandaag', '/versturen', '/instellingen'];
    const problems: string[] = [];
    for (const path of screens) {
      await page.goto(`${harness.appUrl}${path}`);
      await page.locator('h1').first().waitFor();
      await page.waitForTimeout(300);
      problems.push(...(await seriousViolations(page)).map((line) => `${path} ${line}`));
    }
    await page.goto(`${harness.appUrl}/vandaag`);
    await page.getByTestId('visit').first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Registratie aanpassen' }).waitFor();
    problems.push(...(await seriousViolations(page)).map((line) => `edit ${line}`));
    await page.screenshot({ path: `${ARTIFACTS}/sync-${name}.png`, fullPage: true });
    expect(problems).toEqual([]);
  });
});
