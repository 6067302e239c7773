// Upload decisions: every reply class, back-off with full jitter, the gate, batch sizing.

import { describe, expect, test } from 'vitest';
import {
  afterAnswer,
  afterFailure,
  afterTooLarge,
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffDelay,
  DEFAULT_BATCH_LIMIT,
  type FailureCode,
  INITIAL_RETRY_STATE,
  lostContact,
  MAX_BATCH_BYTES,
  mayTryNow,
  parseRetryAfter,
  type RawReply,
  type RecordRef,
  type RetryState,
  readReply,
  refKey,
  SYNC_TRIGGERS,
  type SyncTrigger,
  takeBatch,
} from '../../../src/core/upload/outbox';

const NOW = Date.UTC(2026, 10, 23, 10, 0, 0);
const DAY_MS = 24 * 60 * 60_000;

const sent: RecordRef[] = [
  { id: '8d6f1c1e-0000-4000-8000-000000000001', rev: 1 },
  { id: '8d6f1c1e-0000-4000-8000-000000000002', rev: 1 },
  { id: '8d6f1c1e-0000-4000-8000-000000000002', rev: 2 },
  { id: '8d6f1c1e-0000-4000-8000-000000000003', rev: 4 },
  { id: '8d6f1c1e-0000-4000-8000-000000000004', rev: 1 },
];
const [a, b1, b2, c, d] = sent as [RecordRef, RecordRef, RecordRef, RecordRef, RecordRef];

const reply = (status: number, body = '', retryAfter: string | null = null): RawReply => ({
  status,
  body,
  retryAfter,
});
const results = (...items: object[]) => JSON.stringify({ results: items });

describe('readReply: 2xx', () => {
  test.each([200, 201, 202, 204])(
    '%i with an empty body acknowledges the whole batch',
    (status) => {
      expect(readReply(sent, reply(status, ''), NOW)).toEqual({
        kind: 'answered',
        acked: sent,
        rejected: [],
        conflicts: [],
        unanswered: [],
      });
    },
  );

  test('a body of only whitespace counts as empty', () => {
    expect(readReply(sent, reply(200, ' \r\n\t'), NOW)).toMatchObject({ acked: sent });
  });

  test('per-record results put each record in exactly one list', () => {
    const body = results(
      { id: a.id, rev: 1, status: 'accepted' },
      { id: b1.id, rev: 1, status: 'duplicate' },
      { id: b2.id, rev: 2, status: 'rejected', reason: 'questions: te kort' },
      { id: c.id, rev: 4, status: 'conflict', reason: 'andere inhoud' },
      // d is missing from the reply.
    );
    expect(readReply(sent, reply(200, body), NOW)).toEqual({
      kind: 'answered',
      acked: [a, b1],
      rejected: [{ ...b2, reason: 'questions: te kort' }],
      conflicts: [{ ...c, reason: 'andere inhoud' }],
      unanswered: [d],
    });
  });

  test('a result for another revision of the same id does not acknowledge this one', () => {
    const body = results({ id: b1.id, rev: 1, status: 'accepted' });
    const decision = readReply([b1, b2], reply(200, body), NOW);
    expect(decision).toMatchObject({ acked: [b1], unanswered: [b2] });
  });

  test('results for records that were not sent, and results with null refs, are ignored', () => {
    const body = results(
      { id: 'someone-else', rev: 1, status: 'accepted' },
      { id: null, rev: null, status: 'rejected', reason: 'geen object' },
      { id: a.id, rev: 1, status: 'accepted' },
    );
    expect(readReply([a, d], reply(200, body), NOW)).toEqual({
      kind: 'answered',
      acked: [a],
      rejected: [],
      conflicts: [],
      unanswered: [d],
    });
  });

  test('the first result for a record wins when the reply repeats it', () => {
    const body = results(
      { id: a.id, rev: 1, status: 'rejected', reason: 'eerste' },
      { id: a.id, rev: 1, status: 'accepted' },
    );
    expect(readReply([a], reply(200, body), NOW)).toMatchObject({
      acked: [],
      rejected: [{ ...a, reason: 'eerste' }],
    });
  });

  test('a rejection without a reason gets an empty reason, not undefined', () => {
    const body = results({ id: a.id, rev: 1, status: 'rejected' });
    expect(readReply([a], reply(200, body), NOW)).toMatchObject({
      rejected: [{ ...a, reason: '' }],
    });
  });

  test('an empty results list leaves everything unanswered', () => {
    expect(readReply(sent, reply(200, results()), NOW)).toMatchObject({
      kind: 'answered',
      acked: [],
      unanswered: sent,
    });
  });

  test.each([
    ['an HTML login page', '<!doctype html><html><body>Log in op het wifi</body></html>'],
    ['malformed JSON', '{"results": [{"id": '],
    ['JSON without results', '{"ok": true}'],
    ['results that are not a list', '{"results": "alles goed"}'],
    ['a result with an unknown status', results({ id: a.id, rev: 1, status: 'ok' })],
    ['a JSON string', '"accepted"'],
    ['null', 'null'],
  ])('2xx with %s fails as unreadable-reply and acknowledges nothing', (_name, body) => {
    expect(readReply(sent, reply(200, body), NOW)).toEqual({
      kind: 'failed',
      failure: { code: 'unreadable-reply' },
      waitUntil: null,
    });
  });
});

describe('readReply: errors', () => {
  test('413 asks to split the batch', () => {
    expect(readReply(sent, reply(413, '{"error":"te groot"}'), NOW)).toEqual({ kind: 'split' });
  });

  test.each([
    [429, 'rate-limited'],
    [503, 'unavailable'],
  ] as const)('%i with Retry-After in seconds waits that long', (status, code) => {
    expect(readReply(sent, reply(status, '', '120'), NOW)).toEqual({
      kind: 'failed',
      failure: { code, status },
      waitUntil: NOW + 120_000,
    });
  });

  test.each([429, 503])('%i with Retry-After as an HTTP date waits until then', (status) => {
    const until = NOW + 90_000;
    const decision = readReply(sent, reply(status, '', new Date(until).toUTCString()), NOW);
    expect(decision).toMatchObject({ kind: 'failed', waitUntil: until });
  });

  test.each([429, 503])('%i without Retry-After has no server wait', (status) => {
    expect(readReply(sent, reply(status, ''), NOW)).toMatchObject({
      kind: 'failed',
      failure: { status },
      waitUntil: null,
    });
  });

  test('503 keeps the endpoint’s own words', () => {
    const body = JSON.stringify({ error: 'Onderhoud tot 12:00.' });
    expect(readReply(sent, reply(503, body, '60'), NOW)).toEqual({
      kind: 'failed',
      failure: { code: 'unavailable', status: 503, detail: 'Onderhoud tot 12:00.' },
      waitUntil: NOW + 60_000,
    });
  });

  test.each([
    [401, 'auth'],
    [403, 'auth'],
    [404, 'not-found'],
    [405, 'not-found'],
    [400, 'bad-request'],
    [409, 'bad-request'],
    [422, 'bad-request'],
    [500, 'server-error'],
    [502, 'server-error'],
    [504, 'server-error'],
    [599, 'server-error'],
    [301, 'unreadable-reply'],
    [304, 'unreadable-reply'],
  ] as const)('%i fails with code %s and no server wait', (status, code) => {
    expect(readReply(sent, reply(status, '<html>nope</html>', '30'), NOW)).toEqual({
      kind: 'failed',
      failure: { code, status },
      waitUntil: null,
    });
  });

  test('a 4xx with {error} carries the detail', () => {
    const body = JSON.stringify({ error: 'Idempotency-Key moet gelijk zijn aan batchId.' });
    expect(readReply(sent, reply(400, body), NOW)).toEqual({
      kind: 'failed',
      failure: {
        code: 'bad-request',
        status: 400,
        detail: 'Idempotency-Key moet gelijk zijn aan batchId.',
      },
      waitUntil: null,
    });
  });

  test('401 carries the detail too', () => {
    const body = JSON.stringify({ error: 'Dit apparaat is niet (meer) gekoppeld.' });
    expect(readReply(sent, reply(401, body), NOW)).toMatchObject({
      failure: { code: 'auth', detail: 'Dit apparaat is niet (meer) gekoppeld.' },
    });
  });

  test('a long detail is cut to 500 characters', () => {
    const body = JSON.stringify({ error: 'x'.repeat(5000) });
    const decision = readReply(sent, reply(400, body), NOW);
    expect(decision.kind === 'failed' && decision.failure.detail?.length).toBe(500);
  });

  test.each([['{"error": 42}'], ['{"message": "kapot"}'], ['not json']])(
    'an error body without a string error (%s) has no detail',
    (body) => {
      const decision = readReply(sent, reply(500, body), NOW);
      expect(decision).toEqual({
        kind: 'failed',
        failure: { code: 'server-error', status: 500 },
        waitUntil: null,
      });
    },
  );
});

describe('backoffDelay (full jitter)', () => {
  test('random 0 gives no wait at any attempt', () => {
    for (const attempts of [0, 1, 5, 30, 1000]) expect(backoffDelay(attempts, () => 0)).toBe(0);
  });

  test('random just under 1 gives just under the exponential ceiling', () => {
    const almost = () => 0.999;
    expect(backoffDelay(0, almost)).toBe(Math.floor(0.999 * BACKOFF_BASE_MS));
    expect(backoffDelay(1, almost)).toBe(Math.floor(0.999 * BACKOFF_BASE_MS * 2));
    expect(backoffDelay(3, almost)).toBe(Math.floor(0.999 * BACKOFF_BASE_MS * 8));
    for (let attempts = 0; attempts < 12; attempts++) {
      const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempts);
      const delay = backoffDelay(attempts, almost);
      expect(delay).toBeLessThan(ceiling);
      expect(delay).toBeGreaterThanOrEqual(ceiling * 0.998);
    }
  });

  test('the ceiling is capped, however many attempts, with no attempt limit', () => {
    const almost = () => 0.999;
    const capped = Math.floor(0.999 * BACKOFF_CAP_MS);
    expect(backoffDelay(8, almost)).toBe(capped);
    expect(backoffDelay(31, almost)).toBe(capped);
    expect(backoffDelay(10_000, almost)).toBe(capped);
    expect(backoffDelay(Number.MAX_SAFE_INTEGER, almost)).toBe(capped);
  });

  test('the delay is uniform: half the dice gives half the ceiling', () => {
    expect(backoffDelay(2, () => 0.5)).toBe(BACKOFF_BASE_MS * 2);
    expect(backoffDelay(20, () => 0.5)).toBe(BACKOFF_CAP_MS / 2);
  });
});

describe('parseRetryAfter', () => {
  test.each([
    ['0', NOW],
    ['1', NOW + 1000],
    [' 30 ', NOW + 30_000],
    ['3600', NOW + 3_600_000],
  ])('%j seconds', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  test('an HTTP date in the future', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:05:00 GMT', NOW)).toBe(NOW + 5 * 60_000);
  });

  test('a date in the past means: now', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:00 GMT', NOW)).toBe(NOW);
  });

  test('waits are capped at one day', () => {
    expect(parseRetryAfter('999999999999', NOW)).toBe(NOW + DAY_MS);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toBe(NOW + DAY_MS);
    expect(parseRetryAfter(String(DAY_MS / 1000 - 1), NOW)).toBe(NOW + DAY_MS - 1000);
  });

  test.each([null, '', 'soon', 'later please', 'Mon, 99 Foo 2026'])('%j is no wait', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeNull();
  });
});

describe('mayTryNow', () => {
  const state = (over: Partial<RetryState>): RetryState => ({ ...INITIAL_RETRY_STATE, ...over });
  const EAGER: readonly SyncTrigger[] = ['online', 'manual', 'background-sync'];
  const PATIENT = SYNC_TRIGGERS.filter((trigger) => !EAGER.includes(trigger));

  test('the triggers are split into eager and patient ones', () => {
    expect(PATIENT).toEqual(['start', 'visible', 'timer', 'save', 'periodic-sync']);
  });

  test.each(SYNC_TRIGGERS)('%s: a fresh state is open', (trigger) => {
    expect(mayTryNow(INITIAL_RETRY_STATE, trigger, NOW)).toEqual({ open: true });
  });

  test.each(SYNC_TRIGGERS)('%s: blocked stays shut, whatever the clock', (trigger) => {
    const blocked = state({ blocked: true, nextTryAt: NOW - 1, waitUntil: NOW - 1 });
    expect(mayTryNow(blocked, trigger, NOW)).toEqual({ open: false, why: 'blocked' });
  });

  test.each(SYNC_TRIGGERS)('%s: a server wait holds even the button', (trigger) => {
    const waiting = state({ waitUntil: NOW + 1000, nextTryAt: NOW + 5000 });
    expect(mayTryNow(waiting, trigger, NOW)).toEqual({
      open: false,
      why: 'server-wait',
      until: NOW + 1000,
    });
    expect(mayTryNow(waiting, trigger, NOW + 1000)).toEqual(
      EAGER.includes(trigger) ? { open: true } : { open: false, why: 'backoff', until: NOW + 5000 },
    );
  });

  test.each(PATIENT)('%s waits for the back-off', (trigger) => {
    const backingOff = state({ nextTryAt: NOW + 4000 });
    expect(mayTryNow(backingOff, trigger, NOW)).toEqual({
      open: false,
      why: 'backoff',
      until: NOW + 4000,
    });
    expect(mayTryNow(backingOff, trigger, NOW + 3999)).toMatchObject({ open: false });
    expect(mayTryNow(backingOff, trigger, NOW + 4000)).toEqual({ open: true });
  });

  test.each(EAGER)('%s skips the back-off', (trigger) => {
    expect(mayTryNow(state({ nextTryAt: NOW + 4000 }), trigger, NOW)).toEqual({ open: true });
  });
});

describe('takeBatch', () => {
  const size = (n: number) => n;

  test('takes records in order up to the limit', () => {
    expect(takeBatch([1, 2, 3, 4, 5], 3, 1000, size)).toEqual([1, 2, 3]);
    expect(takeBatch([1, 2], 3, 1000, size)).toEqual([1, 2]);
    expect(takeBatch([], 3, 1000, size)).toEqual([]);
  });

  test('stops before the byte budget is exceeded, and never skips ahead', () => {
    expect(takeBatch([40, 40, 40, 1], 10, 100, size)).toEqual([40, 40]);
    expect(takeBatch([50, 50, 1], 10, 100, size)).toEqual([50, 50]);
  });

  test('always takes at least one, even when it alone is over budget', () => {
    expect(takeBatch([500, 1, 1], 10, 100, size)).toEqual([500]);
    expect(
      takeBatch([MAX_BATCH_BYTES * 3], DEFAULT_BATCH_LIMIT, MAX_BATCH_BYTES, size),
    ).toHaveLength(1);
  });

  test('a limit of one takes one', () => {
    expect(takeBatch([1, 2, 3], 1, 1000, size)).toEqual([1]);
  });

  test('measures each record once', () => {
    const measured: number[] = [];
    takeBatch([1, 2, 3, 4], 2, 1000, (n) => {
      measured.push(n);
      return n;
    });
    expect(measured).toEqual([1, 2]);
  });
});

describe('retry state transitions', () => {
  const failing: RetryState = {
    ...INITIAL_RETRY_STATE,
    attempts: 4,
    nextTryAt: NOW - 10,
    waitUntil: NOW - 10,
    blocked: false,
    lastError: { code: 'server-error', status: 500, at: NOW - 60_000 },
    lastAttemptAt: NOW - 60_000,
    lastSuccessAt: NOW - DAY_MS,
  };

  test('afterAnswer clears the failure and records the success', () => {
    const next = afterAnswer(failing, NOW);
    expect(next).toMatchObject({
      attempts: 0,
      nextTryAt: null,
      waitUntil: null,
      blocked: false,
      lastError: null,
      lastSuccessAt: NOW,
      lastAttemptAt: NOW,
    });
    expect(mayTryNow(next, 'timer', NOW)).toEqual({ open: true });
  });

  test('afterFailure counts the attempt and schedules a jittered retry', () => {
    const failure = { code: 'server-error', status: 500 } as const;
    const next = afterFailure(INITIAL_RETRY_STATE, failure, null, NOW, () => 0.5);
    expect(next).toEqual({
      ...INITIAL_RETRY_STATE,
      attempts: 1,
      nextTryAt: NOW + BACKOFF_BASE_MS, // half of the ceiling 2 × base
      waitUntil: null,
      blocked: false,
      lastError: { code: 'server-error', status: 500, at: NOW },
      lastAttemptAt: NOW,
    });
    const again = afterFailure(next, failure, null, NOW + 1, () => 0.999);
    expect(again.attempts).toBe(2);
    expect(again.nextTryAt).toBe(NOW + 1 + Math.floor(0.999 * BACKOFF_BASE_MS * 4));
  });

  test('afterFailure keeps the last success and keeps counting without limit', () => {
    let state = failing;
    for (let i = 0; i < 100; i++) {
      state = afterFailure(state, { code: 'network' }, null, NOW + i, () => 0.999);
    }
    expect(state.attempts).toBe(104);
    expect(state.lastSuccessAt).toBe(NOW - DAY_MS);
    expect(state.blocked).toBe(false);
    expect(state.nextTryAt).toBe(NOW + 99 + Math.floor(0.999 * BACKOFF_CAP_MS));
  });

  test('afterFailure stores the server wait', () => {
    const next = afterFailure(
      INITIAL_RETRY_STATE,
      { code: 'rate-limited', status: 429 },
      NOW + 120_000,
      NOW,
      () => 0,
    );
    expect(next.waitUntil).toBe(NOW + 120_000);
    expect(mayTryNow(next, 'manual', NOW + 119_999)).toMatchObject({ why: 'server-wait' });
    expect(mayTryNow(next, 'manual', NOW + 120_000)).toEqual({ open: true });
  });

  test('an auth failure blocks until the device is enrolled again', () => {
    const next = afterFailure(
      INITIAL_RETRY_STATE,
      { code: 'auth', status: 401, detail: 'ingetrokken' },
      null,
      NOW,
      () => 0,
    );
    expect(next.blocked).toBe(true);
    expect(next.lastError).toEqual({ code: 'auth', status: 401, detail: 'ingetrokken', at: NOW });
    expect(mayTryNow(next, 'manual', NOW + DAY_MS)).toEqual({ open: false, why: 'blocked' });
    expect(afterAnswer(next, NOW + 1).blocked).toBe(false);
  });

  test('a later non-auth failure lifts the block', () => {
    const blocked = { ...INITIAL_RETRY_STATE, blocked: true };
    expect(afterFailure(blocked, { code: 'network' }, null, NOW, () => 0).blocked).toBe(false);
  });

  test('afterTooLarge halves the refused batch, down to one', () => {
    expect(afterTooLarge(INITIAL_RETRY_STATE, 200).batchLimit).toBe(100);
    expect(afterTooLarge(INITIAL_RETRY_STATE, 7).batchLimit).toBe(3);
    expect(afterTooLarge(INITIAL_RETRY_STATE, 2).batchLimit).toBe(1);
    expect(afterTooLarge(INITIAL_RETRY_STATE, 1).batchLimit).toBe(1);
    const { batchLimit: _limit, ...rest } = afterTooLarge(failing, 50);
    const { batchLimit: _before, ...restBefore } = failing;
    expect(rest).toEqual(restBefore);
  });

  test('refKey names a revision', () => {
    expect(refKey({ id: 'x', rev: 3 })).toBe('x:3');
    expect(refKey(b1)).not.toBe(refKey(b2));
  });
});

describe('lostContact: what the status bar calls "Geen contact met de server"', () => {
  const state = (over: Partial<RetryState>): RetryState => ({ ...INITIAL_RETRY_STATE, ...over });
  const failed = (code: FailureCode) => ({ code, at: NOW });

  test.each(['network', 'timeout', 'server-error', 'unavailable'] as const)(
    'tries that failed with %s',
    (code) => {
      expect(lostContact(state({ attempts: 2, lastError: failed(code) }))).toBe(true);
    },
  );

  test('not an answer the server gave on purpose, nor an old failure since a success', () => {
    expect(lostContact(state({ attempts: 1, lastError: failed('bad-request') }))).toBe(false);
    expect(lostContact(state({ attempts: 0, lastError: failed('network') }))).toBe(false);
  });
});
