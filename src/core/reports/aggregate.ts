// The report: counts and breakdowns over the visits of a period, the same on the device
// (Overzicht) and on the endpoint (managers). Pure: rows in, a JSON-serialisable report out.
//
// Counting rules:
// - Feed the latest revision of each visit only (the device stores just that; the endpoint
//   and tests pass revisions through `latestRevisions` first). A visit counts once.
// - A deleted visit (its latest revision a tombstone) counts nowhere.
// - The same (id, rev) fed twice counts once; the same id with another rev is a caller's
//   mistake and throws, since the first revision has already been counted.
// - `from` and `to` are inclusive, on the visit's calendar day; `location` narrows to one.
// - Per visit: visits, byChannel, byDuration, byLocation, byDay, byWeek, heatmap, byNeeds (a
//   visit with two needs counts under each).
// - Per question: questions, byDomain, byTopic, byDigidStep, byCourse, byReferralKind,
//   byReferralWarmth, byOrganisation and byHelp (two organisations or two kinds of help in one
//   question count once under each).

import { weekdayOf, weekKey } from './calendar';
import { inScope, type LiveRow, type ReportRow, type Scope } from './rows';
import { type Counts, Tally } from './tally';

export interface Report {
  readonly visits: number;
  readonly questions: number;
  readonly byDomain: Counts;
  readonly byTopic: Counts;
  readonly byOrganisation: Counts;
  readonly byHelp: Counts;
  readonly byDigidStep: Counts;
  readonly byCourse: Counts;
  readonly byReferralKind: Counts;
  /** `warm` and `koud`. */
  readonly byReferralWarmth: Counts;
  readonly byChannel: Counts;
  readonly byDuration: Counts;
  readonly byNeeds: Counts;
  readonly byLocation: Counts;
  /** Keyed `YYYY-MM-DD`; days without visits are absent (see `series`). */
  readonly byDay: Counts;
  /** Keyed by ISO week, `2026-W53`. */
  readonly byWeek: Counts;
  /** `heatmap[weekday - 1][hour]`: Monday first, hour bands 0–23; visits. */
  readonly heatmap: readonly (readonly number[])[];
}

const VISIT_KEYS = ['byChannel', 'byDuration', 'byNeeds', 'byLocation', 'byDay', 'byWeek'] as const;
const QUESTION_KEYS = [
  'byDomain',
  'byTopic',
  'byOrganisation',
  'byHelp',
  'byDigidStep',
  'byCourse',
  'byReferralKind',
  'byReferralWarmth',
] as const;
type TallyKey = (typeof VISIT_KEYS)[number] | (typeof QUESTION_KEYS)[number];

export interface ReportAccumulator {
  add(row: ReportRow): void;
  finish(): Report;
}

/** Feed rows one by one (say, read by index), then `finish()`. Holds one id per visit fed. */
export function startReport(scope: Scope = {}): ReportAccumulator {
  const seen = new Map<string, number>();
  const tallies = Object.fromEntries(
    [...VISIT_KEYS, ...QUESTION_KEYS].map((key) => [key, new Tally()]),
  ) as Record<TallyKey, Tally>;
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  // Visits share few days: their week and weekday are worked out once per day.
  const calendar = new Map<string, { readonly week: string; readonly weekday: number }>();
  let visits = 0;
  let questions = 0;

  function count(row: LiveRow): void {
    visits += 1;
    tallies.byChannel.add(row.channel);
    tallies.byDuration.add(row.duration);
    tallies.byNeeds.addEach(row.needs);
    tallies.byLocation.add(row.location);
    tallies.byDay.add(row.day);
    let day = calendar.get(row.day);
    if (day === undefined) {
      day = { week: weekKey(row.day), weekday: weekdayOf(row.day) };
      calendar.set(row.day, day);
    }
    tallies.byWeek.add(day.week);
    const weekday = heatmap[day.weekday - 1];
    if (weekday !== undefined) weekday[row.hour] = (weekday[row.hour] ?? 0) + 1;
    for (const question of row.questions) {
      questions += 1;
      tallies.byDomain.add(question.domain);
      tallies.byTopic.add(question.topic);
      tallies.byOrganisation.addEach(question.organisations);
      tallies.byHelp.addEach(question.help);
      if (question.digidStep !== undefined) tallies.byDigidStep.add(question.digidStep);
      if (question.course !== undefined) tallies.byCourse.add(question.course);
      if (question.referral !== undefined) {
        tallies.byReferralKind.add(question.referral.kind);
        tallies.byReferralWarmth.add(question.referral.warm ? 'warm' : 'koud');
      }
    }
  }

  return {
    add(row) {
      const rev = seen.get(row.id);
      if (rev === row.rev) return;
      if (rev !== undefined) {
        throw new Error(`Visit ${row.id} came as rev ${rev} and ${row.rev}: use latestRevisions.`);
      }
      seen.set(row.id, row.rev);
      if (row.deleted !== true && inScope(scope, row)) count(row);
    },
    finish() {
      const counts = Object.fromEntries(
        Object.entries(tallies).map(([key, tally]) => [key, tally.toCounts()]),
      ) as Record<TallyKey, Counts>;
      return { visits, questions, ...counts, heatmap: heatmap.map((hours) => [...hours]) };
    },
  };
}

/** The report over latest-revision rows (see the counting rules above). */
export function aggregate(rows: Iterable<ReportRow>, scope: Scope = {}): Report {
  const report = startReport(scope);
  for (const row of rows) report.add(row);
  return report.finish();
}
