// The outbox rules in src/data/writes.ts against a real IndexedDB implementation.

import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { addLocalOption, hideOption } from '../../../src/core/registration/catalogue';
import { watch } from '../../../src/data/changes';
import { BalieDb } from '../../../src/data/db';
import { countQueued, readCustomisation } from '../../../src/data/desk-reads';
import { saveVisit } from '../../../src/data/desk-writes';
import { changeCustomisation } from '../../../src/data/list-writes';
import { visitsOfDay } from '../../../src/data/registration-reads';
import { deleteVisit, editVisit, retryRefused } from '../../../src/data/registration-writes';
import { outboxSummary } from '../../../src/data/upload-reads';
import {
  type Answer,
  applyAnswer,
  type ClaimedBatch,
  claimBatch,
  releaseBatch,
} from '../../../src/data/upload-writes';
import { visitContent } from '../../support/visits';

let db: BalieDb;
const client = (records: number) => ({ version: '1.0.0', unsent: records });
const claim = () =>
  claimBatch(db, { limit: 200, maxBytes: 512 * 1024, newBatchId: randomUUID, client });
const entries = () => db.queue.orderBy('[id+rev]').toArray();
/** The endpoint's answer to a batch: the parts given, every other part empty. */
const answer = (batch: ClaimedBatch | null, parts: Partial<Answer>) => {
  if (!batch) throw new Error('expected a batch');
  return applyAnswer(db, batch, {
    acked: [],
    rejected: [],
    conflicts: [],
    unanswered: [],
    ...parts,
  });
};

beforeEach(async () => {
  db = new BalieDb(`test-${randomUUID()}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

describe('saving', () => {
  test('a save writes the visit and its first revision to the outbox together', async () => {
    const id = randomUUID();
    expect(await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000)).toBe(
      'saved',
    );
    const [entry] = await entries();
    expect(entry).toMatchObject({ id, rev: 1, state: 'queued' });
    expect(await db.batches.count()).toBe(0);
    expect(entry?.record).toMatchObject({ id, rev: 1, location: 'Bibliotheek Teststad' });
    expect(entry?.record).not.toHaveProperty('partners');
  });

  test('saving the same id twice (a double tap) keeps one visit', async () => {
    const id = randomUUID();
    await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000);
    expect(
      await saveVisit(db.desk, { id, content: visitContent({ hour: 11 }), partners: [null] }, 1001),
    ).toBe('exists');
    expect(await db.visits.count()).toBe(1);
    expect((await db.visits.get(id))?.content.hour).toBe(10);
  });

  test('the local partner never reaches the upload record', async () => {
    const id = randomUUID();
    await saveVisit(db.desk, { id, content: visitContent(), partners: ['partner-42'] }, 1000);
    const [entry] = await entries();
    expect(JSON.stringify(entry?.record)).not.toContain('partner-42');
    expect((await db.visits.get(id))?.partners).toEqual(['partner-42']);
  });
});

describe('editing and deleting', () => {
  test('before upload an edit replaces the queued revision', async () => {
    const id = randomUUID();
    await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000);
    await editVisit(db, { id, content: visitContent({ hour: 14 }), partners: [null] }, 2000);
    const all = await entries();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ rev: 1, record: { hour: 14 } });
  });

  test('once a batch took a revision, an edit makes a new one and leaves the batch untouched', async () => {
    const id = randomUUID();
    await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000);
    const batch = await claim();
    await editVisit(db, { id, content: visitContent({ hour: 15 }), partners: [null] }, 2000);
    const all = await entries();
    expect(all.map((e) => e.rev)).toEqual([1, 2]);
    expect((await db.batches.get(batch?.batchId ?? ''))?.refs).toEqual([[id, 1]]);
    expect(all[0]?.record).toMatchObject({ hour: 10 });
    expect(all[1]?.record).toMatchObject({ hour: 15 });
  });

  test('a delete while the visit is in an open batch queues a tombstone and keeps the batch', async () => {
    const id = randomUUID();
    await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000);
    const batch = await claim();
    expect(await deleteVisit(db, id, 2000)).toBe('tombstoned');
    expect((await entries()).map((e) => [e.rev, e.record])).toEqual([
      [1, expect.objectContaining({ hour: 10 })],
      [2, { id, rev: 2, deleted: true }],
    ]);
    expect((await claim())?.batchId).toBe(batch?.batchId);
  });

  test('after the endpoint acknowledged a revision, edits go to a new one, replaced until sent', async () => {
    const id = randomUUID();
    await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000);
    const batch = await claim();
    await answer(batch, { acked: batch?.entries ?? [] });
    await editVisit(db, { id, content: visitContent({ hour: 11 }), partners: [null] }, 2000);
    await editVisit(db, { id, content: visitContent({ hour: 12 }), partners: [null] }, 3000);
    expect((await entries()).map((e) => [e.rev, e.record])).toEqual([
      [2, expect.objectContaining({ hour: 12 })],
    ]);
    expect(await deleteVisit(db, id, 4000)).toBe('tombstoned');
    expect((await entries()).map((e) => e.record)).toEqual([{ id, rev: 2, deleted: true }]);
  });

  test('records of a batch the endpoint refused whole (413) stay frozen', async () => {
    const id = randomUUID();
    await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000);
    const batch = await claim();
    await releaseBatch(db, batch?.batchId ?? '');
    expect(await db.batches.count()).toBe(0);
    await editVisit(db, { id, content: visitContent({ hour: 15 }), partners: [null] }, 2000);
    expect((await entries()).map((e) => [e.rev, e.record.rev])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  test('records a reply left out stay frozen', async () => {
    const id = randomUUID();
    await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000);
    const batch = await claim();
    await answer(batch, { unanswered: batch?.entries ?? [] });
    expect(await db.batches.count()).toBe(0);
    expect(await deleteVisit(db, id, 2000)).toBe('tombstoned');
    expect((await entries()).map((e) => e.rev)).toEqual([1, 2]);
  });

  test('a delete before upload removes the visit and its outbox entries', async () => {
    const id = randomUUID();
    await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000);
    expect(await deleteVisit(db, id, 2000)).toBe('removed');
    expect(await db.visits.count()).toBe(0);
    expect(await db.queue.count()).toBe(0);
  });

  test('a delete after upload queues a tombstone revision and hides the visit', async () => {
    const id = randomUUID();
    await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000);
    const batch = await claim();
    await answer(batch, { acked: batch?.entries ?? [] });
    expect(await deleteVisit(db, id, 2000)).toBe('tombstoned');
    const all = await entries();
    expect(all).toEqual([
      expect.objectContaining({ rev: 2, record: { id, rev: 2, deleted: true } }),
    ]);
    expect(await visitsOfDay(db, '2026-11-23')).toEqual([]);
  });
});

describe('batches', () => {
  test('an interrupted batch is sent again with the same id and records', async () => {
    for (let i = 0; i < 3; i++) {
      await saveVisit(
        db.desk,
        { id: randomUUID(), content: visitContent(), partners: [null] },
        1000 + i,
      );
    }
    const first = await claim();
    await saveVisit(db.desk, { id: randomUUID(), content: visitContent(), partners: [null] }, 5000);
    const again = await claim();
    expect(again?.batchId).toBe(first?.batchId);
    expect(again?.entries.map((e) => e.record)).toEqual(first?.entries.map((e) => e.record));
  });

  test('a batch row that lost an entry is closed; its other records go out in a new batch', async () => {
    const ids = [randomUUID(), randomUUID()];
    for (const [i, id] of ids.entries()) {
      await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000 + i);
    }
    const first = await claim();
    // Not something the app does; a damaged disk or a bug elsewhere could.
    await db.queue.where({ id: ids[0], rev: 1 }).delete();
    const next = await claim();
    expect(next?.batchId).not.toBe(first?.batchId);
    expect(next?.entries.map((e) => e.id)).toEqual([ids[1]]);
    expect((await db.batches.toArray()).map((row) => row.batchId)).toEqual([next?.batchId]);
  });

  test('the next batch, taken while one is on its way, holds none of its records', async () => {
    const ids = Array.from({ length: 5 }, () => randomUUID());
    for (const [i, id] of ids.entries()) {
      await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000 + i);
    }
    const take = (busy: ClaimedBatch[]) =>
      claimBatch(db, { limit: 2, maxBytes: 1e6, newBatchId: randomUUID, client, busy });
    const a = await take([]);
    const b = await take(a ? [a] : []);
    expect(a?.entries.map((e) => e.id)).toEqual(ids.slice(0, 2));
    expect(b?.entries.map((e) => e.id)).toEqual(ids.slice(2, 4));
    // The first answer leaves one record out: it goes with the last, at the queue's end.
    const [first, second] = a?.entries ?? [];
    if (!first || !second) throw new Error('expected two entries');
    await answer(a, { acked: [second], unanswered: [first] });
    const c = await take(b ? [b] : []);
    expect(c?.entries.map((e) => e.id)).toEqual([ids[0], ids[4]]);
    // A next run sends the open batches again before it takes a new one.
    expect([b?.batchId, c?.batchId]).toContain((await take([]))?.batchId);
  });

  test('the batch limit and byte budget are respected', async () => {
    for (let i = 0; i < 5; i++) {
      await saveVisit(
        db.desk,
        { id: randomUUID(), content: visitContent(), partners: [null] },
        1000 + i,
      );
    }
    const batch = await claimBatch(db, { limit: 2, maxBytes: 1e6, newBatchId: randomUUID, client });
    expect(batch?.entries).toHaveLength(2);
    const entry = batch?.entries[0];
    await releaseBatch(db, batch?.batchId ?? '');
    const small = await claimBatch(db, {
      limit: 10,
      maxBytes: (entry?.bytes ?? 0) + 1,
      newBatchId: randomUUID,
      client,
    });
    expect(small?.entries).toHaveLength(1);
  });

  test('only acknowledged records leave the outbox; refused ones stay with their reason', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const [i, id] of ids.entries()) {
      await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000 + i);
    }
    const batch = await claim();
    const [a, b, c, d] = batch?.entries ?? [];
    if (!a || !b || !c || !d) throw new Error('expected four entries');
    await answer(batch, {
      acked: [a],
      rejected: [{ id: b.id, rev: b.rev, reason: 'Niet geldig: day' }],
      conflicts: [{ id: c.id, rev: c.rev, reason: 'andere inhoud' }],
      unanswered: [d],
    });
    const summary = await outboxSummary(db);
    expect(summary.unsent).toBe(1);
    expect(summary.refused.map((e) => [e.id, e.state, e.reason])).toEqual(
      expect.arrayContaining([
        [b.id, 'rejected', 'Niet geldig: day'],
        [c.id, 'conflict', 'andere inhoud'],
      ]),
    );
    expect(await db.queue.get({ id: a.id, rev: a.rev })).toBeUndefined();
    // The unanswered record is out of its batch, so the next batch gets a fresh id.
    const next = await claim();
    expect(next?.entries.map((e) => e.id)).toEqual([d.id]);
    expect(next?.batchId).not.toBe(batch?.batchId);
  });

  test('a view of the outbox hears that acknowledged records left it', async () => {
    for (let i = 0; i < 3; i++) {
      await saveVisit(db.desk, { id: randomUUID(), content: visitContent(), partners: [null] }, i);
    }
    const seen: number[] = [];
    const zero = new Promise<void>((resolve) => {
      const stop = watch(db.name, ['queue'], async () => {
        const count = await countQueued(db.desk);
        seen.push(count);
        if (count === 0) {
          stop();
          resolve();
        }
      });
    });
    const batch = await claim();
    await answer(batch, { acked: batch?.entries ?? [] });
    await zero;
    expect(seen.at(-1)).toBe(0);
  });

  test('retrying a refused record queues it as a new revision', async () => {
    const id = randomUUID();
    await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000);
    const batch = await claim();
    await answer(batch, { conflicts: [{ id, rev: 1, reason: 'andere inhoud' }] });
    expect(await retryRefused(db, { id, rev: 1 }, 2000)).toBe(true);
    const all = await entries();
    expect(all.map((e) => [e.rev, e.state])).toEqual([[2, 'queued']]);
  });

  test('editing a refused visit replaces the refused entry', async () => {
    const id = randomUUID();
    await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000);
    const batch = await claim();
    await answer(batch, { rejected: [{ id, rev: 1, reason: 'fout' }] });
    await editVisit(db, { id, content: visitContent({ hour: 9 }), partners: [null] }, 2000);
    const all = await entries();
    expect(all.map((e) => [e.rev, e.state])).toEqual([[2, 'queued']]);
  });
});

describe("the branch's answer lists", () => {
  test('two quick changes both stay: each applies to what is stored, not to a stale copy', async () => {
    await Promise.all([
      changeCustomisation(db, (current) => hideOption(current, 'channels', 'telefoon')),
      changeCustomisation(db, (current) =>
        addLocalOption(current, 'topics', 'Spreekuur', 'abc123', 'digitale-overheid'),
      ),
    ]);
    const custom = await readCustomisation(db.desk);
    expect(custom.revision).toBe(2);
    expect(custom.hidden).toEqual(['channels:telefoon']);
    expect(custom.added.map((option) => option.label)).toEqual(['Spreekuur']);
  });
});
