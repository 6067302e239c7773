// Folding stored records into the report tables on SQLite: a batch commits only its records,
// and the records after a watermark (`report_folded.up_to`, a rowid of `records`) are folded in
// later, in one transaction: before every report read, at start (after a crash), and when
// uploads pause. PostgreSQL keeps the tables at ingest instead (report-upkeep.ts).

import type Database from 'better-sqlite3';
import { type ReportEntry, visitFacts } from './report-tables';
import { keepReports } from './report-upkeep';
import type { SqlRunner } from './sql';
import type { SqliteSql } from './sqlite-sql';
import type { Store } from './store';

/**
 * Migration 7: the watermark, at the last stored record (until now every batch kept the report
 * tables in its own transaction, so they hold every record stored so far).
 */
export function addFoldWatermark(db: Database.Database): void {
  db.exec(`
    CREATE TABLE report_folded (id INTEGER PRIMARY KEY CHECK (id = 1), up_to INTEGER NOT NULL);
    INSERT INTO report_folded (id, up_to) SELECT 1, COALESCE(MAX(rowid), 0) FROM records;
  `);
}

/** Records are read in pages: a day of a province's uploads need not be in memory at once. */
const PAGE = 2000;

interface Pending {
  readonly n: number;
  readonly id: string;
  readonly rev: number;
  readonly deleted: number;
  readonly body: string;
  readonly location_id: string | null;
  readonly organisation_id: string | null;
}

/**
 * Folds every record after the watermark into the report tables and moves the watermark, in
 * the transaction `tx`; resolves to how many records it folded. Records are never deleted, so
 * a new record's rowid is above every stored one (and above the watermark).
 */
export async function foldRecords(tx: SqlRunner): Promise<number> {
  const mark = await tx.get<{ up_to: number }>('SELECT up_to FROM report_folded WHERE id = 1');
  let upTo = mark?.up_to ?? 0;
  let folded = 0;
  for (;;) {
    // A visit belongs to the organisation of the device that sent it (as at ingest).
    const rows = await tx.all<Pending>(
      `SELECT r.rowid AS n, r.id, r.rev, r.deleted, r.body, r.location_id,
         COALESCE(d.organisation_id, (SELECT id FROM organisations ORDER BY created_at, id LIMIT 1)) AS organisation_id
       FROM records r LEFT JOIN devices d ON d.id = r.device_id
       WHERE r.rowid > ? ORDER BY r.rowid LIMIT ${PAGE}`,
      [upTo],
    );
    if (rows.length === 0) break;
    const entries = rows.flatMap((row): ReportEntry[] => {
      if (row.organisation_id === null) return [];
      const visit = row.deleted === 1 ? null : (visitFacts(parsed(row.body)) ?? null);
      const { id, rev, location_id: locationId, organisation_id: organisationId } = row;
      return [{ id, rev, organisationId, locationId, visit }];
    });
    // Any of these visits may have report rows already: all are looked up.
    await keepReports(tx, 'sqlite', entries, new Set(entries.map((entry) => entry.id)));
    upTo = rows.at(-1)?.n ?? upTo;
    folded += rows.length;
  }
  if (folded > 0) await tx.run('UPDATE report_folded SET up_to = ? WHERE id = 1', [upTo]);
  return folded;
}

function parsed(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Folds what is pending, if anything; resolves to how many records it folded. */
export async function foldPending(sql: SqliteSql): Promise<number> {
  const pending = await sql.get<{ yes: number }>(
    `SELECT COALESCE((SELECT MAX(rowid) FROM records), 0) > (SELECT up_to FROM report_folded WHERE id = 1) AS yes`,
  );
  return pending?.yes === 1 ? sql.transaction(foldRecords) : 0;
}

/** How long uploads must pause before what they stored is folded (and at most how long it waits). */
const IDLE_MS = 2_000;
const MAX_WAIT_MS = 30_000;

/**
 * The SQLite store with folding: ingest leaves the report tables alone (and folding waits for
 * a pause in the uploads), a report read folds first, so every report is exact.
 */
export function withFolding(store: Store, sql: SqliteSql): Store {
  let timer: NodeJS.Timeout | undefined;
  let firstPending = 0;
  const fold = () => {
    clearTimeout(timer);
    timer = undefined;
    // A failed fold (a full disk, say) is tried again by the next read, upload or start.
    return foldPending(sql);
  };
  const schedule = () => {
    const now = Date.now();
    if (timer === undefined) firstPending = now;
    clearTimeout(timer);
    const wait = Math.min(IDLE_MS, Math.max(0, firstPending + MAX_WAIT_MS - now));
    timer = setTimeout(
      () =>
        void fold().catch((error: unknown) =>
          console.error('report tables not folded yet; the next read or upload tries again', error),
        ),
      wait,
    );
    timer.unref();
  };
  return {
    ...store,
    async ingest(...args) {
      const outcome = await store.ingest(...args);
      if (outcome.kind === 'stored' && !outcome.replayed) schedule();
      return outcome;
    },
    async report(filter) {
      await fold();
      return store.report(filter);
    },
    foldReports: fold,
    close() {
      clearTimeout(timer);
      timer = undefined;
      return store.close();
    },
  };
}
