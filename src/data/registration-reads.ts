// Reads of registrations for Vandaag and changing a visit: a day's visits with whether the
// endpoint has them, the latest days, one visit. (What the registration screen reads, the
// Snelkeuze's latest visits, favourites and answer lists included, is in desk-reads.ts.)

import type { BalieDb, LocalRefusal, VisitRow } from './db';
import type { KeyedByRef } from './db-batch-rows';

export type SyncMark = 'sent' | 'unsent' | 'refused';

export interface VisitWithMark extends VisitRow {
  readonly mark: SyncMark;
  /** For a refused visit: the endpoint's words, or why the device kept it back. */
  readonly reason?: string;
  readonly reasonCode?: LocalRefusal;
}

/** The visits of one day, newest first, each with whether the endpoint has it. */
export async function visitsOfDay(db: BalieDb, day: string): Promise<VisitWithMark[]> {
  const rows = await db.visits.where('content.day').equals(day).toArray();
  const live = rows.filter((row) => row.deleted === 0);
  const ids = live.map((row) => row.id);
  const entries = [
    ...(await db.queue.where('id').anyOf(ids).toArray()),
    // What a tab still on the previous version saved, until the uploader moves it (db-queue.ts).
    ...(await db.outbox.where('id').anyOf(ids).toArray()),
  ];
  return live.sort((a, b) => b.createdAt - a.createdAt).map((row) => withMark(row, entries));
}

export function withMark(row: VisitRow, entries: readonly KeyedByRef[]): VisitWithMark {
  const own = entries.filter((entry) => entry.id === row.id);
  const refused = own.find((entry) => entry.state !== 'queued');
  if (refused) {
    const why = refused.reasonCode ? { reasonCode: refused.reasonCode } : {};
    return { ...row, mark: 'refused', reason: refused.reason ?? '', ...why };
  }
  return { ...row, mark: own.length > 0 ? 'unsent' : 'sent' };
}

/** The latest days that have visits, newest first, through the day index (keys only). */
export async function recentDays(db: BalieDb, limit: number): Promise<string[]> {
  const days = await db.visits.orderBy('content.day').reverse().limit(limit).uniqueKeys();
  return days.map(String);
}

/** One visit, unless it was deleted. */
export async function readVisit(db: BalieDb, id: string): Promise<VisitWithMark | undefined> {
  const row = await db.visits.get(id);
  if (!row || row.deleted) return undefined;
  const entries = [
    ...(await db.queue.where('id').equals(id).toArray()),
    ...(await db.outbox.where('id').equals(id).toArray()),
  ];
  return withMark(row, entries);
}
