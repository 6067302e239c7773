// The registration screens' seam to data: what they read (live) and every write they make,
// bound to this device's database and clock. Views import these, never src/data.

import type { Partner } from '../../core/partners/partner';
import { catalogueVersion } from '../../core/registration/catalogue';
import { completeDraft } from '../../core/registration/completion';
import type { VisitDraft } from '../../core/registration/draft';
import { pickKey, type QuickPick, recentPicks } from '../../core/registration/quick-picks';
import { addFavourite, removeFavourite } from '../../data/list-writes';
import { partnersWithTopic } from '../../data/partner-reads';
import {
  readFavourites,
  readVisit,
  recentDays,
  recentVisits,
  type VisitWithMark,
  visitsOfDay,
} from '../../data/registration-reads';
import { deleteVisit, editVisit, saveVisit, type VisitInput } from '../../data/registration-writes';
import { type DraftKind, forgetDraft, readDraft, saveDraft } from '../../data/settings';
import { type CatalogueView, useLiveQuery, useServices } from '../hooks';

export type { VisitWithMark } from '../../data/registration-reads';

export function useFavourites() {
  const { db } = useServices();
  return useLiveQuery(['state:favourites'], () => readFavourites(db), []);
}

/**
 * The recent Snelkeuze: picks from the latest `scan` visits, apart from the favourites. A save
 * that leaves the picks as they were re-renders nothing (the form stays as it is).
 */
export function useRecentPicks(
  favourites: readonly QuickPick[],
  scan: number,
  limit: number,
): readonly QuickPick[] | undefined {
  const { db } = useServices();
  const key = favourites.map(pickKey).join('\n');
  return useLiveQuery(
    ['visits'],
    async () =>
      recentPicks(
        (await recentVisits(db, scan)).map((row) => row.content),
        favourites,
        limit,
      ),
    [key, scan, limit],
    {
      same: (a, b) =>
        a.length === b.length && a.every((pick, i) => pickKey(pick) === pickKey(b[i] ?? pick)),
      keepPrevious: true,
    },
  );
}

/** The latest days with registrations on this device, newest first. */
export function useRecentDays(limit: number) {
  const { db } = useServices();
  return useLiveQuery(['visits'], () => recentDays(db, limit), [limit]);
}

export function useVisitsOfDay(day: string): VisitWithMark[] | undefined {
  const { db } = useServices();
  return useLiveQuery(['visits', 'queue', 'outbox'], () => visitsOfDay(db, day), [day]);
}

/** For each topic, the sociale-kaart partners that help with it (through the topic index). */
export function usePartnerSuggestions(
  topics: readonly string[],
): ReadonlyMap<string, readonly Partner[]> {
  const { db } = useServices();
  const key = [...new Set(topics)].sort().join(' ');
  const found = useLiveQuery(
    ['partners'],
    async () =>
      new Map(
        await Promise.all(
          key
            .split(' ')
            .filter(Boolean)
            .map(async (topic) => [topic, await partnersWithTopic(db, topic)] as const),
        ),
      ),
    [key],
    // Keyed by topic, so the last answer still fits the topics it has while a new one is read.
    { keepPrevious: true },
  );
  return found ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, readonly Partner[]> = new Map();

/** Every write the registration screens make, with the device's clock and ids. */
export function useRegistrationActions() {
  const { db, now, newId, wake } = useServices();
  return {
    readVisit: (id: string) => readVisit(db, id),
    saveVisit: (input: VisitInput) => saveVisit(db, input, now()),
    editVisit: (input: VisitInput) => editVisit(db, input, now()),
    deleteVisit: (id: string) => deleteVisit(db, id, now()),
    addFavourite: (pick: QuickPick) => addFavourite(db, pick, newId()),
    removeFavourite: (id: string) => removeFavourite(db, id),
    readDraft: (kind: DraftKind) => readDraft(kind),
    saveDraft: (kind: DraftKind, draft: VisitDraft) => saveDraft(kind, draft),
    forgetDraft: (kind: DraftKind) => forgetDraft(kind),
    /** After a write: let the uploader know there is something to send. */
    wake: () => wake('save'),
  };
}

/** Turns a draft into a visit of this device, with the answer lists' version it was made with. */
export function useCompleteDraft(catalogue: CatalogueView) {
  const { device } = useServices();
  return (draft: VisitDraft) =>
    completeDraft(draft, {
      catalogueVersion: catalogueVersion(catalogue.base, catalogue.custom),
      // The organisation's id for the location; a device linked before locations existed
      // sends the name, which the endpoint maps.
      location: device.locationId ?? device.location,
    });
}
