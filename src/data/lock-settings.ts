// The screen lock's own settings in idb-keyval: the PIN's hash, wrong tries with the wait they
// earned, and whether the screen is locked. Parsed on read; kept across reloads.

import { del, get, set } from 'idb-keyval';
import { type LockTries, NO_TRIES } from '../core/lock/pin';
import type { PinHash } from './pin';
import { settings } from './settings';
import { parseStored, StoredLocked, StoredLockTries, StoredPin } from './stored';

const KEYS = { pin: 'lock-pin', tries: 'lock-tries', locked: 'lock-locked' } as const;

/** The screen lock's PIN hash; a damaged one counts as none, so a new PIN is chosen. */
export async function readPin(): Promise<PinHash | null> {
  return parseStored<PinHash | null>(StoredPin, await get(KEYS.pin, settings()), null).value;
}

export function savePin(pin: PinHash): Promise<void> {
  return set(KEYS.pin, pin, settings());
}

/** Wrong tries in a row and the wait they earned; kept across reloads. */
export async function readLockTries(): Promise<LockTries> {
  return parseStored(StoredLockTries, await get(KEYS.tries, settings()), NO_TRIES).value;
}

export function saveLockTries(tries: LockTries): Promise<void> {
  return set(KEYS.tries, tries, settings());
}

/** Whether the screen is locked: a reload does not open it. */
export async function readLocked(): Promise<boolean> {
  return parseStored(StoredLocked, await get(KEYS.locked, settings()), false).value;
}

export function saveLocked(locked: boolean): Promise<void> {
  return set(KEYS.locked, locked, settings());
}

/** A forgotten PIN: after linking again, the lock starts afresh (a new PIN is chosen). */
export async function forgetPin(): Promise<void> {
  await del(KEYS.pin, settings());
  await del(KEYS.tries, settings());
  await del(KEYS.locked, settings());
}
