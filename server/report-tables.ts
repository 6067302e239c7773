// The report tables: one row per visit (its latest revision), one per answer of it, and counts
// per organisation, day, location and answer, so a report is a few GROUP BY queries
// (report-query.ts) instead of a read of every record. What a visit's body counts for; kept at
// ingest and filled from `records` by migration 5, both in report-upkeep.ts.

import { weekdayOf } from '../src/core/reports/calendar';

/**
 * `report_answers` holds only answers of live visits, with the visit's organisation, day and
 * location copied in, so the question breakdowns read one index range without a join.
 * `question_no` 0 is the visit itself (its needs); questions count from 1.
 * A visit is numbered (`visit_no`, SQLite's rowid) in the order it was first stored: its answers
 * are keyed by that number, so a batch's new rows go to the end of each index instead of to
 * random places (a random key dirties a page per row, and SQLite's commit writes every page).
 * (On PostgreSQL: the same tables, `visit_no` an identity column; see pg-migrations.ts.)
 */
export const REPORT_SCHEMA = `
  CREATE TABLE report_visits (
    visit_no INTEGER PRIMARY KEY,
    visit_id TEXT NOT NULL UNIQUE,
    organisation_id TEXT NOT NULL,
    rev INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    day TEXT,
    weekday INTEGER,
    hour INTEGER,
    location_id TEXT,
    channel TEXT,
    duration TEXT
  );
  CREATE INDEX report_visits_by_day ON report_visits (organisation_id, day, location_id);
  CREATE TABLE report_answers (
    visit_no INTEGER NOT NULL,
    question_no INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    day TEXT NOT NULL,
    location_id TEXT NOT NULL,
    PRIMARY KEY (visit_no, question_no, kind, value)
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

/** What a visit adds to report_counts: the visit itself, its channel, duration, hour and answers (`weekday`: its day's, if known). */
export function countsOf(
  visit: {
    readonly day: string;
    readonly hour: number;
    readonly channel: string;
    readonly duration: string;
  },
  answers: readonly { readonly kind: string; readonly value: string }[],
  weekday = weekdayOf(visit.day),
): [kind: string, value: string][] {
  return [
    ['visits', ''],
    ['channel', visit.channel],
    ['duration', visit.duration],
    ['hour', `${weekday}-${visit.hour}`],
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
