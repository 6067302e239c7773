// The steps inside the uploader's transactions (upload-writes.ts opens them and keeps the
// rules): taking the next batch or sending an open one again, writing an answer, marking
// revisions frozen in their visits.

import type { Transaction } from 'dexie';
import type { ClientInfo } from '../core/upload/batch';
import { type RecordRef, refKey, takeBatch } from '../core/upload/outbox';
import type { BalieDb, BatchRow, OutboxEntry, StateRow } from './db';
import { adoptOlderEntries } from './db-queue';
import { StoredBatchRow } from './stored-state';

export interface ClaimedBatch {
  readonly batchId: string;
  readonly entries: readonly OutboxEntry[];
  /** The envelope's client info: made when the batch was taken, kept for every resend. */
  readonly client: ClientInfo | undefined;
  /** Taken before this claim (an open batch, maybe sent already), not just now. */
  readonly again: boolean;
}

export interface ClaimOptions {
  readonly limit: number;
  readonly maxBytes: number;
  readonly newBatchId: () => string;
  /** The client info for a new batch of `records` records. */
  readonly client: (records: number) => ClientInfo;
  /**
   * Open batches this uploader is sending right now: not sent again, and their records not
   * taken, so the next batch can be taken while one is on its way.
   */
  readonly busy?: readonly ClaimedBatch[];
}

export interface Answer {
  readonly acked: readonly RecordRef[];
  readonly rejected: readonly (RecordRef & { reason: string })[];
  readonly conflicts: readonly (RecordRef & { reason: string })[];
  readonly unanswered: readonly RecordRef[];
}

/** A fully answered batch (no record left out), with the state rows to write with it. */
export interface Answered {
  readonly batch: ClaimedBatch;
  readonly answer: Answer;
  readonly also: readonly StateRow[];
}

export type Claim =
  | { readonly kind: 'batch'; readonly batch: ClaimedBatch | null }
  | { readonly kind: 'damaged'; readonly row: BatchRow };

export async function claimOrResend(db: BalieDb, options: ClaimOptions): Promise<Claim> {
  await adoptOlderEntries(db);
  const busy = options.busy ?? [];
  const rows = await db.batches.toArray();
  const open = rows.find((row) => !busy.some((batch) => batch.batchId === row.batchId));
  if (open) {
    const parsed = StoredBatchRow.safeParse(open);
    const refs = parsed.success ? parsed.data.refs : [];
    const entries = await queuedByRef(db, refs);
    if (!parsed.success || entries.length !== refs.length) return { kind: 'damaged', row: open };
    const batch = { batchId: open.batchId, entries, client: parsed.data.client, again: true };
    return { kind: 'batch', batch };
  }
  // Every open batch is one this uploader is sending: the new batch starts after them in the
  // queue (not reading their records again), and only at the queue's end looks before them.
  const taken = new Set(rows.flatMap((row) => refsOf(row).map(([id, rev]) => refKey({ id, rev }))));
  const after = Math.max(0, ...busy.flatMap((batch) => batch.entries.map((entry) => entry.seq)));
  let free = await queued(db, after, Infinity, options.limit, taken);
  if (free.length < options.limit && after > 0) {
    free = [...(await queued(db, 0, after, options.limit, taken)), ...free];
  }
  const entries = takeBatch(free, options.limit, options.maxBytes, (e) => e.bytes);
  if (entries.length === 0) return { kind: 'batch', batch: null };
  const batchId = options.newBatchId();
  const client = options.client(entries.length);
  await db.batches.add({ batchId, refs: entries.map((e) => [e.id, e.rev] as const), client });
  return { kind: 'batch', batch: { batchId, entries, client, again: false } };
}

/**
 * At most `limit` queued entries with keys between `from` and `to` (both left out), oldest
 * first, without those in `taken`: read along the key range, a batch's worth at a time.
 */
async function queued(
  db: BalieDb,
  from: number,
  to: number,
  limit: number,
  taken: ReadonlySet<string>,
): Promise<OutboxEntry[]> {
  const found: OutboxEntry[] = [];
  let after = from;
  while (found.length < limit) {
    const want = limit - found.length;
    const rows = await db.queue.where('seq').between(after, to, false, false).limit(want).toArray();
    for (const entry of rows) {
      if (entry.state === 'queued' && !taken.has(refKey(entry))) found.push(entry);
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < want) break;
    after = last.seq;
  }
  return found;
}

/** The queued entries of an open batch, in its order (one missing or refused is left out). */
async function queuedByRef(
  db: BalieDb,
  refs: readonly (readonly [string, number])[],
): Promise<OutboxEntry[]> {
  const keys = refs.map(([id, rev]) => [id, rev]);
  const found = await db.queue.where('[id+rev]').anyOf(keys).toArray();
  const byRef = new Map(found.map((entry) => [refKey(entry), entry]));
  return refs.flatMap(([id, rev]) => {
    const entry = byRef.get(refKey({ id, rev }));
    return entry?.state === 'queued' ? [entry] : [];
  });
}

/**
 * Writes into the visits that these revisions are frozen: for records that leave a batch
 * without an answer (a 413, a reply that left them out), so they stay frozen once the batch
 * row is gone.
 */
export async function freeze(
  db: BalieDb,
  refs: readonly (readonly [string, number])[],
): Promise<void> {
  const highest = new Map<string, number>();
  for (const [id, rev] of refs) highest.set(id, Math.max(rev, highest.get(id) ?? 0));
  const rows = await db.visits.bulkGet([...highest.keys()]);
  const frozen = rows.flatMap((row) => {
    const rev = row ? (highest.get(row.id) ?? 0) : 0;
    return row && rev > row.frozenRev ? [{ ...row, frozenRev: rev }] : [];
  });
  await db.visits.bulkPut(frozen);
}

/**
 * Writes an answer inside transaction `tx` (queue, batches, state): the acknowledged entries
 * leave the queue, refused ones keep the reason, the batch row goes, the state rows are put.
 * The acknowledged entries are deleted straight through IndexedDB, a run of neighbouring keys
 * with one range delete (one per record cost ten times as much); through Dexie each deleted key
 * would also be tracked for the views, in the worker and again in every open tab. The caller
 * tells the views once that the queue changed (`announce` in changes.ts).
 */
export async function writeAnswer(
  db: BalieDb,
  tx: Transaction,
  { batch, answer, also }: Answered,
): Promise<void> {
  const seqOf = new Map(batch.entries.map((entry) => [refKey(entry), entry.seq]));
  const seqs = (refs: readonly RecordRef[]) => refs.flatMap((ref) => seqOf.get(refKey(ref)) ?? []);
  await deleteAcked(db, tx, seqs(answer.acked));
  const refused = [
    ...answer.rejected.map((r) => ({ ...r, state: 'rejected' as const })),
    ...answer.conflicts.map((r) => ({ ...r, state: 'conflict' as const })),
  ];
  if (refused.length > 0) {
    const found = await db.queue.bulkGet(seqs(refused));
    const reasons = new Map(refused.map((r) => [refKey(r), r]));
    await db.queue.bulkPut(
      found.flatMap((entry) => {
        const refusal = entry && reasons.get(refKey(entry));
        return entry && refusal ? [{ ...entry, state: refusal.state, reason: refusal.reason }] : [];
      }),
    );
  }
  await db.batches.delete(batch.batchId);
  await db.state.bulkPut([...also]);
}

/**
 * Deletes the entries with these keys: each run of them that no other key interrupts (a
 * refused entry, another batch's) with one range delete, after one read of the keys between.
 */
async function deleteAcked(db: BalieDb, tx: Transaction, seqs: readonly number[]) {
  if (seqs.length === 0) return;
  const acked = new Set(seqs);
  const between = await db.queue
    .where('seq')
    .between(Math.min(...seqs), Math.max(...seqs), true, true)
    .primaryKeys();
  const queue = tx.idbtrans.objectStore('queue');
  for (const [first, last] of runs(between, acked)) queue.delete(IDBKeyRange.bound(first, last));
}

/** The runs of `keys` (ascending) that are all in `wanted`, as [first, last]. */
export function runs(keys: readonly number[], wanted: ReadonlySet<number>): [number, number][] {
  const found: [number, number][] = [];
  let run: [number, number] | undefined;
  for (const key of keys) {
    if (!wanted.has(key)) {
      run = undefined;
    } else if (run) {
      run[1] = key;
    } else {
      run = [key, key];
      found.push(run);
    }
  }
  return found;
}

export function refsOf(row: BatchRow): readonly (readonly [string, number])[] {
  return Array.isArray(row.refs) ? row.refs : [];
}
