// Small settings kept with idb-keyval (database `balie-settings`): this device's enrolment,
// the half-filled forms, the followed map, the upload time-out and which visits were copied
// into the Bibliotheekmonitor. Shared by the page and the
// service worker. Every read parses what it finds; every settings write the app makes is here.

import { createStore, del, get, set, type UseStore, update } from 'idb-keyval';
import { addDays } from '../core/day';
import type { VisitDraft } from '../core/registration/draft';
import { Device } from '../core/upload/enrolment';
import { CopiedVisits, FollowedMapUrl, parseStored, StoredDraft, UploadTimeout } from './stored';

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
