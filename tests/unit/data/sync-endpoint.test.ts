// The uploader against the real reference endpoint: every record stored exactly once.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../../../server/app';
import { BalieDb } from '../../../src/data/db';
import { countQueued } from '../../../src/data/desk-reads';
import { saveVisit } from '../../../src/data/desk-writes';
import { deleteVisit, editVisit } from '../../../src/data/registration-writes';
import { runSync } from '../../../src/data/sync';
import { visitContent } from '../../support/visits';
import { addTestLocation, openTestStore } from '../server/helpers';

let server: RunningServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'balie-sync-'));
  server = await startServer({ store: await openTestStore({ file: join(dir, 'balie.sqlite') }) });
  // Visits name their location as the previous version did (free text): the endpoint maps it.
  await addTestLocation(server.store);
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The uploader's dependencies for a device linked with `token`, fetching through `fetchFn`. */
function syncDeps(db: BalieDb, token: string, fetchFn: typeof fetch) {
  return {
    db,
    readDevice: async () => ({
      endpoint: `${server.url}/api`,
      token,
      deviceId: randomUUID(),
      location: 'Bibliotheek Teststad',
    }),
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetchFn(input, init),
    locks: {
      request: (_n: string, _o: { ifAvailable: true }, cb: (lock: unknown) => Promise<never>) =>
        cb({}),
    },
    now: Date.now,
    random: Math.random,
    newId: randomUUID,
  };
}

test('saves, edits and deletes reach the endpoint as revisions, each stored once', async () => {
  const db = new BalieDb(`test-${randomUUID()}`);
  const { token } = await server.store.createDevice('unit');
  const deps = syncDeps(db, token, fetch);
  const ids = Array.from({ length: 30 }, () => randomUUID());
  for (const id of ids)
    await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, Date.now());
  expect((await runSync(deps, 'manual')).sent).toBe(30);

  await editVisit(
    db,
    { id: ids[0] ?? '', content: visitContent({ hour: 16 }), partners: [null] },
    Date.now(),
  );
  await deleteVisit(db, ids[1] ?? '', Date.now());
  expect((await runSync(deps, 'manual')).sent).toBe(2);
  // A second run finds nothing and sends nothing twice.
  expect((await runSync(deps, 'manual')).outcome).toBe('nothing-to-send');

  expect(await countQueued(db.desk)).toBe(0);
  const stored = await server.store.allRecords();
  expect(stored).toHaveLength(32);
  expect(stored.filter((r) => r.id === ids[0]).map((r) => r.rev)).toEqual([1, 2]);
  expect(stored.find((r) => r.id === ids[1] && r.rev === 2)?.deleted).toBe(1);
  await db.delete();
});

test('a run of several batches leaves the endpoint knowing that nothing is left to send', async () => {
  // The next batch is taken while the one before is still on its way: its count of what waits
  // must not include that one, or the Devices screen shows records left that were sent.
  const db = new BalieDb(`test-${randomUUID()}`);
  const { device, token } = await server.store.createDevice('unit-many');
  // A slow network, as in the field: the next batch is taken before the answer comes.
  const slow = async (input: RequestInfo | URL, init?: RequestInit) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return fetch(input, init);
  };
  const deps = syncDeps(db, token, slow);
  for (let i = 0; i < 700; i++) {
    await saveVisit(
      db.desk,
      { id: randomUUID(), content: visitContent(), partners: [null] },
      Date.now(),
    );
  }
  expect((await runSync(deps, 'manual')).sent).toBe(700);
  const organisation = (await server.store.org.organisation()).id;
  const seen = await server.store.org.devices(organisation);
  expect(seen.find((row) => row.id === device.id)?.unsentAtLastUpload).toBe(0);
  await db.delete();
});
