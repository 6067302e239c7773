// The outbox in queue order (store `queue`, src/data/upload-steps.ts): a batch is a run of
// neighbouring keys, and an answer deletes exactly the acknowledged entries, whatever lies
// between them (another open batch, a refused entry, a revision made during the upload).

import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { BalieDb } from '../../../src/data/db';
import { saveVisit } from '../../../src/data/desk-writes';
import { editVisit } from '../../../src/data/registration-writes';
import { runs } from '../../../src/data/upload-steps';
import {
  type Answer,
  applyAnswer,
  type ClaimedBatch,
  claimBatch,
} from '../../../src/data/upload-writes';
import { visitContent } from '../../support/visits';

let db: BalieDb;
const client = (records: number) => ({ version: '1.0.0', unsent: records });
const take = (limit: number, busy: ClaimedBatch[] = []) =>
  claimBatch(db, { limit, maxBytes: 1e6, newBatchId: randomUUID, client, busy });
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
const queue = async () => (await db.queue.toArray()).map((e) => [e.id, e.rev, e.state]);

async function saveVisits(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  for (const [i, id] of ids.entries()) {
    await saveVisit(db.desk, { id, content: visitContent(), partners: [null] }, 1000 + i);
  }
  return ids;
}

beforeEach(async () => {
  db = new BalieDb(`test-${randomUUID()}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

test('the runs of keys that an answer deletes stop at every key it did not acknowledge', () => {
  expect(runs([1, 2, 3, 4, 5, 6], new Set([1, 2, 3, 4, 5, 6]))).toEqual([[1, 6]]);
  expect(runs([1, 2, 3, 5, 6, 9], new Set([1, 2, 5, 6, 9]))).toEqual([
    [1, 2],
    [5, 9],
  ]);
  expect(runs([4, 7], new Set())).toEqual([]);
});

test('acknowledging a batch deletes its entries only, not the entries queued between them', async () => {
  const ids = await saveVisits(5);
  const a = await take(2);
  const b = await take(2, a ? [a] : []);
  const [first, second] = a?.entries ?? [];
  if (!first || !second) throw new Error('expected two entries');
  await answer(a, { acked: [second], unanswered: [first] });
  // The queue's first and last entries, with b's two (still open) between them.
  const c = await take(2, b ? [b] : []);
  expect(c?.entries.map((e) => e.id)).toEqual([ids[0], ids[4]]);
  await answer(c, { acked: c?.entries ?? [] });
  expect(await queue()).toEqual([
    [ids[2], 1, 'queued'],
    [ids[3], 1, 'queued'],
  ]);
  const [third, fourth] = b?.entries ?? [];
  if (!third || !fourth) throw new Error('expected two entries');
  await answer(b, { acked: [fourth], rejected: [{ ...third, reason: 'fout' }] });
  expect(await queue()).toEqual([[ids[2], 1, 'rejected']]);
});

test('an edit during the upload is a new revision at the queue’s end; the answer leaves it', async () => {
  const ids = await saveVisits(3);
  // Edited before any batch took it: replaced in place, and queued again at the end.
  await editVisit(
    db,
    { id: ids[0] ?? '', content: visitContent({ hour: 9 }), partners: [null] },
    2000,
  );
  const batch = await take(10);
  expect(batch?.entries.map((e) => [e.id, e.rev])).toEqual([
    [ids[1], 1],
    [ids[2], 1],
    [ids[0], 1],
  ]);
  // Edited while the batch is on its way: revision 2, after the batch's keys.
  await editVisit(
    db,
    { id: ids[1] ?? '', content: visitContent({ hour: 10 }), partners: [null] },
    3000,
  );
  await answer(batch, { acked: batch?.entries ?? [] });
  expect(await queue()).toEqual([[ids[1], 2, 'queued']]);
  const next = await take(10);
  expect(next?.entries.map((e) => [e.id, e.rev])).toEqual([[ids[1], 2]]);
});
