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
  const { db } = useServices();
  return useLiveQuery(['partners'], () => allPartners(db), []);
}

/** One partner, kept current; null once it is not (or no longer) on the map. */
export function usePartner(id: string) {
  const { db } = useServices();
  return useLiveQuery(['partners'], async () => (await readPartner(db, id)) ?? null, [id]);
}

/** What the device last heard from each published map, by URL, and the endpoint's own URL. */
export function useMapStates() {
  const { db, device } = useServices();
  const states = useLiveQuery(['state:maps'], () => readMapStates(db), []);
  return { states, ownUrl: endpointMapUrl(device.endpoint) };
}

/** Every write of the sociale-kaart screens, with the device's clock. */
export function usePartnerActions() {
  const { db, now } = useServices();
  return {
    readPartner: (id: string) => readPartner(db, id),
    savePartner: (details: unknown) => savePartner(db, details),
    saveNote: (id: string, notes: string) => savePartnerNote(db, id, notes),
    markOutdated: (id: string, outdated: boolean) =>
      markPartnerOutdated(db, id, outdated, dayOf(now())),
    deletePartner: (id: string) => deletePartner(db, id),
    importPartners: (partners: readonly PartnerDetails[]) => importPartners(db, partners),
    allPartners: () => allPartners(db),
  };
}

/** Publishing this device's map, refreshing published maps, and following another one. */
export function useMapActions() {
  const { db, device, refreshMaps } = useServices();
  return {
    refresh: refreshMaps,
    async publish(topics: readonly CatalogueOption[]) {
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
