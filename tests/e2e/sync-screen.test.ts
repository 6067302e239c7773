// The closing-time screen, "Versturen": refused records with their reasons and a way to
// retry, a refused token that stops uploading until the device is linked again, and the
// download of everything unsent when nothing else works.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Harness, openApp, startHarness } from '../support/harness';
import { registerDigiD } from '../support/register';

let harness: Harness;
let page: Page;
/** While true, the endpoint refuses every record it is sent, with `reason`. */
let refuse = false;
const UNKNOWN = 'Onbekende vestiging: vraag de beheerder om deze toe te voegen.';
let reason = UNKNOWN;
/** While true, the endpoint answers every batch 503, as a server in trouble does. */
let down = false;

beforeAll(async () => {
  harness = await startHarness({
    hook: async (req, res, next) => {
      if (down && req.method === 'POST' && req.url === '/api/batches') {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'Even niet beschikbaar.' }));
        return;
      }
      if (!refuse || req.method !== 'POST' || req.url !== '/api/batches') return next();
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        records: { id: string; rev: number }[];
      };
      const results = batch.records.map(({ id, rev }) => ({
        id,
        rev,
        status: 'rejected',
        reason,
      }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ results }));
    },
  });
  page = await openApp(harness);
});

afterAll(async () => {
  await harness?.close();
});

const unsent = () => page.getByTestId('status').getAttribute('data-unsent');

describe('the Versturen screen', () => {
  test('a refused registration stays, with the reason, until it is sent again', async () => {
    refuse = true;
    await registerDigiD(page);
    await page.getByRole('link', { name: 'Versturen' }).first().click();
    const refused = page.getByTestId('refused');
    await expect.poll(() => refused.count(), { timeout: 20_000 }).toBe(1);
    expect(await refused.textContent()).toContain('Onbekende vestiging');
    expect(await page.getByTestId('status').textContent()).toContain('geweigerd');
    // Not on its way, and not counted as such: a tile of its own says it was refused.
    expect(await page.getByTestId('unsent-count').textContent()).toBe('0');
    expect(await page.getByTestId('refused-count').textContent()).toBe('1');
    await page.screenshot({ path: 'tests/e2e/.artifacts/sync-refused.png', fullPage: true });

    refuse = false;
    await refused.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect.poll(() => refused.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(unsent).toBe('0');
    // Sent again as a new revision, so it cannot clash with the refused one.
    expect((await harness.server.store.allRecords()).map((record) => record.rev)).toEqual([2]);
  });

  test('refused for a closed location with no other to choose: it says to ask the beheerder', async () => {
    refuse = true;
    reason =
      "De locatie 'Bibliotheek Teststad' is gesloten. Kies in Balie een andere locatie en verstuur opnieuw.";
    await page.getByRole('link', { name: 'Registreren' }).click();
    await registerDigiD(page);
    await page.getByRole('link', { name: 'Versturen' }).first().click();
    const refused = page.getByTestId('refused');
    await expect.poll(() => refused.count(), { timeout: 20_000 }).toBe(1);
    // The device knows only that location: choosing it again cannot help.
    expect(await refused.getByLabel('Kies de locatie').count()).toBe(0);
    await refused.getByText('Vraag uw beheerder om de locatie weer te openen').waitFor();
    refuse = false;
    reason = UNKNOWN;
    await refused.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect.poll(() => refused.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(unsent).toBe('0');
  });

  test('online while the server cannot answer: the status bar says so, not just online', async () => {
    down = true;
    await page.getByRole('link', { name: 'Registreren' }).click();
    await registerDigiD(page);
    const status = page.getByTestId('status');
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toContain('Geen contact met de server · 1 registratie nog niet verstuurd');
    down = false;
    await page.getByRole('link', { name: 'Versturen' }).first().click();
    await page.getByRole('button', { name: 'Nu versturen' }).click();
    await expect.poll(unsent, { timeout: 20_000 }).toBe('0');
    expect(await status.textContent()).not.toContain('Geen contact');
  });

  test('a revoked token stops uploading, keeps every record, and linking again sends them', async () => {
    const before = await harness.server.store.countRecords();
    await harness.server.store.revokeDevice('e2e');
    await page.getByRole('link', { name: 'Registreren' }).click();
    await registerDigiD(page);
    await page.getByRole('link', { name: 'Versturen' }).first().click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'opnieuw gekoppeld' })
      .waitFor({ timeout: 20_000 });
    expect(await page.getByRole('button', { name: 'Nu versturen' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('status').textContent()).toContain('Koppel dit apparaat opnieuw');
    await expect.poll(() => unsent()).toBe('1');

    const { token } = await harness.server.store.createDevice('e2e opnieuw');
    await page.getByRole('link', { name: 'Opnieuw koppelen' }).click();
    // Blocked, the form to link again is open already; a long code may go in the code field.
    await page.getByLabel('Koppelcode').fill(token);
    await page.getByRole('button', { name: 'Opnieuw koppelen' }).click();
    await page.getByRole('heading', { name: 'Versturen' }).waitFor();
    await expect.poll(unsent, { timeout: 30_000 }).toBe('0');
    expect(await harness.server.store.countRecords()).toBe(before + 1);
  });

  test('offline, every unsent registration can be downloaded as a file', async () => {
    await harness.context.setOffline(true);
    await page.getByRole('link', { name: 'Registreren' }).click();
    await registerDigiD(page);
    await registerDigiD(page);
    await page.getByRole('link', { name: 'Versturen' }).first().click();
    expect(await page.getByTestId('unsent-count').textContent()).toBe('2');
    expect(await page.getByTestId('last-error').textContent()).toContain('Geen verbinding');
    expect(await page.getByTestId('persisted').textContent()).toMatch(/bewaard/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download niet-verstuurde registraties' }).last().click(),
    ]);
    const file = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as {
      records: { record: { questions: { topic: string }[] } }[];
    };
    expect(file.records).toHaveLength(2);
    expect(file.records[0]?.record.questions[0]?.topic).toBe('digid');
    await page.screenshot({ path: 'tests/e2e/.artifacts/sync-offline.png', fullPage: true });
    await harness.context.setOffline(false);
    await expect.poll(unsent, { timeout: 30_000 }).toBe('0');
  });
});
