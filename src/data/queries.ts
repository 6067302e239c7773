// Reads the views and the uploader need. Views wrap them in liveQuery to stay current.

import Dexie from 'dexie';
import { type Customisation, NO_CUSTOMISATION } from '../core/registration/catalogue';
import type { Favourite } from '../core/registration/quick-picks';
import { INITIAL_RETRY_STATE, type RetryState } from '../core/upload/outbox';
import type { BalieDb, OutboxEntry, OutboxState, Progress, VisitRow } from './db';

export type SyncMark = 'sent' | 'unsent' | 'refused';

export interface VisitWithMark extends VisitRow {
  readonly mark: SyncMark;
  readonly reason?: string;
}

/** The visits of one day, newest first, each with whether the endpoint has it. */
export async function visitsOfDay(db: BalieDb, day: string): Promise<VisitWithMark[]> {
  const rows = await db.visits.where('content.day').equals(day).toArray();
  const live = rows.filter((row) => row.deleted === 0);
  const entries = await db.outbox
    .where('id')
    .anyOf(live.map((row) => row.id))
    .toArray();
  return live.sort((a, b) => b.createdAt - a.createdAt).map((row) => withMark(row, entries));
}

export function withMark(row: VisitRow, entries: readonly OutboxEntry[]): VisitWithMark {
  const own = entries.filter((entry) => entry.id === row.id);
  const refused = own.find((entry) => entry.state !== 'queued');
  if (refused) return { ...row, mark: 'refused', reason: refused.reason ?? '' };
  return { ...row, mark: own.length > 0 ? 'unsent' : 'sent' };
}

export interface OutboxSummary {
  /** Revisions waiting to be uploaded (visits, edits and deletions). */
  readonly unsent: number;
  readonly oldestQueuedAt: number | null;
  readonly refused: readonly OutboxEntry[];
}

/** Through indexes only: the views re-run it on every outbox change, during uploads too. */
export async function outboxSummary(db: BalieDb): Promise<OutboxSummary> {
  const oldest = await db.outbox
    .where('[state+queuedAt]')
    .between(['queued', Dexie.minKey], ['queued', Dexie.maxKey])
    .first();
  return {
    unsent: await countQueued(db),
    oldestQueuedAt: oldest?.queuedAt ?? null,
    refused: await db.outbox.where('state').anyOf(REFUSED).toArray(),
  };
}

const REFUSED: OutboxState[] = ['rejected', 'conflict'];

/** How many records the endpoint refused, for the status bar. */
export function countRefused(db: BalieDb): Promise<number> {
  return db.outbox.where('state').anyOf(REFUSED).count();
}

export function countQueued(db: BalieDb): Promise<number> {
  return db.outbox.where('state').equals('queued').count();
}

export async function readRetryState(db: BalieDb): Promise<RetryState> {
  const row = await db.state.get('retry');
  return row?.key === 'retry' ? row.value : INITIAL_RETRY_STATE;
}

export async function readProgress(db: BalieDb): Promise<Progress | null> {
  const row = await db.state.get('progress');
  return row?.key === 'progress' ? row.value : null;
}

export async function readCustomisation(db: BalieDb): Promise<Customisation> {
  const row = await db.state.get('catalogue');
  return row?.key === 'catalogue' ? row.value : NO_CUSTOMISATION;
}

export async function readFavourites(db: BalieDb): Promise<readonly Favourite[]> {
  const row = await db.state.get('favourites');
  return row?.key === 'favourites' ? row.value : [];
}

/** The latest visits on this device, newest first, for the recent Snelkeuze. */
export async function recentVisits(db: BalieDb, limit: number): Promise<VisitRow[]> {
  const rows = await db.visits
    .orderBy('updatedAt')
    .reverse()
    .limit(limit * 2)
    .toArray();
  return rows.filter((row) => row.deleted === 0).slice(0, limit);
}

/** One visit, unless it was deleted. */
export async function readVisit(db: BalieDb, id: string): Promise<VisitWithMark | undefined> {
  const row = await db.visits.get(id);
  if (!row || row.deleted) return undefined;
  return withMark(row, await db.outbox.where('id').equals(id).toArray());
}

/** Everything not yet acknowledged, for the "download unsent registrations" escape hatch. */
export async function unsentRecords(db: BalieDb): Promise<OutboxEntry[]> {
  return db.outbox.orderBy('queuedAt').toArray();
}
