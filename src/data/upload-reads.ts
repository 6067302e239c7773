// Reads of the outbox for Versturen, through indexes only: it re-runs them on every outbox
// change, during uploads too. (The counts and the uploader's state are desk-reads.ts's.)

import type { BalieDb, OutboxEntry, OutboxState } from './db';
import { countQueued } from './desk-reads';

export interface OutboxSummary {
  /** Revisions waiting to be uploaded (visits, edits and deletions). */
  readonly unsent: number;
  readonly oldestQueuedAt: number | null;
  readonly refused: readonly OutboxEntry[];
}

/** Through indexes only: the views re-run it on every outbox change, during uploads too. */
export async function outboxSummary(db: BalieDb): Promise<OutboxSummary> {
  // The state index lists entries of one state in key order: the first is the oldest.
  const oldest = await db.queue.where('state').equals('queued').first();
  return {
    unsent: await countQueued(db.desk),
    oldestQueuedAt: oldest?.queuedAt ?? null,
    refused: await db.queue.where('state').anyOf(REFUSED).toArray(),
  };
}

const REFUSED: OutboxState[] = ['rejected', 'conflict'];

/** Everything not yet acknowledged, for the "download unsent registrations" escape hatch. */
export async function unsentRecords(db: BalieDb): Promise<OutboxEntry[]> {
  return db.queue.toArray();
}
