// Reads for the Overzicht: this device's visits of a period, through the `content.day` index
// only, in slices of days so a year of a busy branch streams with progress. Tombstones
// (`deleted: 1`) reach the report as tombstones and so count nowhere; rows export live ones only.

import { type Report, startReport } from '../core/reports/aggregate';
import type { Period } from '../core/reports/period';
import type { LiveRow, ReportRow } from '../core/reports/rows';
import type { BalieDb, VisitRow } from './db';

/** Rows read so far of all the rows in the period(s), tombstones included. */
export interface ReadProgress {
  readonly done: number;
  readonly total: number;
}

/** Days per read: a busy branch has some 80 visits a day, so about a thousand rows. */
const DAYS_PER_SLICE = 14;

function inPeriod(db: BalieDb, from: string, to: string) {
  return db.visits.where('content.day').between(from, to, true, true);
}

export function reportRow(row: VisitRow): ReportRow {
  return row.deleted === 1
    ? { id: row.id, rev: row.rev, deleted: true }
    : { ...row.content, id: row.id, rev: row.rev };
}

/** Rows in the period, tombstones included (a count of index keys, no values read). */
export function countRows(db: BalieDb, period: Period): Promise<number> {
  return inPeriod(db, period.from, period.to).count();
}

/**
 * Feeds every row of the period to `add`, a slice of days at a time, in one read-only
 * transaction (so a save meanwhile is either wholly in or wholly out). Calls `onSlice` with
 * the rows read so far after each slice.
 */
export async function streamRows(
  db: BalieDb,
  period: Period,
  add: (row: ReportRow) => void,
  onSlice: (read: number) => void = () => undefined,
): Promise<void> {
  await db.transaction('r', db.visits, async () => {
    const days = (await inPeriod(db, period.from, period.to).uniqueKeys()).map(String);
    let read = 0;
    for (let start = 0; start < days.length; start += DAYS_PER_SLICE) {
      const slice = days.slice(start, start + DAYS_PER_SLICE);
      const first = slice[0];
      const last = slice[slice.length - 1];
      if (first === undefined || last === undefined) continue;
      const rows = await inPeriod(db, first, last).toArray();
      for (const row of rows) add(reportRow(row));
      read += rows.length;
      onSlice(read);
    }
  });
}

/**
 * The reports of several periods (this one, the one before, last year), read one after the
 * other with progress over all of them together.
 */
export async function readReports(
  db: BalieDb,
  periods: readonly Period[],
  onProgress: (progress: ReadProgress) => void = () => undefined,
): Promise<Report[]> {
  const counts = await Promise.all(periods.map((period) => countRows(db, period)));
  const total = counts.reduce((sum, count) => sum + count, 0);
  const reports: Report[] = [];
  let before = 0;
  for (const [index, period] of periods.entries()) {
    const report = startReport({ from: period.from, to: period.to });
    await streamRows(db, period, report.add, (read) => onProgress({ done: before + read, total }));
    reports.push(report.finish());
    before += counts[index] ?? 0;
  }
  return reports;
}

/** The live visits of the period (for a rows export and the Bibliotheekmonitor helper). */
export async function readLiveRows(db: BalieDb, period: Period): Promise<LiveRow[]> {
  const rows = await inPeriod(db, period.from, period.to).toArray();
  return rows.flatMap((row) => {
    const read = reportRow(row);
    return read.deleted === true ? [] : [read];
  });
}
