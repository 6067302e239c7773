// Small settings kept with idb-keyval (database `balie-settings`): this device's enrolment,
// the half-filled forms, the followed map, the upload time-out, which visits were copied into
// the Bibliotheekmonitor, and the screen lock. Shared by the page and the service worker.
// Every read parses what it finds; every settings write the app makes is here.

import { createStore, del, get, set, type UseStore, update } from 'idb-keyval';
import { addDays } from '../core/day';
import { type LockTries, NO_TRIES } from '../core/lock/pin';
import type { VisitDraft } from '../core/registration/draft';
import { Device } from '../core/upload/enrolment';
import type { PinHash } from './pin';
import {
  CopiedVisits,
  FollowedMapUrl,
  parseStored,
  StoredDraft,
  StoredLocked,
  StoredLockTries,
  StoredPin,
  UploadTimeout,
} from './stored';

let store: UseStore | undefined;

function settings(): UseStore {
  store ??= createStore('balie-settings', 'settings');
  return store;
}

const KEYS = {
  device: 'device',
  /** The new registration being filled in, and a change to a saved visit. */
  draft: { new: 'draft', edit: 'edit-draft' },
  followedMap: 'map-follow-url',
  uploadTimeout: 'uploadTimeoutMs',
  /** Visit id → its day, for each visit checked as "overgenomen" in the Bibliotheekmonitor. */
  copied: 'monitor-copied',
  lock: { pin: 'lock-pin', tries: 'lock-tries', locked: 'lock-locked' },
} as const;

/** Check-offs are kept this long after the visit's day, then forgotten (the KB asks yearly). */
const COPIED_KEEP_DAYS = 400;

export type DraftKind = keyof typeof KEYS.draft;

/** The enrolment; a damaged one counts as not enrolled, so the device is linked again. */
export async function readDevice(): Promise<Device | undefined> {
  return parseStored(Device, await get(KEYS.device, settings()), undefined).value;
}

export function saveDevice(device: Device): Promise<void> {
  return set(KEYS.device, device, settings());
}

/**
 * Changes the stored enrolment in one transaction, but only while it still has `token`: a
 * re-link during a contact with the endpoint is never undone by that contact's answer.
 */
export async function updateDevice(
  token: string,
  change: (device: Device) => Device,
): Promise<Device | undefined> {
  let result: Device | undefined;
  await update(
    KEYS.device,
    (value: unknown) => {
      const current = parseStored(Device, value, undefined).value;
      if (!current || current.token !== token) return value;
      result = change(current);
      return result;
    },
    settings(),
  );
  return result;
}

export interface StoredDraftRead {
  readonly draft: VisitDraft | null;
  /** A draft was there but could not be read (damaged, or from an older version). */
  readonly lost: boolean;
}

export async function readDraft(kind: DraftKind): Promise<StoredDraftRead> {
  const read = parseStored<VisitDraft | null>(
    StoredDraft,
    await get(KEYS.draft[kind], settings()),
    null,
  );
  return { draft: read.value, lost: read.damaged };
}

export function saveDraft(kind: DraftKind, draft: VisitDraft): Promise<void> {
  return set(KEYS.draft[kind], draft, settings());
}

export function forgetDraft(kind: DraftKind): Promise<void> {
  return del(KEYS.draft[kind], settings());
}

/** The address of a sociale kaart this device follows besides its endpoint's, if any. */
export async function readFollowedMap(): Promise<string | null> {
  return parseStored(FollowedMapUrl, await get(KEYS.followedMap, settings()), null).value;
}

export function saveFollowedMap(url: string | null): Promise<void> {
  return url === null ? del(KEYS.followedMap, settings()) : set(KEYS.followedMap, url, settings());
}

/** The upload time-out in ms, when set (slow links; tests that stall the endpoint). */
export async function readUploadTimeout(): Promise<number | undefined> {
  return parseStored(UploadTimeout, await get(KEYS.uploadTimeout, settings()), undefined).value;
}

/** The visits checked as copied into the Bibliotheekmonitor: id → day. */
export async function readCopied(): Promise<Readonly<Record<string, string>>> {
  return parseStored(CopiedVisits, await get(KEYS.copied, settings()), {}).value;
}

/**
 * Checks a visit as copied (or not) in one read-and-write, dropping check-offs of visits more
 * than 400 days before `today`, so the list never grows without end.
 */
export function saveCopied(id: string, day: string, copied: boolean, today: string): Promise<void> {
  const oldest = addDays(today, -COPIED_KEEP_DAYS);
  return update(
    KEYS.copied,
    (stored: unknown) => {
      const kept = Object.entries(parseStored(CopiedVisits, stored, {}).value).filter(
        ([other, otherDay]) => other !== id && otherDay >= oldest,
      );
      return Object.fromEntries(copied ? [...kept, [id, day]] : kept);
    },
    settings(),
  );
}

/** The screen lock's PIN hash; a damaged one counts as none, so a new PIN is chosen. */
export async function readPin(): Promise<PinHash | null> {
  return parseStored<PinHash | null>(StoredPin, await get(KEYS.lock.pin, settings()), null).value;
}

export function savePin(pin: PinHash): Promise<void> {
  return set(KEYS.lock.pin, pin, settings());
}

/** Wrong tries in a row and the wait they earned; kept across reloads. */
export async function readLockTries(): Promise<LockTries> {
  return parseStored(StoredLockTries, await get(KEYS.lock.tries, settings()), NO_TRIES).value;
}

export function saveLockTries(tries: LockTries): Promise<void> {
  return set(KEYS.lock.tries, tries, settings());
}

/** Whether the screen is locked: a reload does not open it. */
export async function readLocked(): Promise<boolean> {
  return parseStored(StoredLocked, await get(KEYS.lock.locked, settings()), false).value;
}

export function saveLocked(locked: boolean): Promise<void> {
  return set(KEYS.lock.locked, locked, settings());
}

/** A forgotten PIN: after linking again, the lock starts afresh (a new PIN is chosen). */
export async function forgetPin(): Promise<void> {
  await del(KEYS.lock.pin, settings());
  await del(KEYS.lock.tries, settings());
  await del(KEYS.lock.locked, settings());
}
