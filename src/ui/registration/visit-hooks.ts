// Vandaag's and the visit editor's seam to data (they load after the first page, Dexie with
// them): the latest days, a day's visits with whether the endpoint has them, and changing or
// deleting a saved visit. Views import these, never src/data.

import {
  readVisit,
  recentDays,
  type VisitWithMark,
  visitsOfDay,
} from '../../data/registration-reads';
import { deleteVisit, editVisit, type VisitInput } from '../../data/registration-writes';
import { useLiveQuery, useServices } from '../hooks';

export type { VisitWithMark } from '../../data/registration-reads';

/** The latest days with registrations on this device, newest first. */
export function useRecentDays(limit: number) {
  const { dexie } = useServices();
  return useLiveQuery(['visits'], async () => recentDays(await dexie(), limit), [limit]);
}

export function useVisitsOfDay(day: string): VisitWithMark[] | undefined {
  const { dexie } = useServices();
  return useLiveQuery(['visits', 'queue', 'outbox'], async () => visitsOfDay(await dexie(), day), [
    day,
  ]);
}

/** Reading, changing and deleting one saved visit, with the device's clock. */
export function useVisitActions() {
  const { dexie, now } = useServices();
  return {
    readVisit: async (id: string) => readVisit(await dexie(), id),
    editVisit: async (input: VisitInput) => editVisit(await dexie(), input, now()),
    deleteVisit: async (id: string) => deleteVisit(await dexie(), id, now()),
  };
}
