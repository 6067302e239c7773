// The Versturen screen's seam to data: the outbox summary, the uploader's state and progress,
// retrying a refused record, and everything unsent for the download.

import type { RecordRef } from '../../core/upload/outbox';
import { retryRefused } from '../../data/registration-writes';
import {
  outboxSummary,
  readProgress,
  readRetryState,
  unsentRecords,
} from '../../data/upload-reads';
import { useLiveQuery, useServices } from '../hooks';

export type { OutboxEntry as RefusedEntry } from '../../data/db';

export function useOutbox() {
  const { db } = useServices();
  return {
    summary: useLiveQuery(() => outboxSummary(db), []),
    retry: useLiveQuery(() => readRetryState(db), []),
    progress: useLiveQuery(() => readProgress(db), []),
  };
}

export function useSyncActions() {
  const { db, now, wake } = useServices();
  return {
    sendNow: () => wake('manual'),
    /** Queues a refused record again, as a new revision, and sends at once. */
    retry: async (ref: RecordRef) => {
      await retryRefused(db, ref, now());
      wake('manual');
    },
    unsentRecords: () => unsentRecords(db),
  };
}
