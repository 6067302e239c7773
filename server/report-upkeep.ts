// Keeping the report tables (report-tables.ts) up to date: what new revisions change (a batch's on
// PostgreSQL, a fold's on SQLite) is planned in memory (`planUpkeep`, pure), then written by
// report-write.ts; migration 5 fills them the same way. Only a higher revision replaces a visit
// (its old counts off, its new ones on); a tombstone keeps its row, marked deleted, counting nowhere.

import type Database from 'better-sqlite3';
import { weekdayOf } from '../src/core/reports/calendar';
import { type BulkColumn, inList } from './bulk';
import { countsOf, REPORT_SCHEMA, type ReportEntry, visitFacts } from './report-tables';

type CountPairs = ReturnType<typeof countsOf>;

import { ANSWER_NAMES, COUNT_COLUMNS, VISIT_COLUMNS, writePlan } from './report-write';
import type { Dialect, SqlRunner, SqlValue } from './sql';

/** A visit's row in report_visits, with the answers stored for it. */
export interface StoredVisit {
  readonly visit_no: number;
  readonly organisation_id: string;
  readonly rev: number;
  readonly deleted: number;
  readonly day: string | null;
  readonly hour: number | null;
  readonly location_id: string | null;
  readonly channel: string | null;
  readonly duration: string | null;
  readonly answers: readonly { readonly kind: string; readonly value: string }[];
}

/** The rows to write, in the order of the columns in report-write.ts. */
export interface UpkeepPlan {
  readonly visits: SqlValue[][];
  /** Visits (their visit_no) whose answers are replaced. */
  readonly cleared: number[];
  /** Keyed by the visit's id, which the writer turns into its visit_no. */
  readonly answers: SqlValue[][];
  /** One row per (organisation, day, location, kind, value) with the change of its count. */
  readonly counts: SqlValue[][];
}

/**
 * What `entries` (new revisions, in the order they were stored) change, given the rows stored
 * for their visits before. Only each visit's highest revision matters: applying its revisions
 * one by one would take off and add back every step in between.
 */
export function planUpkeep(
  entries: readonly ReportEntry[],
  before: ReadonlyMap<string, StoredVisit>,
): UpkeepPlan {
  const latest = new Map<string, ReportEntry>();
  for (const entry of entries) {
    const seen = latest.get(entry.id);
    if (!seen || entry.rev > seen.rev) latest.set(entry.id, entry);
  }
  const plan: UpkeepPlan = { visits: [], cleared: [], answers: [], counts: [] };
  const deltas = new Map<string, { key: string[]; n: number }>();
  // Per (organisation, day, location): the key's first part, and where each kind-value goes.
  const count = (place: string, parts: readonly string[], pairs: CountPairs, n: number) => {
    for (const [kind, value] of pairs) {
      const id = `${place}\u0000${kind}\u0000${value}`;
      const found = deltas.get(id);
      if (found) found.n += n;
      else deltas.set(id, { key: [...parts, kind, value], n });
    }
  };
  // A batch (or a fold) holds a few days many times over.
  const weekdays = new Map<string, number>();
  const weekday = (day: string) => {
    let found = weekdays.get(day);
    if (found === undefined) {
      found = weekdayOf(day);
      weekdays.set(day, found);
    }
    return found;
  };
  for (const entry of latest.values()) {
    const old = before.get(entry.id);
    if (old && old.rev >= entry.rev) continue;
    // The revision it replaces no longer counts.
    if (old && old.deleted === 0 && old.day !== null) {
      const visit = {
        day: old.day,
        hour: old.hour ?? 0,
        channel: old.channel ?? '',
        duration: old.duration ?? '',
      };
      const parts = [old.organisation_id, old.day, old.location_id ?? ''];
      count(parts.join('\u0000'), parts, countsOf(visit, old.answers, weekday(old.day)), -1);
    }
    const { visit } = entry;
    // A visit keeps the organisation it was first counted for.
    const organisation = old?.organisation_id ?? entry.organisationId;
    const location = entry.locationId ?? '';
    plan.visits.push([
      entry.id,
      organisation,
      entry.rev,
      visit ? 0 : 1,
      visit?.day ?? null,
      visit ? weekday(visit.day) : null,
      visit?.hour ?? null,
      visit ? location : null,
      visit?.channel ?? null,
      visit?.duration ?? null,
    ]);
    if (old) plan.cleared.push(old.visit_no);
    if (!visit) continue;
    for (const [no, kind, value] of visit.answers) {
      plan.answers.push([entry.id, no, kind, value, organisation, visit.day, location]);
    }
    const answers = visit.answers.map(([, kind, value]) => ({ kind, value }));
    const parts = [organisation, visit.day, location];
    count(parts.join('\u0000'), parts, countsOf(visit, answers, weekday(visit.day)), 1);
  }
  // In key order, so two transactions touching the same counts lock them in the same order.
  const sorted = [...deltas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, { key, n }] of sorted) if (n !== 0) plan.counts.push([...key, n]);
  return plan;
}

/**
 * Reads what is stored for the entries' visits, plans, and writes: one batch's upkeep. Only
 * visits in `stored` (those with a revision stored before this batch) can have report rows.
 */
export async function keepReports(
  tx: SqlRunner,
  dialect: Dialect,
  entries: readonly ReportEntry[],
  stored: ReadonlySet<string>,
): Promise<void> {
  if (entries.length === 0) return;
  const ids = [...new Set(entries.map((entry) => entry.id))].filter((id) => stored.has(id));
  const before = ids.length === 0 ? new Map() : await storedVisits(tx, dialect, ids);
  await writePlan(tx, dialect, planUpkeep(entries, before));
}

async function storedVisits(
  tx: SqlRunner,
  dialect: Dialect,
  ids: readonly string[],
): Promise<Map<string, StoredVisit>> {
  const visits = inList(dialect, 'visit_id', ids);
  const rows = await tx.all<Omit<StoredVisit, 'answers'> & { visit_id: string }>(
    `SELECT visit_id, visit_no, organisation_id, rev, deleted, day, hour, location_id, channel, duration
     FROM report_visits WHERE ${visits.where}`,
    [visits.param],
  );
  const before = new Map<string, StoredVisit>();
  if (rows.length === 0) return before;
  const answered = inList(
    dialect,
    'visit_no',
    rows.map((row) => row.visit_no),
    'bigint',
  );
  const answers = await tx.all<{ visit_no: number; kind: string; value: string }>(
    `SELECT visit_no, kind, value FROM report_answers WHERE ${answered.where}`,
    [answered.param],
  );
  const byVisit = new Map<number, { kind: string; value: string }[]>();
  for (const answer of answers) {
    const list = byVisit.get(answer.visit_no);
    if (list) list.push(answer);
    else byVisit.set(answer.visit_no, [answer]);
  }
  for (const row of rows) {
    before.set(row.visit_id, { ...row, answers: byVisit.get(row.visit_no) ?? [] });
  }
  return before;
}

/**
 * Migration 5: the report tables, filled with the latest revision of every stored visit, so
 * an endpoint that already holds registrations reports its history. A visit belongs to the
 * organisation of the device that sent it (else the first organisation).
 */
export function fillReportTables(db: Database.Database): void {
  db.exec(REPORT_SCHEMA);
  const write = planWriter(db);
  // Page by id: better-sqlite3 cannot write while a read is open, and a large file's records
  // need not all be in memory at once.
  const page = db.prepare<
    [string],
    {
      id: string;
      rev: number;
      deleted: number;
      body: string;
      location_id: string | null;
      organisation_id: string | null;
    }
  >(
    `SELECT r.id, r.rev, r.deleted, r.body, r.location_id,
       COALESCE(d.organisation_id, (SELECT id FROM organisations ORDER BY created_at, id LIMIT 1)) AS organisation_id
     FROM records r LEFT JOIN devices d ON d.id = r.device_id
     WHERE r.id > ? AND r.rev = (SELECT MAX(m.rev) FROM records m WHERE m.id = r.id)
     ORDER BY r.id LIMIT ${FILL_PAGE}`,
  );
  // Each page holds every visit once, in its latest revision, and nothing is stored yet.
  for (let rows = page.all(''); rows.length > 0; rows = page.all(rows.at(-1)?.id ?? '')) {
    const entries = rows.flatMap((row): ReportEntry[] => {
      if (row.organisation_id === null) return [];
      let body: unknown;
      try {
        body = JSON.parse(row.body);
      } catch {
        body = undefined;
      }
      const visit = row.deleted === 1 ? null : (visitFacts(body) ?? null);
      return [
        {
          id: row.id,
          rev: row.rev,
          organisationId: row.organisation_id,
          locationId: row.location_id,
          visit,
        },
      ];
    });
    write(planUpkeep(entries, new Map()));
  }
}

/** Writes a plan with better-sqlite3 itself: migrations run before the async stores open. */
function planWriter(db: Database.Database): (plan: UpkeepPlan) => void {
  const insert = (table: string, columns: readonly BulkColumn[], tail = '') =>
    db.prepare(
      `INSERT INTO ${table} (${columns.map((column) => column.name).join(', ')})
       VALUES (${columns.map(() => '?').join(', ')}) ${tail}`,
    );
  const visits = insert('report_visits', VISIT_COLUMNS);
  const answers = db.prepare(
    `INSERT INTO report_answers (${ANSWER_NAMES}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const counts = insert(
    'report_counts',
    COUNT_COLUMNS,
    `ON CONFLICT (organisation_id, day, location_id, kind, value) DO UPDATE SET n = report_counts.n + excluded.n`,
  );
  return (plan) => {
    // Nothing is stored yet: every visit is new and numbered as it is inserted.
    const numbers = new Map<SqlValue, number | bigint>();
    for (const row of plan.visits) numbers.set(row[0] ?? null, visits.run(row).lastInsertRowid);
    for (const [id, ...rest] of plan.answers) answers.run(numbers.get(id ?? null), ...rest);
    for (const row of plan.counts) counts.run(row);
  };
}

const FILL_PAGE = 2000;
