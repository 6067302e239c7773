// The walking skeleton, end to end: the app works offline after one visit, a visit
// registered offline survives closing the page, and reaches the endpoint exactly once.

import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Harness, openApp, startHarness } from '../support/harness';
import { registerDigiD } from '../support/register';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

test('register offline, reopen, come back online: one copy on the server, shown as sent', async () => {
  const page = await openApp(harness);

  await harness.context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Nieuwe registratie' }).waitFor();

  await registerDigiD(page);
  await expect.poll(() => page.getByTestId('toast').textContent()).toContain('Opgeslagen');

  // Close the page and open the app again, still offline.
  await page.close();
  const again = await harness.context.newPage();
  await again.goto(`${harness.server.url}/vandaag`);
  const visit = again.getByTestId('visit');
  await expect.poll(() => visit.count()).toBe(1);
  expect(await visit.getAttribute('data-mark')).toBe('unsent');
  expect(await visit.textContent()).toContain('DigiD');
  expect(await harness.server.store.countRecords()).toBe(0);

  await harness.context.setOffline(false);
  await expect.poll(() => visit.getAttribute('data-mark'), { timeout: 30_000 }).toBe('sent');
  const stored = await harness.server.store.allRecords();
  expect(stored).toHaveLength(1);
  expect(stored[0]?.rev).toBe(1);
  // The record names its IDO location by the organisation's id for it, not by free text.
  const store = harness.server.store;
  const location = (await store.org.locations((await store.org.organisation()).id)).find(
    (known) => known.name === 'Bibliotheek Teststad',
  );
  expect(JSON.parse(stored[0]?.body ?? '{}')).toMatchObject({
    location: location?.id,
    questions: [{ domain: 'digitale-overheid', topic: 'digid' }],
  });
  await expect.poll(() => again.getByTestId('status').getAttribute('data-unsent')).toBe('0');
});
