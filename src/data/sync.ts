// The uploader: sends the outbox to the endpoint, batch after batch, under one lock.
// Runs in the service worker (and in the page where there is none). Everything it learns
// goes into the database before the next step, so a killed worker resumes where it was.

import type { Device } from '../core/upload/enrolment';
import type { SyncOutcome } from '../core/upload/messages';
import {
  afterAnswer,
  afterFailure,
  afterTooLarge,
  MAX_BATCH_BYTES,
  mayTryNow,
  type RetryState,
  readReply,
  type SyncFailure,
  type SyncTrigger,
  startRun,
} from '../core/upload/outbox';
import { APP_VERSION } from './app-version';
import type { BalieDb } from './db';
import { readDevice, readUploadTimeout } from './settings';
import { SYNC_TAG, UPLOAD_LOCK } from './sync-names';
import { postBatch, UploadError } from './upload';
import { countQueued, readRetryState } from './upload-reads';
import {
  applyAnswer,
  batchClient,
  claimBatch,
  refuseRecord,
  releaseBatch,
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
    const retry = await readRetryState(deps.db);
    if (!mayTryNow(retry, trigger, deps.now()).open) return { outcome: 'waiting', sent: 0 };
    if ((await countQueued(deps.db)) === 0) return { outcome: 'nothing-to-send', sent: 0 };
    const sent = { count: 0 };
    try {
      const outcome = await uploadAll(deps, device, startRun(retry), sent);
      return { outcome, sent: sent.count };
    } finally {
      await saveProgress(deps.db, {
        sent: sent.count,
        total: sent.count + (await countQueued(deps.db)),
        updatedAt: deps.now(),
      });
    }
  });
}

async function uploadAll(
  deps: SyncDeps,
  device: Device,
  initial: RetryState,
  sent: { count: number },
): Promise<SyncOutcome> {
  const { db } = deps;
  let retry = initial;
  for (;;) {
    await saveProgress(db, {
      sent: sent.count,
      total: sent.count + (await countQueued(db)),
      updatedAt: deps.now(),
    });
    const batch = await claimBatch(db, {
      limit: retry.batchLimit,
      maxBytes: MAX_BATCH_BYTES,
      newBatchId: deps.newId,
    });
    if (!batch) return 'done';
    const refs = batch.entries.map(({ id, rev }) => ({ id, rev }));
    const unsent = await countQueued(db);
    const client = await batchClient(db, batch.batchId, () => ({ version: APP_VERSION, unsent }));

    let reply: Awaited<ReturnType<typeof postBatch>>;
    try {
      reply = await postBatch(
        deps.fetch,
        device.endpoint,
        device.token,
        {
          batchId: batch.batchId,
          deviceId: device.deviceId,
          records: batch.entries.map((e) => e.record),
          client,
        },
        deps.timeoutMs,
      );
    } catch (error) {
      const code = error instanceof UploadError ? error.code : 'network';
      await fail(deps, retry, { code }, null);
      return 'failed';
    }

    const decision = readReply(refs, reply, deps.now());
    switch (decision.kind) {
      case 'answered': {
        await applyAnswer(db, decision);
        sent.count += decision.acked.length;
        if (decision.unanswered.length > 0) {
          const unanswered = decision.unanswered.length;
          await fail(deps, retry, { code: 'unreadable-reply', unanswered }, null);
          return 'failed';
        }
        retry = afterAnswer(retry, deps.now());
        await saveRetryState(db, retry);
        break;
      }
      case 'split': {
        const [only] = batch.entries;
        if (batch.entries.length === 1 && only) {
          await refuseRecord(db, only, 'too-large');
        } else {
          await releaseBatch(db, batch.batchId);
        }
        retry = afterTooLarge(retry, batch.entries.length);
        await saveRetryState(db, retry);
        break;
      }
      case 'failed': {
        // The records stay frozen in their batch: the next try sends the very same batch.
        await fail(deps, retry, decision.failure, decision.waitUntil);
        return 'failed';
      }
    }
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
