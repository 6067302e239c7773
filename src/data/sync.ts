// The uploader: sends the outbox to the endpoint, batch after batch, under one lock.
// Runs in the service worker (and in the page where there is none). What it learns goes into
// the database at the latest while the next batch is on its way; a killed worker resumes where
// it was (a batch whose answer was not written yet is sent again, the endpoint replays it).

import type { Device } from '../core/upload/enrolment';
import type { SyncOutcome } from '../core/upload/messages';
import {
  afterAnswer,
  afterFailure,
  afterTooLarge,
  MAX_BATCH_BYTES,
  mayTryNow,
  type ReplyDecision,
  type RetryState,
  readReply,
  type SyncFailure,
  type SyncTrigger,
  startRun,
} from '../core/upload/outbox';
import { APP_VERSION } from './app-version';
import type { BalieDb } from './db';
import { countQueued, readRetryState } from './desk-reads';
import { readDevice, readUploadTimeout } from './settings';
import { SYNC_TAG, UPLOAD_LOCK } from './sync-names';
import { postBatch, UploadError } from './upload';
import {
  type Answered,
  answerAndClaim,
  applyAnswer,
  type ClaimedBatch,
  claimBatch,
  progressRow,
  refuseRecord,
  releaseBatch,
  retryRow,
  saveProgress,
  saveRetryState,
} from './upload-writes';

export { SYNC_TAG, UPLOAD_LOCK };

/** The slice of the Web Locks API the uploader needs, so tests can pass their own. */
export interface Locks {
  request<T>(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

export interface SyncDeps {
  readonly db: BalieDb;
  readonly readDevice: () => Promise<Device | undefined>;
  readonly fetch: typeof fetch;
  readonly locks: Locks;
  readonly now: () => number;
  readonly random: () => number;
  readonly newId: () => string;
  readonly timeoutMs?: number | undefined;
}

/**
 * The uploader's dependencies in a browser, page or worker alike. The upload time-out can
 * be overridden by the `uploadTimeoutMs` setting (slow links; tests that stall the endpoint).
 */
export async function browserSyncDeps(
  db: BalieDb,
  fetchFn: typeof fetch,
  locks: Locks,
): Promise<SyncDeps> {
  return {
    db,
    readDevice,
    fetch: fetchFn,
    locks,
    now: Date.now,
    random: Math.random,
    newId: () => crypto.randomUUID(),
    timeoutMs: await readUploadTimeout(),
  };
}

export interface SyncResult {
  readonly outcome: SyncOutcome;
  readonly sent: number;
}

/** One uploader at a time across tabs and the worker: a second caller returns 'busy'. */
export function runSync(deps: SyncDeps, trigger: SyncTrigger): Promise<SyncResult> {
  return deps.locks.request(UPLOAD_LOCK, { ifAvailable: true }, async (lock) => {
    if (!lock) return { outcome: 'busy', sent: 0 };
    const device = await deps.readDevice();
    if (!device) return { outcome: 'not-enrolled', sent: 0 };
    const retry = await readRetryState(deps.db.desk);
    if (!mayTryNow(retry, trigger, deps.now()).open) return { outcome: 'waiting', sent: 0 };
    const queued = await countQueued(deps.db.desk);
    if (queued === 0) return { outcome: 'nothing-to-send', sent: 0 };
    const run: Run = { queued, sent: 0, answered: 0 };
    await saveProgress(deps.db, { sent: 0, total: queued, updatedAt: deps.now() });
    try {
      const outcome = await uploadAll(deps, device, startRun(retry), run);
      return { outcome, sent: run.sent };
    } finally {
      await saveProgress(deps.db, {
        sent: run.sent,
        total: run.sent + (await countQueued(deps.db.desk)),
        updatedAt: deps.now(),
      });
    }
  });
}

/**
 * One run's numbers. The outbox is counted at the start and the end only (a count walks the
 * whole index; two per batch took over a quarter of the upload time): in between, what is left
 * is that first count less the records answered since. Records saved during a run are not in
 * it until the end.
 */
interface Run {
  readonly queued: number;
  sent: number;
  /** Records the endpoint answered for (acknowledged or refused) in this run. */
  answered: number;
}

function left(run: Run): number {
  return Math.max(0, run.queued - run.answered);
}

/**
 * Sends batch after batch, one request at a time. While a batch is on its way, the answer to
 * the one before is written and the next batch is taken, in one transaction: the database's
 * work overlaps the network's, and each write waits for the one before.
 */
async function uploadAll(
  deps: SyncDeps,
  device: Device,
  initial: RetryState,
  run: Run,
): Promise<SyncOutcome> {
  const { db } = deps;
  let retry = initial;
  // `unsent` counts this batch's records and what waits behind it, not a batch still on its
  // way (that one told the endpoint already): the endpoint shows managers what is left after.
  const options = (busy: readonly ClaimedBatch[]) => {
    const onTheirWay = busy.reduce((count, batch) => count + batch.entries.length, 0);
    return {
      limit: retry.batchLimit,
      maxBytes: MAX_BATCH_BYTES,
      newBatchId: deps.newId,
      client: (records: number) => ({
        version: APP_VERSION,
        unsent: Math.max(left(run) - onTheirWay, records),
      }),
      busy,
    };
  };
  // The retry state is written with the run's first answer (which clears an earlier failure)
  // and at its end; in between only the progress, so the views re-read one row per batch.
  let answeredBefore = false;
  let answered: Answered | undefined;
  let batch = await claimBatch(db, options([]));
  while (batch) {
    const current = batch;
    const sending = send(deps, device, current);
    const following = answered
      ? answerAndClaim(db, answered, options([current]))
      : claimBatch(db, options([current]));
    answered = undefined;
    // Awaited below; this only keeps a failure from counting as unhandled meanwhile.
    following.catch(() => undefined);
    const reply = await sending;
    const refs = current.entries.map(({ id, rev }) => ({ id, rev }));
    const decision: ReplyDecision =
      reply instanceof UploadError
        ? { kind: 'failed', failure: { code: reply.code }, waitUntil: null }
        : readReply(refs, reply, deps.now());

    if (decision.kind === 'answered' && decision.unanswered.length === 0) {
      run.sent += decision.acked.length;
      run.answered += refs.length;
      retry = afterAnswer(retry, deps.now());
      const progress = { sent: run.sent, total: run.sent + left(run), updatedAt: deps.now() };
      const also = [...(answeredBefore ? [] : [retryRow(retry)]), progressRow(progress)];
      answered = { batch: current, answer: decision, also };
      answeredBefore = true;
      batch = await following;
      continue;
    }

    // Anything else ends or reshapes the run: first the writes under way, then this answer.
    const next = await following;
    switch (decision.kind) {
      case 'answered': {
        const unanswered = decision.unanswered.length;
        run.sent += decision.acked.length;
        run.answered += refs.length - unanswered;
        const failure = { code: 'unreadable-reply', unanswered } as const;
        await applyAnswer(db, current, decision, [
          retryRow(afterFailure(retry, failure, null, deps.now(), deps.random)),
          progressRow({ sent: run.sent, total: run.sent + left(run), updatedAt: deps.now() }),
        ]);
        return 'failed';
      }
      case 'split': {
        // A batch taken just now, meanwhile, was never sent: it is closed too, for smaller
        // ones. (One taken before, maybe sent already, stays open and is sent next.)
        if (next && !next.again) await releaseBatch(db, next.batchId);
        retry = afterTooLarge(retry, current.entries.length);
        const [only] = current.entries;
        if (current.entries.length === 1 && only) {
          run.answered += 1;
          await refuseRecord(db, current.batchId, only, 'too-large', [retryRow(retry)]);
        } else {
          await releaseBatch(db, current.batchId, [retryRow(retry)]);
        }
        batch = await claimBatch(db, options([]));
        break;
      }
      case 'failed': {
        // The batch stays open: the next try sends the very same batch (and the one taken
        // meanwhile).
        await fail(deps, retry, decision.failure, decision.waitUntil);
        return 'failed';
      }
    }
  }
  if (answered) await applyAnswer(db, answered.batch, answered.answer, answered.also);
  await saveRetryState(db, retry);
  return 'done';
}

/** One POST; a network error or time-out comes back as the error, not thrown. */
async function send(deps: SyncDeps, device: Device, batch: ClaimedBatch) {
  try {
    return await postBatch(
      deps.fetch,
      device.endpoint,
      device.token,
      {
        batchId: batch.batchId,
        deviceId: device.deviceId,
        records: batch.entries.map((e) => e.record),
        ...(batch.client ? { client: batch.client } : {}),
      },
      deps.timeoutMs,
    );
  } catch (error) {
    return error instanceof UploadError ? error : new UploadError('network');
  }
}

async function fail(
  deps: SyncDeps,
  retry: RetryState,
  failure: Omit<SyncFailure, 'at'>,
  waitUntil: number | null,
): Promise<void> {
  await saveRetryState(deps.db, afterFailure(retry, failure, waitUntil, deps.now(), deps.random));
}
