// Upload decisions: how to read an endpoint's reply, when to try again, how big a batch is.
// Pure. Callers pass the clock (`now`) and the dice (`random`), so every rule has a test.

import { MAX_RECORDS_PER_BATCH } from './batch';
import { BatchReply, ErrorReply } from './reply';

export const SYNC_TRIGGERS = [
  'start',
  'online',
  'visible',
  'timer',
  'save',
  'manual',
  'background-sync',
  'periodic-sync',
] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

/** Triggers that mean "something changed, try now" and so skip the back-off wait. */
const EAGER_TRIGGERS: ReadonlySet<SyncTrigger> = new Set(['online', 'manual', 'background-sync']);

export const FAILURE_CODES = [
  'network',
  'timeout',
  'server-error',
  'unavailable',
  'rate-limited',
  'unreadable-reply',
  'auth',
  'not-found',
  'bad-request',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

export interface SyncFailure {
  readonly code: FailureCode;
  readonly status?: number;
  /** The endpoint's own words, when it gave any. */
  readonly detail?: string;
  /** Records of the batch that the reply did not mention. */
  readonly unanswered?: number;
  readonly at: number;
}

/** Survives the worker being killed: it lives in IndexedDB. */
export interface RetryState {
  /** Failed attempts in a row; 0 after a success. */
  readonly attempts: number;
  /** Earliest next automatic try after a failure (exponential back-off). */
  readonly nextTryAt: number | null;
  /** The endpoint asked us to wait until then (Retry-After); even the button waits. */
  readonly waitUntil: number | null;
  /** The token was refused: nothing is sent until the device is enrolled again. */
  readonly blocked: boolean;
  readonly lastError: SyncFailure | null;
  readonly lastSuccessAt: number | null;
  readonly lastAttemptAt: number | null;
  /** Records per batch: halved on 413 for the rest of that run; each run starts full size. */
  readonly batchLimit: number;
}

/** As many records as the endpoint takes in one batch: fewer requests and transactions. */
export const DEFAULT_BATCH_LIMIT = MAX_RECORDS_PER_BATCH;
/** Stays well under the endpoint's 1 MB body limit. */
export const MAX_BATCH_BYTES = 512 * 1024;
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;
const RETRY_AFTER_CAP_MS = 24 * 60 * 60_000;

export const INITIAL_RETRY_STATE: RetryState = {
  attempts: 0,
  nextTryAt: null,
  waitUntil: null,
  blocked: false,
  lastError: null,
  lastSuccessAt: null,
  lastAttemptAt: null,
  batchLimit: DEFAULT_BATCH_LIMIT,
};

export type Gate =
  | { readonly open: true }
  | { readonly open: false; readonly why: 'blocked' }
  | { readonly open: false; readonly why: 'server-wait' | 'backoff'; readonly until: number };

export function mayTryNow(state: RetryState, trigger: SyncTrigger, now: number): Gate {
  if (state.blocked) return { open: false, why: 'blocked' };
  if (state.waitUntil !== null && now < state.waitUntil) {
    return { open: false, why: 'server-wait', until: state.waitUntil };
  }
  if (state.nextTryAt !== null && now < state.nextTryAt && !EAGER_TRIGGERS.has(trigger)) {
    return { open: false, why: 'backoff', until: state.nextTryAt };
  }
  return { open: true };
}

/** Full jitter: a uniform delay between 0 and the exponential ceiling. No attempt limit. */
/** Failures that mean the server could not be reached or could not answer. */
const NO_CONTACT: ReadonlySet<FailureCode> = new Set<FailureCode>([
  'network',
  'timeout',
  'server-error',
  'unavailable',
]);

/** Whether the tries since the last success failed for want of contact with the server. */
export function lostContact(state: RetryState): boolean {
  return state.attempts > 0 && state.lastError !== null && NO_CONTACT.has(state.lastError.code);
}

export function backoffDelay(attempts: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempts, 30));
  return Math.floor(random() * ceiling);
}

/** Retry-After is either seconds or an HTTP date. Returns the moment to wait until. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  let delay: number;
  if (/^\d+$/.test(trimmed)) {
    delay = Number(trimmed) * 1000;
  } else {
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) return null;
    delay = date - now;
  }
  return now + Math.min(Math.max(delay, 0), RETRY_AFTER_CAP_MS);
}

export interface RecordRef {
  readonly id: string;
  readonly rev: number;
}

export interface RawReply {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: string;
}

export interface Refusal extends RecordRef {
  readonly reason: string;
}

export type ReplyDecision =
  /** The endpoint answered; each record sent is in exactly one of the lists. */
  | {
      readonly kind: 'answered';
      readonly acked: readonly RecordRef[];
      readonly rejected: readonly Refusal[];
      readonly conflicts: readonly Refusal[];
      /** Records the reply did not mention: still unacknowledged, so sent again. */
      readonly unanswered: readonly RecordRef[];
    }
  /** 413: the batch was too big; send it in halves. */
  | { readonly kind: 'split' }
  | {
      readonly kind: 'failed';
      readonly failure: Omit<SyncFailure, 'at'>;
      /** Set when the endpoint said how long to wait. */
      readonly waitUntil: number | null;
    };

/**
 * Reads an endpoint's reply to a batch. A record counts as acknowledged only when the
 * endpoint says so for that record, or when a plain endpoint answers 2xx with no body.
 */
export function readReply(sent: readonly RecordRef[], reply: RawReply, now: number): ReplyDecision {
  const { status } = reply;
  if (status >= 200 && status < 300) return readSuccess(sent, reply.body);
  if (status === 413) return { kind: 'split' };
  const detail = errorDetail(reply.body);
  const withDetail = detail === undefined ? {} : { detail };
  if (status === 429 || status === 503) {
    return {
      kind: 'failed',
      failure: { code: status === 429 ? 'rate-limited' : 'unavailable', status, ...withDetail },
      waitUntil: parseRetryAfter(reply.retryAfter, now),
    };
  }
  const code: FailureCode =
    status === 401 || status === 403
      ? 'auth'
      : status === 404 || status === 405
        ? 'not-found'
        : status >= 400 && status < 500
          ? 'bad-request'
          : status >= 500
            ? 'server-error'
            : 'unreadable-reply';
  return { kind: 'failed', failure: { code, status, ...withDetail }, waitUntil: null };
}

function readSuccess(sent: readonly RecordRef[], body: string): ReplyDecision {
  if (body.trim() === '') {
    return { kind: 'answered', acked: sent, rejected: [], conflicts: [], unanswered: [] };
  }
  const parsed = BatchReply.safeParse(parseJson(body));
  if (!parsed.success) {
    // A 2xx we cannot read (a captive portal's login page, a broken proxy) proves nothing.
    return { kind: 'failed', failure: { code: 'unreadable-reply' }, waitUntil: null };
  }
  const byRef = new Map<string, (typeof parsed.data.results)[number]>();
  for (const result of parsed.data.results) {
    const key = refKey({ id: result.id ?? '', rev: result.rev ?? 0 });
    if (!byRef.has(key)) byRef.set(key, result);
  }
  const acked: RecordRef[] = [];
  const rejected: Refusal[] = [];
  const conflicts: Refusal[] = [];
  const unanswered: RecordRef[] = [];
  for (const ref of sent) {
    const result = byRef.get(refKey(ref));
    const reason = result?.reason ?? '';
    switch (result?.status) {
      case 'accepted':
      case 'duplicate':
        acked.push(ref);
        break;
      case 'rejected':
        rejected.push({ ...ref, reason });
        break;
      case 'conflict':
        conflicts.push({ ...ref, reason });
        break;
      case undefined:
        unanswered.push(ref);
        break;
    }
  }
  return { kind: 'answered', acked, rejected, conflicts, unanswered };
}

export function refKey(ref: RecordRef): string {
  return `${ref.id}:${ref.rev}`;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function errorDetail(body: string): string | undefined {
  const parsed = ErrorReply.safeParse(parseJson(body));
  return parsed.success ? parsed.data.error.slice(0, 500) : undefined;
}

/** Takes records in order up to the batch limit and byte budget; always at least one. */
export function takeBatch<T>(
  queue: readonly T[],
  limit: number,
  maxBytes: number,
  sizeOf: (item: T) => number,
): T[] {
  const batch: T[] = [];
  let bytes = 0;
  for (const item of queue) {
    if (batch.length >= limit) break;
    const size = sizeOf(item);
    if (batch.length > 0 && bytes + size > maxBytes) break;
    batch.push(item);
    bytes += size;
  }
  return batch;
}

export function afterAnswer(state: RetryState, now: number): RetryState {
  return {
    ...state,
    attempts: 0,
    nextTryAt: null,
    waitUntil: null,
    blocked: false,
    lastError: null,
    lastSuccessAt: now,
    lastAttemptAt: now,
  };
}

/** A new run tries full-size batches again: a 413 may have come from one huge record. */
export function startRun(state: RetryState): RetryState {
  return { ...state, batchLimit: DEFAULT_BATCH_LIMIT };
}

export function afterFailure(
  state: RetryState,
  failure: Omit<SyncFailure, 'at'>,
  waitUntil: number | null,
  now: number,
  random: () => number,
): RetryState {
  const attempts = state.attempts + 1;
  return {
    ...state,
    attempts,
    nextTryAt: now + backoffDelay(attempts, random),
    waitUntil,
    blocked: failure.code === 'auth',
    lastError: { ...failure, at: now },
    lastAttemptAt: now,
  };
}

/** After a 413: the next batches are half as big as the one refused. */
export function afterTooLarge(state: RetryState, refusedCount: number): RetryState {
  return { ...state, batchLimit: Math.max(1, Math.floor(refusedCount / 2)) };
}
