// The updates of the database: to version 4 (src/data/db-batch-rows.ts), an outbox written by
// an older version, with a batch id on each entry of an unanswered batch, is sent after the
// update, that batch first and unchanged (same id, records in the same order, same client
// info); to version 5 (src/data/db-queue.ts), the outbox moves to a store in queue order.

import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { afterEach, expect, test } from 'vitest';
import type { Device } from '../../../src/core/upload/enrolment';
import { BalieDb } from '../../../src/data/db';
import { countQueued } from '../../../src/data/desk-reads';
import { runSync } from '../../../src/data/sync';
import { visitContent } from '../../support/visits';

const device: Device = {
  endpoint: 'https://balie.example/api',
  token: 'a-token-of-sixteen-chars',
  deviceId: randomUUID(),
  location: 'Bibliotheek Teststad',
};

/** The database as versions 1–3 (or 4) of the app declared it. */
class OlderDb extends Dexie {
  constructor(name: string, upTo: 3 | 4 = 3) {
    super(name);
    this.version(1).stores({
      visits: 'id, content.day, updatedAt',
      outbox: '[id+rev], id, state, queuedAt',
      state: 'key',
    });
    this.version(2).stores({ partners: 'id, name, *topics' });
    this.version(3).stores({ outbox: '[id+rev], id, state, queuedAt, batchId, [state+queuedAt]' });
    if (upTo === 4) {
      this.version(4).stores({
        outbox: '[id+rev], id, state, queuedAt, [state+queuedAt]',
        batches: 'batchId',
      });
    }
  }
}

const names: string[] = [];

afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Writes visits and outbox entries as an older version did; returns the ids in queue order. */
async function olderOutbox(
  name: string,
  rows: { queuedAt: number; batchId: string | null }[],
  batchClient?: { batchId: string; client: { version: string; unsent: number } },
): Promise<string[]> {
  const older = new OlderDb(name);
  const ids = rows.map(() => randomUUID());
  const visits: unknown[] = [];
  const entries: unknown[] = [];
  for (const [i, { queuedAt, batchId }] of rows.entries()) {
    const id = ids[i] ?? '';
    const record = { ...visitContent(), id, rev: 1 };
    visits.push({
      id,
      rev: 1,
      content: visitContent(),
      partners: [null],
      createdAt: queuedAt,
      updatedAt: queuedAt,
      deleted: 0,
      frozenRev: batchId ? 1 : 0,
    });
    const bytes = JSON.stringify(record).length;
    entries.push({ id, rev: 1, record, bytes, queuedAt, state: 'queued', batchId });
  }
  await older.table('visits').bulkPut(visits);
  await older.table('outbox').bulkPut(entries);
  if (batchClient) await older.table('state').put({ key: 'batch-client', value: batchClient });
  older.close();
  return ids;
}

async function sendAll(db: BalieDb) {
  const bodies: { batchId: string; records: { id: string }[]; client?: unknown }[] = [];
  const result = await runSync(
    {
      db,
      readDevice: async () => device,
      fetch: async (_input, init) => {
        const body = JSON.parse(String(init?.body));
        bodies.push(body);
        return Response.json({
          results: body.records.map((r: { id: string; rev: number }) => ({
            id: r.id,
            rev: r.rev,
            status: 'accepted',
          })),
        });
      },
      locks: { request: (_name, _options, callback) => callback({}) },
      now: () => 10_000,
      random: () => 0.5,
      newId: randomUUID,
    },
    'manual',
  );
  return { result, bodies };
}

test("an older version's unanswered batch becomes one batch row and goes out first, unchanged", async () => {
  const name = `upgrade-${randomUUID()}`;
  names.push(name);
  const batchId = randomUUID();
  const client = { version: '0.1.0', unsent: 5 };
  // Queue order: the batch's entries are not stored in the order they were sent.
  const ids = await olderOutbox(
    name,
    [
      { queuedAt: 3, batchId },
      { queuedAt: 1, batchId },
      { queuedAt: 4, batchId: null },
      { queuedAt: 2, batchId },
      { queuedAt: 5, batchId: null },
    ],
    { batchId, client },
  );
  const [c, a, d, b, e] = ids;

  const db = new BalieDb(name);
  await db.open();
  expect(await db.batches.toArray()).toEqual([
    {
      batchId,
      refs: [
        [a, 1],
        [b, 1],
        [c, 1],
      ],
      client,
    },
  ]);
  expect((await db.queue.toArray()).some((entry) => 'batchId' in entry)).toBe(false);
  expect(await db.state.get('batch-client' as never)).toBeUndefined();

  const { result, bodies } = await sendAll(db);
  expect(result).toEqual({ outcome: 'done', sent: 5 });
  expect(bodies.map((body) => body.batchId)).toEqual([batchId, expect.any(String)]);
  expect(bodies[0]?.records.map((r) => r.id)).toEqual([a, b, c]);
  expect(bodies[0]?.client).toEqual(client);
  expect(bodies[1]?.records.map((r) => r.id)).toEqual([d, e]);
  expect(await db.queue.count()).toBe(0);
  expect(await db.batches.count()).toBe(0);
  db.close();
});

test('a batch an older version took but never sent (no client info kept) goes without it', async () => {
  const name = `upgrade-${randomUUID()}`;
  names.push(name);
  const batchId = randomUUID();
  const other = { batchId: randomUUID(), client: { version: '0.1.0', unsent: 9 } };
  await olderOutbox(name, [{ queuedAt: 1, batchId }], other);

  const db = new BalieDb(name);
  await db.open();
  expect(await db.batches.toArray()).toEqual([{ batchId, refs: [[expect.any(String), 1]] }]);
  const { result, bodies } = await sendAll(db);
  expect(result.sent).toBe(1);
  expect(bodies[0]?.batchId).toBe(batchId);
  expect(bodies[0]).not.toHaveProperty('client');
  db.close();
});

test('an older outbox with no batch open converts to entries without batch ids', async () => {
  const name = `upgrade-${randomUUID()}`;
  names.push(name);
  await olderOutbox(name, [
    { queuedAt: 1, batchId: null },
    { queuedAt: 2, batchId: null },
  ]);
  const db = new BalieDb(name);
  await db.open();
  expect(await db.batches.count()).toBe(0);
  const { result, bodies } = await sendAll(db);
  expect(result.sent).toBe(2);
  expect(bodies).toHaveLength(1);
  db.close();
});

test("version 4's outbox moves to the queue in upload order; its open batch goes out first, unchanged", async () => {
  const name = `upgrade-${randomUUID()}`;
  names.push(name);
  const older = new OlderDb(name, 4);
  const [a, b, c, d, e] = Array.from({ length: 5 }, () => randomUUID());
  // Stored in key order ([id, rev]), queued in another: a, b (one open batch), c, d, e.
  const queuedAt = new Map([
    [a, 1],
    [b, 2],
    [c, 3],
    [d, 3],
    [e, 4],
  ]);
  const entries = [...queuedAt].map(([id, at]) => {
    const record = { ...visitContent(), id, rev: 1 };
    const refused = id === c ? { state: 'rejected', reason: 'Niet geldig: day' } : {};
    return { id, rev: 1, record, bytes: 100, queuedAt: at, state: 'queued', ...refused };
  });
  await older.table('outbox').bulkPut(entries);
  const batchId = randomUUID();
  const client = { version: '0.2.0', unsent: 5 };
  const refs = [
    [a, 1],
    [b, 1],
  ];
  await older.table('batches').put({ batchId, refs, client });
  older.close();

  const db = new BalieDb(name);
  await db.open();
  expect(await db.outbox.count()).toBe(0);
  const queue = await db.queue.toArray();
  const ordered = [a, b, ...[c, d].sort(), e];
  expect(queue.map((entry) => entry.id)).toEqual(ordered);
  expect(queue.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5]);
  expect(queue.find((entry) => entry.id === c)).toMatchObject({
    state: 'rejected',
    reason: 'Niet geldig: day',
  });
  expect(await db.batches.toArray()).toEqual([{ batchId, refs, client }]);

  const { result, bodies } = await sendAll(db);
  expect(result).toEqual({ outcome: 'done', sent: 4 });
  expect(bodies.map((body) => body.batchId)).toEqual([batchId, expect.any(String)]);
  expect(bodies[0]?.records.map((r) => r.id)).toEqual([a, b]);
  expect(bodies[0]?.client).toEqual(client);
  expect(bodies[1]?.records.map((r) => r.id)).toEqual([d, e]);
  expect((await db.queue.toArray()).map((entry) => entry.id)).toEqual([c]);
  db.close();
});

test('what the previous version, still open in another tab, writes into its store is sent too', async () => {
  const name = `upgrade-${randomUUID()}`;
  names.push(name);
  const db = new BalieDb(name);
  await db.open();
  const [a, b] = [randomUUID(), randomUUID()];
  await db.queue.add({
    id: a,
    rev: 1,
    record: { ...visitContent(), id: a, rev: 1 },
    bytes: 100,
    queuedAt: 1,
    state: 'queued',
  });
  // As version 4 writes a save: into `outbox`, keyed by [id, rev].
  const record = { ...visitContent(), id: b, rev: 1 };
  await db.outbox.put({ id: b, rev: 1, record, bytes: 100, queuedAt: 2, state: 'queued' });
  expect(await countQueued(db.desk)).toBe(2);
  const { result, bodies } = await sendAll(db);
  expect(result).toEqual({ outcome: 'done', sent: 2 });
  expect(bodies.flatMap((body) => body.records.map((r) => r.id))).toEqual([a, b]);
  expect(await db.outbox.count()).toBe(0);
  expect(await db.queue.count()).toBe(0);
  db.close();
});
