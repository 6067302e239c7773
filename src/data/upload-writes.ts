// Every write the uploader makes: taking a batch, applying the endpoint's answer, and the
// retry and progress state. The rules (with registration-writes.ts, whose header has the rest):
//  - Taking a batch freezes its records; an interrupted batch is sent again unchanged.
//  - An entry leaves the outbox only when the endpoint acknowledged that very record.
//  - Refused entries stay, with the endpoint's reason, until a person acts on them.

import Dexie from 'dexie';
import type { ClientInfo } from '../core/upload/batch';
import {
  INITIAL_RETRY_STATE,
  type RecordRef,
  type RetryState,
  type SyncFailure,
  takeBatch,
} from '../core/upload/outbox';
import type { BalieDb, LocalRefusal, OutboxEntry, Progress } from './db';
import { parseStored } from './stored';
import { StoredBatchClient, StoredRetryState } from './stored-state';

export interface ClaimedBatch {
  readonly batchId: string;
  readonly entries: readonly OutboxEntry[];
}

/**
 * Takes the next batch to upload. A batch interrupted earlier (the worker was killed,
 * the reply never came) is sent again first, with the same id and the same records.
 * Taking a batch freezes its records: from now on an edit makes a new revision.
 */
export function claimBatch(
  db: BalieDb,
  options: { limit: number; maxBytes: number; newBatchId: () => string },
): Promise<ClaimedBatch | null> {
  return db.transaction('rw', db.visits, db.outbox, async () => {
    const interrupted = (await db.outbox.orderBy('batchId').first())?.batchId;
    if (interrupted) {
      const entries = await db.outbox.where('batchId').equals(interrupted).toArray();
      return { batchId: interrupted, entries: sortForUpload(entries) };
    }
    const oldest = await db.outbox
      .where('[state+queuedAt]')
      .between(['queued', Dexie.minKey], ['queued', Dexie.maxKey])
      .limit(options.limit)
      .toArray();
    const chosen = takeBatch(
      sortForUpload(oldest),
      options.limit,
      options.maxBytes,
      (entry) => entry.bytes,
    );
    if (chosen.length === 0) return null;
    const batchId = options.newBatchId();
    const entries = chosen.map((entry) => ({ ...entry, batchId }));
    await db.outbox.bulkPut(entries);
    const rows = await db.visits.bulkGet(entries.map((entry) => entry.id));
    const frozen = rows.flatMap((row) => {
      if (!row) return [];
      const highest = Math.max(
        row.frozenRev,
        ...entries.filter((entry) => entry.id === row.id).map((entry) => entry.rev),
      );
      return highest > row.frozenRev ? [{ ...row, frozenRev: highest }] : [];
    });
    await db.visits.bulkPut(frozen);
    return { batchId, entries };
  });
}

function sortForUpload(entries: OutboxEntry[]): OutboxEntry[] {
  return entries.sort(
    (a, b) => a.queuedAt - b.queuedAt || a.id.localeCompare(b.id) || a.rev - b.rev,
  );
}

export interface Answer {
  readonly acked: readonly RecordRef[];
  readonly rejected: readonly (RecordRef & { reason: string })[];
  readonly conflicts: readonly (RecordRef & { reason: string })[];
  readonly unanswered: readonly RecordRef[];
}

/** Applies the endpoint's per-record answer. Only acknowledged records leave the outbox. */
export function applyAnswer(db: BalieDb, answer: Answer): Promise<void> {
  return db.transaction('rw', db.outbox, async () => {
    await db.outbox.bulkDelete(answer.acked.map((ref) => [ref.id, ref.rev] as [string, number]));
    for (const refusal of answer.rejected) await refuse(db, refusal, 'rejected', refusal.reason);
    for (const refusal of answer.conflicts) await refuse(db, refusal, 'conflict', refusal.reason);
    for (const ref of answer.unanswered)
      await db.outbox.update([ref.id, ref.rev], { batchId: null });
  });
}

/** Refused on the device itself (too large for any batch): kept, out of the upload queue. */
export function refuseRecord(db: BalieDb, ref: RecordRef, code: LocalRefusal): Promise<void> {
  return db.transaction('rw', db.outbox, async () => {
    await db.outbox.update([ref.id, ref.rev], {
      state: 'rejected',
      reasonCode: code,
      batchId: null,
    });
  });
}

async function refuse(
  db: BalieDb,
  ref: RecordRef,
  state: 'rejected' | 'conflict',
  reason: string,
): Promise<void> {
  await db.outbox.update([ref.id, ref.rev], { state, reason, batchId: null });
}

/** Returns a batch's records to the queue, so they go out again in smaller batches. */
export function releaseBatch(db: BalieDb, batchId: string): Promise<void> {
  return db.transaction('rw', db.outbox, async () => {
    const released = await db.outbox.where('batchId').equals(batchId).toArray();
    await db.outbox.bulkPut(released.map((entry) => ({ ...entry, batchId: null })));
  });
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

/**
 * The client info sent with a batch: made once per batch and kept, so a batch sent again
 * (same Idempotency-Key) is byte-identical, as the endpoint requires.
 */
export function batchClient(
  db: BalieDb,
  batchId: string,
  make: () => ClientInfo,
): Promise<ClientInfo> {
  return db.transaction('rw', db.state, async () => {
    const row = await db.state.get('batch-client');
    const kept = parseStored(StoredBatchClient, row?.value, undefined).value;
    if (kept?.batchId === batchId) return kept.client;
    const client = make();
    await db.state.put({ key: 'batch-client', value: { batchId, client } });
    return client;
  });
}
