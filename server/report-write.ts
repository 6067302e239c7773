// Writing a plan of report upkeep (report-upkeep.ts). A visit's answers are keyed by its visit_no,
// which a new visit gets as it is inserted: SQLite (in this process) runs each statement per row
// in one go and reads the numbers back after; PostgreSQL writes visits, answers and counts in one
// statement, the answers joined to the numbers (and organisation, day, location) the INSERT returns.

import { type BulkColumn, inList } from './bulk';
import type { UpkeepPlan } from './report-upkeep';
import type { Dialect, SqlRunner, SqlValue } from './sql';

/** The plan's rows, in the order of these columns. */
export const VISIT_COLUMNS = columns(
  'visit_id organisation_id rev:i deleted:i day weekday:i hour:i location_id channel duration',
);
/** An answer row: its visit's id (in the plan) or number (stored), then these. */
export const ANSWER_NAMES = 'visit_no, question_no, kind, value, organisation_id, day, location_id';
export const COUNT_COLUMNS = columns('organisation_id day location_id kind value n:i');

function columns(spec: string): BulkColumn[] {
  return spec.split(' ').map((part) => {
    const [name = part, type] = part.split(':');
    return { name, type: type === 'i' ? 'integer' : 'text' };
  });
}

const VISIT_NAMES = VISIT_COLUMNS.map((column) => column.name).join(', ');
const COUNT_NAMES = COUNT_COLUMNS.map((column) => column.name).join(', ');

const UPSERT_VISIT = `ON CONFLICT (visit_id) DO UPDATE SET rev = excluded.rev, deleted = excluded.deleted,
    day = excluded.day, weekday = excluded.weekday, hour = excluded.hour,
    location_id = excluded.location_id, channel = excluded.channel, duration = excluded.duration
  WHERE excluded.rev > report_visits.rev`;
const ADD_COUNT = `ON CONFLICT (organisation_id, day, location_id, kind, value)
  DO UPDATE SET n = report_counts.n + excluded.n`;

export async function writePlan(tx: SqlRunner, dialect: Dialect, plan: UpkeepPlan): Promise<void> {
  if (plan.cleared.length > 0) {
    // Before the new answers: a replaced visit may answer the same again.
    const cleared = inList(dialect, 'visit_no', plan.cleared, 'bigint');
    await tx.run(`DELETE FROM report_answers WHERE ${cleared.where}`, [cleared.param]);
  }
  if (dialect === 'postgres') await writePostgres(tx, plan);
  else await writeSqlite(tx, plan);
}

async function writeSqlite(tx: SqlRunner, plan: UpkeepPlan): Promise<void> {
  if (plan.visits.length === 0 && plan.counts.length === 0) return;
  // Each statement runs for all its rows in one go; the visits' numbers are read back at once.
  const visit = `INSERT INTO report_visits (${VISIT_NAMES}) VALUES (${marks(VISIT_COLUMNS.length)})
    ${UPSERT_VISIT}`;
  await tx.runEach(visit, plan.visits);
  const ids = plan.visits.map((row) => String(row[0]));
  const wanted = inList('sqlite', 'visit_id', ids);
  const stored = await tx.all<{ visit_id: string; visit_no: number }>(
    `SELECT visit_id, visit_no FROM report_visits WHERE ${wanted.where}`,
    [wanted.param],
  );
  const numbers = new Map<SqlValue, number>(stored.map((row) => [row.visit_id, row.visit_no]));
  const answers: SqlValue[][] = [];
  for (const [id, ...rest] of plan.answers) {
    const visitNo = numbers.get(id ?? null);
    if (visitNo !== undefined) answers.push([visitNo, ...rest]);
  }
  await tx.runEach(`INSERT INTO report_answers (${ANSWER_NAMES}) VALUES (${marks(7)})`, answers);
  const count = `INSERT INTO report_counts (${COUNT_NAMES}) VALUES (${marks(6)}) ${ADD_COUNT}`;
  await tx.runEach(count, plan.counts);
}

const WRITE_POSTGRES = `
  WITH v AS (
    INSERT INTO report_visits (${VISIT_NAMES})
    SELECT * FROM unnest(?::text[], ?::text[], ?::integer[], ?::integer[], ?::text[], ?::integer[],
      ?::integer[], ?::text[], ?::text[], ?::text[])
    ${UPSERT_VISIT}
    RETURNING visit_id, visit_no, organisation_id, day, location_id
  ), a AS (
    INSERT INTO report_answers (${ANSWER_NAMES})
    SELECT v.visit_no, u.question_no, u.kind, u.value, v.organisation_id, v.day, v.location_id
    FROM unnest(?::text[], ?::integer[], ?::text[], ?::text[]) AS u (visit_id, question_no, kind, value)
    JOIN v ON v.visit_id = u.visit_id
  ), c AS (
    INSERT INTO report_counts (${COUNT_NAMES})
    SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[])
    ${ADD_COUNT}
  )
  SELECT COUNT(*) AS n FROM v`;

async function writePostgres(tx: SqlRunner, plan: UpkeepPlan): Promise<void> {
  if (plan.visits.length === 0 && plan.counts.length === 0) return;
  await tx.get(WRITE_POSTGRES, [
    ...byColumn(plan.visits, VISIT_COLUMNS.length),
    ...byColumn(plan.answers, 4),
    ...byColumn(plan.counts, COUNT_COLUMNS.length),
  ]);
}

/** Rows as one array per column, as `unnest` takes them. */
function byColumn(rows: readonly (readonly SqlValue[])[], width: number): SqlValue[][] {
  return Array.from({ length: width }, (_, index) => rows.map((row) => row[index] ?? null));
}

function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
