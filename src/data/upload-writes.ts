// Every write the uploader makes: taking a batch, applying the endpoint's answer, and the
// retry and progress state. The rules (with registration-writes.ts, whose header has the rest):
//  - Taking a batch writes one batch row (id, entries, client info) and freezes its records;
//    an interrupted batch is sent again unchanged, before any new one. A record is in one
//    open batch at most (the next batch is taken while one is on its way, without its records).
//  - An entry leaves the outbox only when the endpoint acknowledged that very record.
//  - Refused entries stay, with the endpoint's reason, until a person acts on them.

import { INITIAL_RETRY_STATE, type RetryState, type SyncFailure } from '../core/upload/outbox';
import { announce } from './changes';
import type { BalieDb, BatchRow, LocalRefusal, OutboxEntry, Progress, StateRow } from './db';
import { parseStored } from './stored';
import { StoredBatchRow, StoredRetryState } from './stored-state';
import {
  type Answer,
  type Answered,
  type ClaimedBatch,
  type ClaimOptions,
  claimOrResend,
  freeze,
  writeAnswer,
} from './upload-steps';

export type { Answer, Answered, ClaimedBatch, ClaimOptions };

/**
 * Takes the next batch to upload. A batch interrupted earlier (the worker was killed, the
 * reply never came) is sent again first, with the same id, records and client info. Taking a
 * batch freezes its records (from now on an edit makes a new revision), by writing one batch
 * row: neither the entries nor the visits are written (registration-writes.ts reads the row).
 * A record is in one open batch at most.
 */
export async function claimBatch(db: BalieDb, options: ClaimOptions): Promise<ClaimedBatch | null> {
  for (;;) {
    const claimed = await db.transaction('rw', db.queue, db.outbox, db.batches, () =>
      claimOrResend(db, options),
    );
    if (claimed.kind !== 'damaged') return claimed.batch;
    await closeDamaged(db, claimed.row);
  }
}

/**
 * Applies the endpoint's per-record answer to `batch` and closes it, in one
 * transaction with the uploader's state rows (`also`: retry state, progress). Only
 * acknowledged records leave the outbox; refused ones stay with the reason; unanswered ones
 * stay queued, marked frozen in their visits, and go out again in a new batch.
 */
export async function applyAnswer(
  db: BalieDb,
  batch: ClaimedBatch,
  answer: Answer,
  also: readonly StateRow[] = [],
): Promise<void> {
  const unanswered = answer.unanswered.map((ref) => [ref.id, ref.rev] as const);
  const tables = [db.queue, db.batches, db.state, ...(unanswered.length > 0 ? [db.visits] : [])];
  await db.transaction('rw', tables, async (tx) => {
    if (unanswered.length > 0) await freeze(db, unanswered);
    await writeAnswer(db, tx, { batch, answer, also });
  });
  if (answer.acked.length > 0) announce(db.name, ['queue']);
}

/**
 * Applies a fully answered batch (`applyAnswer`) and takes the next one (`claimBatch`) in
 * one transaction: the uploader's one transaction per batch.
 */
export async function answerAndClaim(
  db: BalieDb,
  answered: Answered,
  options: ClaimOptions,
): Promise<ClaimedBatch | null> {
  const tables = [db.queue, db.outbox, db.batches, db.state];
  const claimed = await db.transaction('rw', tables, async (tx) => {
    await writeAnswer(db, tx, answered);
    return claimOrResend(db, options);
  });
  if (answered.answer.acked.length > 0) announce(db.name, ['queue']);
  if (claimed.kind !== 'damaged') return claimed.batch;
  await closeDamaged(db, claimed.row);
  return claimBatch(db, options);
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
 * Refused on the device itself (a batch of one, still too large): kept, out of the upload
 * queue (a refused entry counts as frozen), and its batch closed.
 */
export function refuseRecord(
  db: BalieDb,
  batchId: string,
  entry: OutboxEntry,
  code: LocalRefusal,
  also: readonly StateRow[] = [],
): Promise<void> {
  return db.transaction('rw', db.queue, db.batches, db.state, async () => {
    await db.queue.update(entry.seq, { state: 'rejected', reasonCode: code });
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
