// The registration screen's seam to data, all on the first page: what it reads (live) and
// every write it makes, bound to this device's database and clock, through plain IndexedDB
// (the undo of a save, which keeps the edit rules, loads Dexie). Vandaag and changing a visit
// have theirs in visit-hooks.ts. Views import these, never src/data.

import type { Partner } from '../../core/partners/partner';
import { catalogueVersion } from '../../core/registration/catalogue';
import { completeDraft } from '../../core/registration/completion';
import type { VisitDraft } from '../../core/registration/draft';
import { pickKey, type QuickPick, recentPicks } from '../../core/registration/quick-picks';
import { partnersWithTopic, readFavourites, recentVisits } from '../../data/desk-reads';
import { addFavourite, removeFavourite, saveVisit, type VisitInput } from '../../data/desk-writes';
import { type DraftKind, forgetDraft, readDraft, saveDraft } from '../../data/settings';
import { type CatalogueView, useLiveQuery, useServices } from '../hooks';

export function useFavourites() {
  const { desk } = useServices();
  return useLiveQuery(['state:favourites'], () => readFavourites(desk), []);
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
  const { desk } = useServices();
  const key = favourites.map(pickKey).join('\n');
  return useLiveQuery(
    ['visits'],
    async () =>
      recentPicks(
        (await recentVisits(desk, scan)).map((row) => row.content),
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

/** For each topic, the sociale-kaart partners that help with it (through the topic index). */
export function usePartnerSuggestions(
  topics: readonly string[],
): ReadonlyMap<string, readonly Partner[]> {
  const { desk } = useServices();
  const key = [...new Set(topics)].sort().join(' ');
  const found = useLiveQuery(
    ['partners'],
    async () =>
      new Map(
        await Promise.all(
          key
            .split(' ')
            .filter(Boolean)
            .map(async (topic) => [topic, await partnersWithTopic(desk, topic)] as const),
        ),
      ),
    [key],
    // Keyed by topic, so the last answer still fits the topics it has while a new one is read.
    { keepPrevious: true },
  );
  return found ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, readonly Partner[]> = new Map();

/** Every write the registration screen makes, with the device's clock and ids. */
export function useRegistrationActions() {
  const { desk, dexie, now, newId, wake } = useServices();
  return {
    saveVisit: (input: VisitInput) => saveVisit(desk, input, now()),
    /** Undoes a save: as any delete, a tombstone once a batch took the visit. */
    deleteVisit: async (id: string) => {
      const [{ deleteVisit }, db] = await Promise.all([
        import('../../data/registration-writes'),
        dexie(),
      ]);
      return deleteVisit(db, id, now());
    },
    addFavourite: (pick: QuickPick) => addFavourite(desk, pick, newId()),
    removeFavourite: (id: string) => removeFavourite(desk, id),
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
