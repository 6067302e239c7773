// Small settings kept with idb-keyval (database `balie-settings`): this device's enrolment,
// the half-filled forms, the followed map and the upload time-out (the screen lock's are in
// lock-settings.ts, the Bibliotheekmonitor check-offs in copied-settings.ts). Shared by the
// page and the service worker. Every read parses what it finds; every such write is here.

import { createStore, del, get, set, type UseStore, update } from 'idb-keyval';
import type { VisitDraft } from '../core/registration/draft';
import { Device } from '../core/upload/enrolment';
import { FollowedMapUrl, parseStored, StoredDraft, UploadTimeout } from './stored';

let store: UseStore | undefined;

/** The `balie-settings` store, opened once. */
export function settings(): UseStore {
  store ??= createStore('balie-settings', 'settings');
  return store;
}

const KEYS = {
  device: 'device',
  /** The new registration being filled in, and a change to a saved visit. */
  draft: { new: 'draft', edit: 'edit-draft' },
  followedMap: 'map-follow-url',
  uploadTimeout: 'uploadTimeoutMs',
} as const;

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
