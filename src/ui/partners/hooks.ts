// The sociale-kaart screens' seam to data: the partners they read (live), every write they
// make, and the published maps (refresh, publish, follow). Views import these, never src/data.

import { dayOf } from '../../core/day';
import { exportHsdsJson } from '../../core/hsds/json';
import type { PartnerDetails } from '../../core/partners/partner';
import type { CatalogueOption } from '../../core/registration/catalogue';
import { publishMap } from '../../data/map-publish';
import { endpointMapUrl } from '../../data/map-refresh';
import { allPartners, readMapStates, readPartner } from '../../data/partner-reads';
import {
  deletePartner,
  importPartners,
  markPartnerOutdated,
  savePartner,
  savePartnerNote,
} from '../../data/partner-writes';
import { readFollowedMap, saveFollowedMap } from '../../data/settings';
import { useLiveQuery, useServices } from '../hooks';

export type { MapFailure, MapSourceState } from '../../data/db';
export type { MapRefresh } from '../../data/map-refresh';
export type { ImportCounts } from '../../data/partner-writes';

export function useAllPartners() {
  const { dexie } = useServices();
  return useLiveQuery(['partners'], async () => allPartners(await dexie()), []);
}

/** One partner, kept current; null once it is not (or no longer) on the map. */
export function usePartner(id: string) {
  const { dexie } = useServices();
  return useLiveQuery(['partners'], async () => (await readPartner(await dexie(), id)) ?? null, [
    id,
  ]);
}

/** What the device last heard from each published map, by URL, and the endpoint's own URL. */
export function useMapStates() {
  const { dexie, device } = useServices();
  const states = useLiveQuery(['state:maps'], async () => readMapStates(await dexie()), []);
  return { states, ownUrl: endpointMapUrl(device.endpoint) };
}

/** Every write of the sociale-kaart screens, with the device's clock. */
export function usePartnerActions() {
  const { dexie, now } = useServices();
  return {
    readPartner: async (id: string) => readPartner(await dexie(), id),
    savePartner: async (details: unknown) => savePartner(await dexie(), details),
    saveNote: async (id: string, notes: string) => savePartnerNote(await dexie(), id, notes),
    markOutdated: async (id: string, outdated: boolean) =>
      markPartnerOutdated(await dexie(), id, outdated, dayOf(now())),
    deletePartner: async (id: string) => deletePartner(await dexie(), id),
    importPartners: async (partners: readonly PartnerDetails[]) =>
      importPartners(await dexie(), partners),
    allPartners: async () => allPartners(await dexie()),
  };
}

/** Publishing this device's map, refreshing published maps, and following another one. */
export function useMapActions() {
  const { dexie, device, refreshMaps } = useServices();
  return {
    refresh: refreshMaps,
    async publish(topics: readonly CatalogueOption[]) {
      const db = await dexie();
      const partners = (await allPartners(db)).map(({ local: _local, ...details }) => details);
      const body = exportHsdsJson(partners, topics);
      const seen = (await readMapStates(db))[endpointMapUrl(device.endpoint)]?.etag;
      const send = (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init);
      return publishMap(send, device.endpoint, device.token, body, seen);
    },
    readFollowed: readFollowedMap,
    follow: (url: string) => saveFollowedMap(url),
    unfollow: () => saveFollowedMap(null),
  };
}
