// The Versturen screen's seam to data: the outbox summary, the uploader's state and progress,
// retrying a refused record (at another location when the endpoint did not know its location),
// and everything unsent for the download.

import type { RecordRef } from '../../core/upload/outbox';
import type { OutboxEntry } from '../../data/db';
import { readProgress, readRetryState } from '../../data/desk-reads';
import { retryRefused, retryWithLocation } from '../../data/registration-writes';
import { outboxSummary, unsentRecords } from '../../data/upload-reads';
import { useLiveQuery, useServices } from '../hooks';

export type { OutboxEntry as RefusedEntry } from '../../data/db';

export function useOutbox() {
  const { desk, dexie } = useServices();
  return {
    summary: useLiveQuery(['queue', 'outbox'], async () => outboxSummary(await dexie()), []),
    retry: useLiveQuery(['state:retry'], () => readRetryState(desk), []),
    progress: useLiveQuery(['state:progress'], () => readProgress(desk), []),
  };
}

export function useSyncActions() {
  const { dexie, now, wake } = useServices();
  return {
    sendNow: () => wake('manual'),
    /** Queues a refused record again, as a new revision, and sends at once. */
    retry: async (ref: RecordRef) => {
      await retryRefused(await dexie(), ref, now());
      wake('manual');
    },
    /** Queues a refused visit again at the chosen location (an id), and sends at once. */
    retryAt: async (ref: RecordRef, locationId: string) => {
      await retryWithLocation(await dexie(), ref, locationId, now());
      wake('manual');
    },
    unsentRecords: async () => unsentRecords(await dexie()),
  };
}

/**
 * Whether the endpoint refused a visit for its location: an unknown name from before locations
 * had ids, a location of another organisation, or a closed one (protocol.md, version 2).
 */
export function refusedForLocation(entry: OutboxEntry): boolean {
  if (!entry.reason || 'deleted' in entry.record) return false;
  return /locatie/i.test(entry.reason) && /kies in balie/i.test(entry.reason);
}
