// The steps inside the uploader's transactions (upload-writes.ts opens them and keeps the
// rules): taking the next batch or sending an open one again, writing an answer, marking
// revisions frozen in their visits, and telling the views that the outbox changed.

import Dexie, { type ObservabilitySet, RangeSet, type Transaction } from 'dexie';
import type { ClientInfo } from '../core/upload/batch';
import { type RecordRef, refKey, takeBatch } from '../core/upload/outbox';
import type { BalieDb, BatchRow, OutboxEntry, StateRow } from './db';
import { byUploadOrder } from './db-batch-rows';
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
  readonly batchId: string;
  readonly answer: Answer;
  readonly also: readonly StateRow[];
}

export type Claim =
  | { readonly kind: 'batch'; readonly batch: ClaimedBatch | null }
  | { readonly kind: 'damaged'; readonly row: BatchRow };

export async function claimOrResend(db: BalieDb, options: ClaimOptions): Promise<Claim> {
  const busy = options.busy ?? [];
  const rows = await db.batches.toArray();
  const open = rows.find((row) => !busy.some((batch) => batch.batchId === row.batchId));
  if (open) {
    const parsed = StoredBatchRow.safeParse(open);
    const refs = parsed.success ? parsed.data.refs : [];
    const found = await db.outbox.bulkGet(refs);
    const entries = found.filter((entry) => entry?.state === 'queued') as OutboxEntry[];
    if (!parsed.success || entries.length !== refs.length) return { kind: 'damaged', row: open };
    const batch = { batchId: open.batchId, entries, client: parsed.data.client, again: true };
    return { kind: 'batch', batch };
  }
  // Every open batch is one this uploader is sending: the new batch starts after them in the
  // queue (not reading their records again), and only at the queue's end looks before them.
  const taken = new Set(rows.flatMap((row) => refsOf(row).map(([id, rev]) => refKey({ id, rev }))));
  const last = Math.max(...busy.flatMap((batch) => batch.entries.map((entry) => entry.queuedAt)));
  let free: OutboxEntry[] = [];
  if (busy.length > 0) {
    const overlap = busy.flatMap((batch) => batch.entries).filter((e) => e.queuedAt === last);
    free = await queued(db, last, options.limit + overlap.length, taken);
  }
  if (free.length < options.limit) {
    free = await queued(db, Dexie.minKey, options.limit + taken.size, taken);
  }
  const entries = takeBatch(
    free.sort(byUploadOrder),
    options.limit,
    options.maxBytes,
    (e) => e.bytes,
  );
  if (entries.length === 0) return { kind: 'batch', batch: null };
  const batchId = options.newBatchId();
  const client = options.client(entries.length);
  await db.batches.add({ batchId, refs: entries.map((e) => [e.id, e.rev] as const), client });
  return { kind: 'batch', batch: { batchId, entries, client, again: false } };
}

/** Queued entries from `from` (queuedAt) on, oldest first, without those in `taken`. */
async function queued(
  db: BalieDb,
  from: number | typeof Dexie.minKey,
  limit: number,
  taken: ReadonlySet<string>,
): Promise<OutboxEntry[]> {
  const entries = await db.outbox
    .where('[state+queuedAt]')
    .between(['queued', from], ['queued', Dexie.maxKey])
    .limit(limit)
    .toArray();
  return entries.filter((entry) => !taken.has(refKey(entry)));
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
 * Writes an answer inside transaction `tx` (outbox, batches, state): the acknowledged entries
 * leave the outbox, refused ones keep the reason, the batch row goes, the state rows are put.
 * The acknowledged entries are deleted straight through IndexedDB: through Dexie each deleted
 * key would be tracked for the views one by one, hundreds per batch, in the worker and again
 * in every open tab (measured: about as much CPU as the deletes themselves). The caller tells
 * the views once that the outbox changed (`outboxChanged`).
 */
export async function writeAnswer(
  db: BalieDb,
  tx: Transaction,
  { batchId, answer, also }: Answered,
): Promise<void> {
  const outbox = tx.idbtrans.objectStore('outbox');
  for (const ref of answer.acked) outbox.delete([ref.id, ref.rev]);
  const refused = [
    ...answer.rejected.map((r) => ({ ...r, state: 'rejected' as const })),
    ...answer.conflicts.map((r) => ({ ...r, state: 'conflict' as const })),
  ];
  if (refused.length > 0) {
    const found = await db.outbox.bulkGet(refused.map((r) => [r.id, r.rev] as [string, number]));
    await db.outbox.bulkPut(
      refused.flatMap(({ state, reason }, i) => {
        const entry = found[i];
        return entry ? [{ ...entry, state, reason }] : [];
      }),
    );
  }
  await db.batches.delete(batchId);
  await db.state.bulkPut([...also]);
}

/** What the views hear once an answer's deletes are written: every outbox query may change. */
export function outboxChanged(db: BalieDb): ObservabilitySet {
  const everything = new RangeSet(Dexie.minKey, Dexie.maxKey);
  return {
    [`idb://${db.name}/outbox/`]: everything,
    [`idb://${db.name}/outbox/:dels`]: everything,
  };
}

export function refsOf(row: BatchRow): readonly (readonly [string, number])[] {
  return Array.isArray(row.refs) ? row.refs : [];
}
