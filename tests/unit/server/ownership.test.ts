// Finding 6, as the attack: a device of another organisation that knows a visit's id tries to
// add a revision and a tombstone to it; the same UUID in upper and lower case must be one visit.
// Devices of one organisation share its visits (a device linked anew sends its old outbox).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../../../server/app';
import { FOREIGN_VISIT } from '../../../server/ingest';
import { BatchReply } from '../../../src/core/upload/reply';
import { addTestLocation, envelope, openTestStore, postBatch, visit } from './helpers';

let server: RunningServer;
let dir: string;
let owner: string;
let intruder: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'balie-owner-'));
  server = await startServer({ store: await openTestStore({ file: join(dir, 'balie.sqlite') }) });
  await addTestLocation(server.store);
  owner = (await server.store.createDevice('balie 1')).token;
  const other = await server.store.org.createOrganisation('Andere bibliotheek');
  const elsewhere = await addTestLocation(server.store, 'Elders', other.id);
  intruder = (await server.store.createDevice('balie 2', 'desk', elsewhere)).token;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const results = async (token: string, records: unknown[]) =>
  BatchReply.parse((await postBatch(server.url, envelope(records), { token })).json).results;

test('a device of another organisation cannot add a revision or a tombstone to a visit', async () => {
  const record = visit();
  expect((await results(owner, [record]))[0]?.status).toBe('accepted');

  const attack = await results(intruder, [
    { ...record, rev: 2, note: 'Overschreven.' },
    { id: record.id, rev: 3, deleted: true },
    { ...record, id: record.id.toUpperCase(), rev: 4 },
  ]);
  expect(attack.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
  expect(attack[0]?.reason).toBe(FOREIGN_VISIT);
  // Same id + rev from the intruder is not even told whether the content matched.
  const same = await results(intruder, [record]);
  expect(same[0]).toMatchObject({ status: 'rejected', reason: FOREIGN_VISIT });

  const stored = (await server.store.allRecords()).filter((row) => row.id === record.id);
  expect(stored.map((row) => [row.rev, row.deleted])).toEqual([[1, 0]]);

  // The owner still can.
  const own = await results(owner, [{ id: record.id, rev: 2, deleted: true }]);
  expect(own[0]?.status).toBe('accepted');
});

test('the same UUID in upper and lower case is one visit; the reply names it as it was sent', async () => {
  const record = visit();
  const upper = record.id.toUpperCase();
  expect(await results(owner, [{ ...record, id: upper }])).toEqual([
    { id: upper, rev: 1, status: 'accepted' },
  ]);
  expect(await results(owner, [record])).toEqual([{ id: record.id, rev: 1, status: 'duplicate' }]);
  expect((await results(owner, [{ ...record, hour: 15 }]))[0]?.status).toBe('conflict');
  const rows = (await server.store.allRecords()).filter(
    (row) => row.id.toLowerCase() === record.id,
  );
  expect(rows.map((row) => row.id)).toEqual([record.id]);
  expect(JSON.parse(rows[0]?.body ?? '{}').id).toBe(record.id);
  // And another device cannot reach it by changing the case either.
  expect((await results(intruder, [{ ...record, id: upper, rev: 2 }]))[0]?.reason).toBe(
    FOREIGN_VISIT,
  );
});

test('a batch id in another case is the same batch id: its records are not stored twice', async () => {
  const record = visit();
  const batch = envelope([record]);
  const first = await postBatch(server.url, batch, { token: owner });
  const again = await postBatch(
    server.url,
    { ...batch, batchId: batch.batchId.toUpperCase() },
    { token: owner, key: batch.batchId.toUpperCase() },
  );
  expect(first.status).toBe(200);
  // The same id with another body (the batchId's case differs): refused like any reuse.
  expect(again.status).toBe(422);
  expect((await server.store.allRecords()).filter((row) => row.id === record.id)).toHaveLength(1);
});
