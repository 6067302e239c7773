// The screen lock's rules: what a PIN looks like and how long to wait after wrong tries.
// Pure. Callers pass the clock.

export const PIN_PATTERN = /^\d{4,6}$/;

/** Seconds to wait after the n-th wrong try in a row: 0, 0, 5, 15, 30, 60, 120, 300, … 900. */
const WAITS = [0, 0, 5, 15, 30, 60, 120, 300, 600, 900];

export function waitAfter(failures: number): number {
  if (failures <= 0) return 0;
  return (WAITS[Math.min(failures, WAITS.length) - 1] ?? 900) * 1000;
}

export interface LockTries {
  readonly failures: number;
  readonly waitUntil: number | null;
}

export const NO_TRIES: LockTries = { failures: 0, waitUntil: null };

export function afterWrongPin(tries: LockTries, now: number): LockTries {
  const failures = tries.failures + 1;
  const wait = waitAfter(failures);
  return { failures, waitUntil: wait > 0 ? now + wait : null };
}

/** Milliseconds still to wait before the next try (0: try now). */
export function waitLeft(tries: LockTries, now: number): number {
  return tries.waitUntil === null ? 0 : Math.max(0, tries.waitUntil - now);
}
