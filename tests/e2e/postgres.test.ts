// The whole path on PostgreSQL, in the browser: a device registers offline, reloads, comes back
// online, and the visit reaches an endpoint that keeps its data in PostgreSQL, once; a manager's
// report from that database counts it. The server is a throwaway one this file starts.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Harness, openApp, startHarness } from '../support/harness';
import { createDatabase, startPostgres, type TestPostgres } from '../support/postgres';
import { registerDigiD } from '../support/register';

let postgres: TestPostgres;
let harness: Harness;

beforeAll(async () => {
  postgres = await startPostgres();
  harness = await startHarness({ databaseUrl: await createDatabase(postgres.url) });
});

afterAll(async () => {
  await harness?.close();
  await postgres?.stop();
});

test('registered offline, reloaded, online again: stored once in PostgreSQL and counted', async () => {
  expect(harness.server.store.dialect).toBe('postgres');
  const page = await openApp(harness);
  await harness.context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Nieuwe registratie' }).waitFor();
  await registerDigiD(page);
  await registerDigiD(page);
  await expect.poll(() => page.getByTestId('toast').textContent()).toContain('Opgeslagen');
  await page.goto(`${harness.server.url}/vandaag`);
  const visits = page.getByTestId('visit');
  await expect.poll(() => visits.count()).toBe(2);
  expect(await harness.server.store.countRecords()).toBe(0);

  await harness.context.setOffline(false);
  await expect
    .poll(() => page.getByTestId('status').getAttribute('data-unsent'), {
      timeout: 30_000,
    })
    .toBe('0');
  const stored = await harness.server.store.allRecords();
  expect(stored).toHaveLength(2);
  expect(new Set(stored.map((row) => row.id)).size).toBe(2);

  const store = harness.server.store;
  const organisation = (await store.org.organisation()).id;
  const day = JSON.parse(stored[0]?.body ?? '{}').day as string;
  const report = await store.report({ organisationId: organisation, from: day, to: day });
  expect(report.visits).toBe(2);
  expect(report.byDomain).toEqual({ 'digitale-overheid': 2 });
});
