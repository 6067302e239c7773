// Linking devices with a koppelcode, typed or opened as the QR link, against the real endpoint:
// records carry the location id, a walking phone switches location in one tap, desk lists
// follow the organisation, a revoked device keeps its records and sends them once after linking
// again, and an outbox of the previous version (branch names) loses nothing.

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type Harness,
  linkWithCode,
  organisationOf,
  startHarness,
  waitForApp,
} from '../support/harness';
import { registerDigiD } from '../support/register';

let harness: Harness;
let org: Awaited<ReturnType<typeof organisationOf>>;
let desk: Page;
let walking: Page;
let walkingContext: BrowserContext;
let centrum: string;
let lopend: string;

beforeAll(async () => {
  harness = await startHarness();
  org = await organisationOf(harness);
  centrum = await org.locationId('Bibliotheek Teststad');
  lopend = await org.addLocation('Lopend IDO Centrum', 'lopend-ido');
  desk = harness.context.pages()[0] ?? (await harness.context.newPage());
  walkingContext = await harness.launchDevice();
  walking = walkingContext.pages()[0] ?? (await walkingContext.newPage());
});

afterAll(async () => {
  await harness?.close();
});

const records = async () =>
  (await harness.server.store.allRecords()).map((row) => ({
    ...row,
    record: JSON.parse(row.body) as { location?: string },
  }));
const unsent = (page: Page) => page.getByTestId('status').getAttribute('data-unsent');

describe('linking with a koppelcode', () => {
  test('typed (case, spaces and dashes ignored): registers offline and online with the location id', async () => {
    const code = await org.koppelcode(centrum, 'Tablet balie');
    await linkWithCode(desk, harness.appUrl, ` ${code.toLowerCase().replace('-', ' ')} `);
    await waitForApp(desk);
    expect(await desk.getByTestId('location').textContent()).toContain('Bibliotheek Teststad');

    await harness.context.setOffline(true);
    await registerDigiD(desk);
    // Polled: the status bar counts again just after the save, not with it.
    await expect.poll(() => unsent(desk)).toBe('1');
    await harness.context.setOffline(false);
    await registerDigiD(desk);
    await expect.poll(() => unsent(desk), { timeout: 30_000 }).toBe('0');
    expect((await records()).map((row) => row.record.location)).toEqual([centrum, centrum]);
  });

  test('a used code is refused in plain Dutch; the QR link links at once', async () => {
    const used = await org.koppelcode(lopend, 'Telefoon lopend');
    const first = await harness.launchDevice();
    const other = first.pages()[0] ?? (await first.newPage());
    await linkWithCode(other, harness.appUrl, used);
    await waitForApp(other);
    await first.close();

    await linkWithCode(walking, harness.appUrl, used);
    await walking.getByText('Deze koppelcode is al gebruikt').waitFor();
    await walking.screenshot({ path: 'tests/e2e/.artifacts/linking-used.png', fullPage: true });

    const code = await org.koppelcode(lopend, 'Telefoon lopend 2');
    await walking.goto(`${harness.appUrl}/#koppelcode=${code.replace('-', '')}`);
    await waitForApp(walking);
    expect(await walking.getByTestId('location').textContent()).toContain('Lopend IDO Centrum');
    // The code does not stay in the address bar.
    expect(walking.url()).not.toContain('koppelcode');
  });

  test('a walking phone switches location in one tap; the next record carries the other id', async () => {
    const seen = new Set((await records()).map((row) => row.id));
    const fresh = async () => (await records()).filter((row) => !seen.has(row.id));
    await registerDigiD(walking);
    await expect.poll(async () => (await fresh()).length, { timeout: 30_000 }).toBe(1);
    expect((await fresh())[0]?.record.location).toBe(lopend);
    for (const row of await fresh()) seen.add(row.id);

    await walking.getByTestId('location').click();
    await walking.getByRole('button', { name: 'Bibliotheek Teststad' }).click();
    await expect
      .poll(() => walking.getByTestId('location').textContent())
      .toContain('Bibliotheek Teststad');
    await walking.screenshot({ path: 'tests/e2e/.artifacts/linking-location.png' });
    await registerDigiD(walking);
    await expect.poll(async () => (await fresh()).length, { timeout: 30_000 }).toBe(1);
    expect((await fresh())[0]?.record.location).toBe(centrum);
  });

  test('desk lists are read-only and follow the organisation', async () => {
    await harness.server.store.org.putCatalogue(org.id, 0, {
      hidden: ['channels:telefoon'],
      added: [],
    });
    await walking.reload();
    await waitForApp(walking);
    await expect
      .poll(() => walking.getByRole('radio', { name: 'Telefonisch' }).count(), { timeout: 20_000 })
      .toBe(0);
    await walking.getByRole('link', { name: 'Instellingen' }).first().click();
    await walking.getByText('Uw beheerder beheert de keuzelijsten').waitFor();
    await walking.getByText('Hoe kwam de vraag binnen').click();
    const telephone = walking.getByRole('checkbox', { name: 'Telefonisch' });
    expect(await telephone.isDisabled()).toBe(true);
    expect(await telephone.isChecked()).toBe(false);
    expect(await walking.getByRole('button', { name: 'Toevoegen' }).count()).toBe(0);
  });
});

describe('a revoked device', () => {
  test('keeps its records, says to link again, and sends them exactly once after linking again', async () => {
    await desk.getByRole('link', { name: 'Registreren' }).first().click();
    const before = await harness.server.store.countRecords();
    await harness.server.store.org.revokeDevice(org.id, await org.deviceId('Tablet balie'));
    await registerDigiD(desk);
    await registerDigiD(desk);
    await expect
      .poll(() => desk.getByTestId('status').textContent(), { timeout: 20_000 })
      .toContain('Koppel dit apparaat opnieuw');
    await expect.poll(() => unsent(desk)).toBe('2');

    await desk.getByRole('link', { name: 'Versturen' }).first().click();
    await desk.getByRole('alert').filter({ hasText: 'opnieuw gekoppeld' }).waitFor();
    // No "zojuist" for a next try that only comes after linking again.
    expect(await desk.locator('dt:has-text("Volgende poging") + dd').textContent()).toBe(
      'Na opnieuw koppelen',
    );
    await desk.screenshot({ path: 'tests/e2e/.artifacts/linking-revoked.png', fullPage: true });
    await desk.getByRole('link', { name: 'Opnieuw koppelen met een nieuwe koppelcode' }).click();
    // A typo first: the message says what is wrong with it, and nothing is linked.
    await desk.getByLabel('Koppelcode').fill('ABCD-1234');
    await desk.getByRole('button', { name: 'Opnieuw koppelen' }).click();
    await desk.getByText('In een koppelcode staat geen 1. Controleer de code.').waitFor();
    await desk.getByLabel('Koppelcode').fill(await org.koppelcode(centrum, 'Tablet balie 2'));
    await desk.getByRole('button', { name: 'Opnieuw koppelen' }).click();
    await desk.getByRole('heading', { name: 'Versturen' }).waitFor();
    await expect.poll(() => unsent(desk), { timeout: 30_000 }).toBe('0');
    expect(await harness.server.store.countRecords()).toBe(before + 2);
    // Sent once: asking again sends nothing more.
    await desk.getByRole('button', { name: 'Nu versturen' }).click();
    await desk.waitForTimeout(1_500);
    expect(await harness.server.store.countRecords()).toBe(before + 2);
  });
});

describe('an outbox of the previous version (branch names)', () => {
  test('a known name is mapped, an unknown one is refused and fixed by choosing the location', async () => {
    const before = await harness.server.store.countRecords();
    const [known, unknown] = [crypto.randomUUID(), crypto.randomUUID()];
    await seedOldOutbox(desk, [
      { id: known, location: 'Bibliotheek  teststad' },
      { id: unknown, location: 'Oude vestiging' },
    ]);
    await desk.getByRole('link', { name: 'Versturen' }).first().click();
    await desk.getByRole('button', { name: 'Nu versturen' }).click();
    const refused = desk.getByTestId('refused');
    await expect.poll(() => refused.count(), { timeout: 20_000 }).toBe(1);
    expect(await refused.textContent()).toContain("Onbekende locatie 'Oude vestiging'");
    const stored = async () =>
      (await harness.server.store.allRecords()).filter((row) => row.id === known);
    expect(await stored()).toHaveLength(1);
    expect(await harness.server.store.countRecords()).toBe(before + 1);

    await refused.getByLabel('Kies de locatie').selectOption({ label: 'Lopend IDO Centrum' });
    await refused.getByRole('button', { name: 'Opnieuw versturen' }).click();
    await expect.poll(() => refused.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => unsent(desk), { timeout: 20_000 }).toBe('0');
    const fixed = (await harness.server.store.allRecords()).filter((row) => row.id === unknown);
    expect(fixed.map((row) => [row.rev, JSON.parse(row.body).location])).toEqual([[2, lopend]]);
    expect(await harness.server.store.countRecords()).toBe(before + 2);
  });
});

/**
 * Writes visits and outbox entries as the previous version did (the branch name in
 * `location`), straight into IndexedDB, copying a visit this device made.
 */
function seedOldOutbox(page: Page, visits: { id: string; location: string }[]): Promise<void> {
  return page.evaluate(
    (seeds) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('balie');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['visits', 'queue'], 'readwrite');
          const first = tx.objectStore('visits').openCursor();
          first.onsuccess = () => {
            const row = first.result?.value as { content: Record<string, unknown> } | undefined;
            if (!row) return reject(new Error('no visit to copy'));
            const now = Date.now();
            for (const seed of seeds) {
              const content = { ...row.content, location: seed.location };
              const record = { ...content, id: seed.id, rev: 1 };
              tx.objectStore('visits').put({
                id: seed.id,
                content,
                partners: [null],
                rev: 1,
                createdAt: now,
                updatedAt: now,
                deleted: 0,
                frozenRev: 0,
              });
              tx.objectStore('queue').put({
                id: seed.id,
                rev: 1,
                record,
                bytes: JSON.stringify(record).length,
                queuedAt: now,
                state: 'queued',
              });
            }
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    visits,
  );
}
