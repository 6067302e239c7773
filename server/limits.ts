// Rate limits: how often an address may fail to authenticate and how often a token may be
// used. In-process token buckets behind a small interface, so several endpoint processes can
// later share one limiter (in PostgreSQL) without the routes changing.

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly retryAfter: number };

export interface RateLimiter {
  /** Whether `key` may go on now, without spending anything. */
  check(key: string): Verdict;
  /** Spends one unit of `key`'s allowance; refused (and nothing spent) when there is none. */
  take(key: string): Verdict;
}

export interface Limits {
  /** Failed authentications per address per minute (also the burst); then 429 for a while. */
  readonly authFailuresPerMinute: number;
  /** Requests per device token per minute (also the burst). */
  readonly requestsPerMinute: number;
  /** Bytes of stored batch replies per device per 24 hours; then 429 until some age out. */
  readonly replyBytesPerDay: number;
}

/**
 * Strict on guessing, loose on working devices. An honest device sends a few batches a
 * minute, but every save wakes the uploader: the save benchmark makes 200 saves in about
 * 6 s, the fault-injection test 1,000 registrations with retries, the ingest benchmark 50
 * batches in a few seconds; all stay well inside 1,200 a minute. A stream of rejected
 * records stores about 0.5 MB of reply per batch, so 20 MB a day is ~40 such batches.
 */
export const DEFAULT_LIMITS: Limits = {
  authFailuresPerMinute: 10,
  requestsPerMinute: 1200,
  replyBytesPerDay: 20 * 1024 * 1024,
};

/** Past this many keys (addresses, tokens) the least recently used are forgotten. */
const MAX_KEYS = 100_000;

export function tokenBuckets(perMinute: number, now: () => number = Date.now): RateLimiter {
  const capacity = perMinute;
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  function current(key: string) {
    const time = now();
    const bucket = buckets.get(key);
    if (!bucket) return { tokens: capacity, at: time };
    return { tokens: Math.min(capacity, bucket.tokens + (time - bucket.at) * perMs), at: time };
  }

  function verdict(tokens: number): Verdict {
    if (tokens >= 1) return { ok: true };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
  }

  return {
    check(key) {
      return verdict(current(key).tokens);
    },
    take(key) {
      const bucket = current(key);
      const answer = verdict(bucket.tokens);
      if (!answer.ok) return answer;
      buckets.delete(key);
      buckets.set(key, { tokens: bucket.tokens - 1, at: bucket.at });
      // Oldest first (a Map keeps insertion order, and a used key was moved to the end).
      for (const old of buckets.keys()) {
        if (buckets.size <= MAX_KEYS) break;
        buckets.delete(old);
      }
      return answer;
    },
  };
}
