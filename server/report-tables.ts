// The report tables, kept at ingest inside the batch's transaction and filled from `records`
// by migration 5: one row per visit (its latest revision), one per answer of it, and counts per
// organisation, day, location and answer, so a report is a few GROUP BY queries (report-query.ts)
// instead of a read of every record. Only a higher revision replaces a visit (its old counts
// are taken off, its new ones added); a tombstone keeps its row, marked deleted, and nothing else.

import type Database from 'better-sqlite3';
import { weekdayOf } from '../src/core/reports/calendar';

/**
 * `report_answers` holds only answers of live visits, with the visit's organisation, day and
 * location copied in, so the question breakdowns read one index range without a join.
 * `question_no` 0 is the visit itself (its needs); questions count from 1.
 * (On PostgreSQL: the same tables without `WITHOUT ROWID`.)
 */
export const REPORT_SCHEMA = `
  CREATE TABLE report_visits (
    visit_id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL,
    rev INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    day TEXT,
    weekday INTEGER,
    hour INTEGER,
    location_id TEXT,
    channel TEXT,
    duration TEXT
  ) WITHOUT ROWID;
  CREATE INDEX report_visits_by_day ON report_visits (organisation_id, day, location_id);
  CREATE TABLE report_answers (
    visit_id TEXT NOT NULL,
    question_no INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    day TEXT NOT NULL,
    location_id TEXT NOT NULL,
    PRIMARY KEY (visit_id, question_no, kind, value)
  ) WITHOUT ROWID;
  CREATE INDEX report_answers_by_day ON report_answers (organisation_id, day, kind, value, location_id);
  -- What the unfiltered report reads: per organisation, day and location, how many visits
  -- (kind 'visits'), per channel, duration, weekday-hour ('hour', '7-14') and per answer.
  CREATE TABLE report_counts (
    organisation_id TEXT NOT NULL,
    day TEXT NOT NULL,
    location_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, day, location_id, kind, value)
  ) WITHOUT ROWID;
`;

/** What a visit adds to report_counts: the visit itself, its channel, duration, hour and answers. */
export function countsOf(
  visit: {
    readonly day: string;
    readonly hour: number;
    readonly channel: string;
    readonly duration: string;
  },
  answers: readonly { readonly kind: string; readonly value: string }[],
): [kind: string, value: string][] {
  return [
    ['visits', ''],
    ['channel', visit.channel],
    ['duration', visit.duration],
    ['hour', `${weekdayOf(visit.day)}-${visit.hour}`],
    ...answers.map((answer): [string, string] => [answer.kind, answer.value]),
  ];
}

/** What an answer row's `kind` may be; each is one breakdown of the report. */
export const ANSWER_KINDS = {
  need: 'byNeeds',
  domain: 'byDomain',
  topic: 'byTopic',
  digid: 'byDigidStep',
  organisation: 'byOrganisation',
  help: 'byHelp',
  course: 'byCourse',
  referral_kind: 'byReferralKind',
  referral_warmth: 'byReferralWarmth',
} as const;
export type AnswerKind = keyof typeof ANSWER_KINDS;

/** A visit as the report reads it; the stored record's body, read leniently. */
export interface VisitFacts {
  readonly day: string;
  readonly hour: number;
  readonly channel: string;
  readonly duration: string;
  readonly answers: readonly (readonly [questionNo: number, kind: AnswerKind, value: string])[];
}

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose =>
  typeof value === 'object' && value !== null ? (value as Loose) : {};
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? [...new Set(value.filter((item) => typeof item === 'string'))] : [];

/**
 * The facts of a live visit (a checked record, or a stored body from an older version), or
 * undefined when it has no readable day and hour. Lists count each value once, as the core does.
 */
export function visitFacts(body: unknown): VisitFacts | undefined {
  const visit = asObject(body);
  const day = asText(visit.day);
  const hour = visit.hour;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !Number.isInteger(hour)) return undefined;
  const answers: [number, AnswerKind, string][] = texts(visit.needs).map((need) => [
    0,
    'need',
    need,
  ]);
  const questions = Array.isArray(visit.questions) ? visit.questions : [];
  questions.forEach((raw, index) => {
    const question = asObject(raw);
    const no = index + 1;
    answers.push([no, 'domain', asText(question.domain)], [no, 'topic', asText(question.topic)]);
    if (typeof question.digidStep === 'string') answers.push([no, 'digid', question.digidStep]);
    if (typeof question.course === 'string') answers.push([no, 'course', question.course]);
    for (const value of texts(question.organisations)) answers.push([no, 'organisation', value]);
    for (const value of texts(question.help)) answers.push([no, 'help', value]);
    const referral = asObject(question.referral);
    if (typeof referral.kind === 'string') {
      answers.push([no, 'referral_kind', referral.kind]);
      answers.push([no, 'referral_warmth', referral.warm === true ? 'warm' : 'koud']);
    }
  });
  return {
    day,
    hour: hour as number,
    channel: asText(visit.channel),
    duration: asText(visit.duration),
    answers,
  };
}

/** One stored revision, as the report tables take it. */
export interface ReportEntry {
  readonly id: string;
  readonly rev: number;
  readonly organisationId: string;
  readonly locationId: string | null;
  /** The live visit's content; null for a tombstone (or a body without day and hour). */
  readonly visit: VisitFacts | null;
}

/**
 * Keeps the report tables: `keep(entry)` makes the entry the visit's row when its revision is
 * higher than the one there (and replaces its answers); a lower or equal revision changes
 * nothing. Call it inside the transaction that stores the revision.
 */
export function reportUpkeep(db: Database.Database): (entry: ReportEntry) => void {
  const current = db.prepare<
    [string],
    {
      organisation_id: string;
      rev: number;
      deleted: number;
      day: string | null;
      hour: number | null;
      location_id: string | null;
      channel: string | null;
      duration: string | null;
    }
  >(
    `SELECT organisation_id, rev, deleted, day, hour, location_id, channel, duration
     FROM report_visits WHERE visit_id = ?`,
  );
  const currentAnswers = db.prepare<[string], { kind: string; value: string }>(
    'SELECT kind, value FROM report_answers WHERE visit_id = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO report_visits (visit_id, organisation_id, rev, deleted, day, weekday, hour, location_id, channel, duration)
     VALUES (@id, @organisationId, @rev, @deleted, @day, @weekday, @hour, @locationId, @channel, @duration)
     ON CONFLICT (visit_id) DO UPDATE SET rev = excluded.rev, deleted = excluded.deleted,
       day = excluded.day, weekday = excluded.weekday, hour = excluded.hour,
       location_id = excluded.location_id, channel = excluded.channel, duration = excluded.duration
     WHERE excluded.rev > report_visits.rev`,
  );
  const clear = db.prepare('DELETE FROM report_answers WHERE visit_id = ?');
  const insert = db.prepare(
    `INSERT INTO report_answers (visit_id, question_no, kind, value, organisation_id, day, location_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const count = db.prepare(
    `INSERT INTO report_counts (organisation_id, day, location_id, kind, value, n) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (organisation_id, day, location_id, kind, value) DO UPDATE SET n = report_counts.n + excluded.n`,
  );
  return (entry) => {
    const before = current.get(entry.id);
    if (before && before.rev >= entry.rev) return;
    // The revision it replaces no longer counts.
    if (before && before.deleted === 0 && before.day !== null) {
      const visit = {
        day: before.day,
        hour: before.hour ?? 0,
        channel: before.channel ?? '',
        duration: before.duration ?? '',
      };
      for (const [kind, value] of countsOf(visit, currentAnswers.all(entry.id))) {
        count.run(before.organisation_id, before.day, before.location_id ?? '', kind, value, -1);
      }
    }
    const { visit } = entry;
    upsert.run({
      id: entry.id,
      organisationId: entry.organisationId,
      rev: entry.rev,
      deleted: visit ? 0 : 1,
      day: visit?.day ?? null,
      weekday: visit ? weekdayOf(visit.day) : null,
      hour: visit?.hour ?? null,
      locationId: visit ? (entry.locationId ?? '') : null,
      channel: visit?.channel ?? null,
      duration: visit?.duration ?? null,
    });
    clear.run(entry.id);
    if (!visit) return;
    const organisation = before?.organisation_id ?? entry.organisationId;
    const location = entry.locationId ?? '';
    for (const [no, kind, value] of visit.answers) {
      insert.run(entry.id, no, kind, value, organisation, visit.day, location);
    }
    const answers = visit.answers.map(([, kind, value]) => ({ kind, value }));
    for (const [kind, value] of countsOf(visit, answers)) {
      count.run(organisation, visit.day, location, kind, value, 1);
    }
  };
}

/**
 * Migration 5: the report tables, filled with the latest revision of every stored visit, so
 * an endpoint that already holds registrations reports its history. A visit belongs to the
 * organisation of the device that sent it (else the first organisation).
 */
export function fillReportTables(db: Database.Database): void {
  db.exec(REPORT_SCHEMA);
  const keep = reportUpkeep(db);
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
  for (let rows = page.all(''); rows.length > 0; rows = page.all(rows.at(-1)?.id ?? '')) {
    for (const row of rows) {
      if (row.organisation_id === null) continue;
      let body: unknown;
      try {
        body = JSON.parse(row.body);
      } catch {
        body = undefined;
      }
      keep({
        id: row.id,
        rev: row.rev,
        organisationId: row.organisation_id,
        locationId: row.location_id,
        visit: row.deleted === 1 ? null : (visitFacts(body) ?? null),
      });
    }
  }
}

const FILL_PAGE = 2000;
