// Every write the uploader makes: taking a batch, applying the endpoint's answer, and the
// retry and progress state. The rules (with registration-writes.ts, whose header has the rest):
//  - Taking a batch writes one batch row (id, entries, client info) and freezes its records;
//    an interrupted batch is sent again unchanged; a new one is taken only when none is open.
//  - An entry leaves the outbox only when the endpoint acknowledged that very record.
//  - Refused entries stay, with the endpoint's reason, until a person acts on them.

import Dexie from 'dexie';
import type { ClientInfo } from '../core/upload/batch';
import {
  INITIAL_RETRY_STATE,
  type RecordRef,
  type RetryState,
  refKey,
  type SyncFailure,
  takeBatch,
} from '../core/upload/outbox';
import type { BalieDb, BatchRow, LocalRefusal, OutboxEntry, Progress, StateRow } from './db';
import { byUploadOrder } from './db-batch-rows';
import { parseStored } from './stored';
import { StoredBatchRow, StoredRetryState } from './stored-state';

export interface ClaimedBatch {
  readonly batchId: string;
  readonly entries: readonly OutboxEntry[];
  /** The envelope's client info: made when the batch was taken, kept for every resend. */
  readonly client: ClientInfo | undefined;
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

/**
 * Takes the next batch to upload. A batch interrupted earlier (the worker was killed, the
 * reply never came) is sent again first, with the same id, records and client info. Taking a
 * batch freezes its records (from now on an edit makes a new revision), by writing one batch
 * row: neither the entries nor the visits are written (registration-writes.ts reads the row).
 * A record is in one open batch at most.
 */
export async function claimBatch(db: BalieDb, options: ClaimOptions): Promise<ClaimedBatch | null> {
  for (;;) {
    const claimed = await db.transaction('rw', db.outbox, db.batches, () =>
      claimOrResend(db, options),
    );
    if (claimed.kind !== 'damaged') return claimed.batch;
    await closeDamaged(db, claimed.row);
  }
}

type Claim =
  | { readonly kind: 'batch'; readonly batch: ClaimedBatch | null }
  | { readonly kind: 'damaged'; readonly row: BatchRow };

async function claimOrResend(db: BalieDb, options: ClaimOptions): Promise<Claim> {
  const busy = options.busy ?? [];
  const rows = await db.batches.toArray();
  const open = rows.find((row) => !busy.some((batch) => batch.batchId === row.batchId));
  if (open) {
    const parsed = StoredBatchRow.safeParse(open);
    const refs = parsed.success ? parsed.data.refs : [];
    const found = await db.outbox.bulkGet(refs);
    const entries = found.filter((entry) => entry?.state === 'queued') as OutboxEntry[];
    if (!parsed.success || entries.length !== refs.length) return { kind: 'damaged', row: open };
    const batch = { batchId: open.batchId, entries, client: parsed.data.client };
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
  return { kind: 'batch', batch: { batchId, entries, client } };
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

function refsOf(row: BatchRow): readonly (readonly [string, number])[] {
  return Array.isArray(row.refs) ? row.refs : [];
}

/**
 * An open batch whose entries are not all there any more (a damaged disk or row; the app never
 * removes an entry of an open batch) cannot be sent again as the same body. It is closed, its
 * records stay frozen, and the rest go in new batches: the endpoint answers "duplicate" for any
 * record it already has.
 */
function closeDamaged(db: BalieDb, row: BatchRow): Promise<void> {
  return db.transaction('rw', db.visits, db.batches, async () => {
    const parsed = StoredBatchRow.safeParse(row);
    if (parsed.success) await freeze(db, parsed.data.refs);
    await db.batches.delete(row.batchId);
  });
}

/**
 * Writes into the visits that these revisions are frozen: for records that leave a batch
 * without an answer (a 413, a reply that left them out), so they stay frozen once the batch
 * row is gone.
 */
async function freeze(db: BalieDb, refs: readonly (readonly [string, number])[]): Promise<void> {
  const highest = new Map<string, number>();
  for (const [id, rev] of refs) highest.set(id, Math.max(rev, highest.get(id) ?? 0));
  const rows = await db.visits.bulkGet([...highest.keys()]);
  const frozen = rows.flatMap((row) => {
    const rev = row ? (highest.get(row.id) ?? 0) : 0;
    return row && rev > row.frozenRev ? [{ ...row, frozenRev: rev }] : [];
  });
  await db.visits.bulkPut(frozen);
}

export interface Answer {
  readonly acked: readonly RecordRef[];
  readonly rejected: readonly (RecordRef & { reason: string })[];
  readonly conflicts: readonly (RecordRef & { reason: string })[];
  readonly unanswered: readonly RecordRef[];
}

/**
 * Applies the endpoint's per-record answer to batch `batchId` and closes it, in one
 * transaction with the uploader's state rows (`also`: retry state, progress). Only
 * acknowledged records leave the outbox; refused ones stay with the reason; unanswered ones
 * stay queued, marked frozen in their visits, and go out again in a new batch.
 */
export function applyAnswer(
  db: BalieDb,
  batchId: string,
  answer: Answer,
  also: readonly StateRow[] = [],
): Promise<void> {
  const unanswered = answer.unanswered.map((ref) => [ref.id, ref.rev] as const);
  const tables = [db.outbox, db.batches, db.state, ...(unanswered.length > 0 ? [db.visits] : [])];
  return db.transaction('rw', tables, async () => {
    if (unanswered.length > 0) await freeze(db, unanswered);
    await db.outbox.bulkDelete(answer.acked.map((ref) => [ref.id, ref.rev] as [string, number]));
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
  });
}

/**
 * Refused on the device itself (a batch of one, still too large): kept, out of the upload
 * queue (a refused entry counts as frozen), and its batch closed.
 */
export function refuseRecord(
  db: BalieDb,
  batchId: string,
  ref: RecordRef,
  code: LocalRefusal,
  also: readonly StateRow[] = [],
): Promise<void> {
  return db.transaction('rw', db.outbox, db.batches, db.state, async () => {
    await db.outbox.update([ref.id, ref.rev], { state: 'rejected', reasonCode: code });
    await db.batches.delete(batchId);
    await db.state.bulkPut([...also]);
  });
}

/**
 * Closes a batch the endpoint refused whole (413): its records, marked frozen in their visits,
 * go out again in smaller ones.
 */
export function releaseBatch(
  db: BalieDb,
  batchId: string,
  also: readonly StateRow[] = [],
): Promise<void> {
  return db.transaction('rw', db.visits, db.batches, db.state, async () => {
    const row = StoredBatchRow.safeParse(await db.batches.get(batchId));
    if (row.success) await freeze(db, row.data.refs);
    await db.batches.delete(batchId);
    await db.state.bulkPut([...also]);
  });
}

export function retryRow(value: RetryState): StateRow {
  return { key: 'retry', value };
}

export function progressRow(value: Progress): StateRow {
  return { key: 'progress', value };
}

export function saveRetryState(db: BalieDb, value: RetryState): Promise<unknown> {
  return db.state.put({ key: 'retry', value });
}

export function saveProgress(db: BalieDb, value: Progress): Promise<unknown> {
  return db.state.put({ key: 'progress', value });
}

/** Re-enrolment: a new token lifts the block that a refused token put on uploading. */
export function liftAuthBlock(db: BalieDb, retry: RetryState): Promise<unknown> {
  return saveRetryState(db, { ...retry, blocked: false, nextTryAt: null, attempts: 0 });
}

/** The endpoint refused the token outside an upload (GET /device): stop until re-linked. */
export function blockUploads(
  db: BalieDb,
  failure: Omit<SyncFailure, 'at'>,
  now: number,
): Promise<void> {
  return db.transaction('rw', db.state, async () => {
    const row = await db.state.get('retry');
    const retry = parseStored(StoredRetryState, row?.value, INITIAL_RETRY_STATE).value;
    if (retry.blocked) return;
    await saveRetryState(db, { ...retry, blocked: true, lastError: { ...failure, at: now } });
  });
}
