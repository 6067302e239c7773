// The organisation's report from the report tables (report-tables.ts): five GROUP BY queries
// per request, each by location, summed into the total and each location's own numbers, in
// the shape of the core's `Report`. Plain SQL (IN lists, INTERSECT, row values), so the same
// statements run on PostgreSQL.

import type Database from 'better-sqlite3';
import type { Report } from '../src/core/reports/aggregate';
import { weekKey } from '../src/core/reports/calendar';
import type { Counts } from '../src/core/reports/tally';
import { ANSWER_KINDS, type AnswerKind } from './report-tables';

/** What a report counts: one organisation, days `from`–`to` inclusive, and optional filters. */
export interface ReportFilter {
  readonly organisationId: string;
  readonly from: string;
  readonly to: string;
  /** Any of these locations (a gemeente is passed as its locations); none given: all. */
  readonly locations?: readonly string[];
  readonly channels?: readonly string[];
  /** Questions with any of these domains, topics, organisations; a visit counts when one of its questions does. */
  readonly domains?: readonly string[];
  readonly topics?: readonly string[];
  readonly organisations?: readonly string[];
}

export interface OrganisationReport extends Report {
  /** Each location's own report, by location id. */
  readonly perLocation: Readonly<Record<string, Report>>;
}

type Param = string | number;
const list = (values: readonly string[]) => values.map(() => '?').join(', ');
const some = (values: readonly string[] | undefined): values is readonly string[] =>
  values !== undefined && values.length > 0;

/** The report per location, then summed: one accumulator per location and one for the total. */
class Accumulator {
  visits = 0;
  questions = 0;
  readonly tallies = new Map<string, Map<string, number>>();
  readonly heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));

  add(breakdown: string, key: string, n: number): void {
    const tally = this.tallies.get(breakdown) ?? new Map<string, number>();
    this.tallies.set(breakdown, tally);
    tally.set(key, (tally.get(key) ?? 0) + n);
  }

  counts(breakdown: string): Counts {
    const tally = this.tallies.get(breakdown) ?? new Map<string, number>();
    const keys = [...tally.keys()].sort();
    return Object.fromEntries(keys.map((key) => [key, tally.get(key) ?? 0]));
  }

  finish(): Report {
    const by = (name: string) => this.counts(name);
    return {
      visits: this.visits,
      questions: this.questions,
      byDomain: by('byDomain'),
      byTopic: by('byTopic'),
      byOrganisation: by('byOrganisation'),
      byHelp: by('byHelp'),
      byDigidStep: by('byDigidStep'),
      byCourse: by('byCourse'),
      byReferralKind: by('byReferralKind'),
      byReferralWarmth: by('byReferralWarmth'),
      byChannel: by('byChannel'),
      byDuration: by('byDuration'),
      byNeeds: by('byNeeds'),
      byLocation: by('byLocation'),
      byDay: by('byDay'),
      byWeek: by('byWeek'),
      heatmap: this.heatmap.map((hours) => [...hours]),
    };
  }
}

export function reportQueries(db: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    const statement = statements.get(sql) ?? db.prepare(sql);
    statements.set(sql, statement);
    return statement;
  };

  return function report(filter: ReportFilter): OrganisationReport {
    const scope: Param[] = [filter.organisationId, filter.from, filter.to];
    // The questions every question filter matches: one SELECT per filter, intersected.
    const questionFilters: [AnswerKind, readonly string[]][] = [];
    if (some(filter.domains)) questionFilters.push(['domain', filter.domains]);
    if (some(filter.topics)) questionFilters.push(['topic', filter.topics]);
    if (some(filter.organisations)) questionFilters.push(['organisation', filter.organisations]);
    const withMatched =
      questionFilters.length === 0
        ? ''
        : `WITH matched AS (${questionFilters
            .map(
              ([, values]) =>
                `SELECT visit_id, question_no FROM report_answers
                 WHERE organisation_id = ? AND day >= ? AND day <= ? AND kind = ? AND value IN (${list(values)})`,
            )
            .join(' INTERSECT ')}) `;
    const matchedParams = questionFilters.flatMap(([kind, values]) => [...scope, kind, ...values]);

    let visitWhere = 'v.organisation_id = ? AND v.deleted = 0 AND v.day >= ? AND v.day <= ?';
    const visitParams: Param[] = [...scope];
    let answerWhere = 'a.organisation_id = ? AND a.day >= ? AND a.day <= ?';
    const answerParams: Param[] = [...scope];
    if (filter.locations !== undefined && filter.locations.length === 0) {
      visitWhere += ' AND 1 = 0';
      answerWhere += ' AND 1 = 0';
    } else if (filter.locations !== undefined) {
      visitWhere += ` AND v.location_id IN (${list(filter.locations)})`;
      visitParams.push(...filter.locations);
      answerWhere += ` AND a.location_id IN (${list(filter.locations)})`;
      answerParams.push(...filter.locations);
    }
    if (some(filter.channels)) {
      visitWhere += ` AND v.channel IN (${list(filter.channels)})`;
      visitParams.push(...filter.channels);
      answerWhere += ` AND a.visit_id IN (SELECT c.visit_id FROM report_visits c
        WHERE c.organisation_id = ? AND c.deleted = 0 AND c.day >= ? AND c.day <= ?
          AND c.channel IN (${list(filter.channels)}))`;
      answerParams.push(...scope, ...filter.channels);
    }
    if (questionFilters.length > 0) {
      visitWhere += ' AND v.visit_id IN (SELECT visit_id FROM matched)';
      // A visit's needs count with the visit; a question's answers with the question.
      answerWhere += ` AND ((a.question_no = 0 AND a.visit_id IN (SELECT visit_id FROM matched))
        OR (a.question_no > 0 AND (a.visit_id, a.question_no) IN (SELECT visit_id, question_no FROM matched)))`;
    }
    const visitsBy = (columns: string) =>
      prepared(
        `${withMatched}SELECT v.location_id AS location, ${columns}, COUNT(*) AS n
         FROM report_visits v WHERE ${visitWhere} GROUP BY v.location_id, ${columns}`,
      ).all(...matchedParams, ...visitParams) as Record<string, string | number>[];

    const total = new Accumulator();
    const perLocation = new Map<string, Accumulator>();
    const both = (location: string, apply: (accumulator: Accumulator) => void) => {
      const own = perLocation.get(location) ?? new Accumulator();
      perLocation.set(location, own);
      apply(own);
      apply(total);
    };

    const weeks = new Map<string, string>();
    for (const row of visitsBy('v.day AS day')) {
      const day = String(row.day);
      const n = Number(row.n);
      const week = weeks.get(day) ?? weekKey(day);
      weeks.set(day, week);
      both(String(row.location), (acc) => {
        acc.visits += n;
        acc.add('byLocation', String(row.location), n);
        acc.add('byDay', day, n);
        acc.add('byWeek', week, n);
      });
    }
    for (const row of visitsBy('v.channel AS channel')) {
      both(String(row.location), (acc) => acc.add('byChannel', String(row.channel), Number(row.n)));
    }
    for (const row of visitsBy('v.duration AS duration')) {
      both(String(row.location), (acc) =>
        acc.add('byDuration', String(row.duration), Number(row.n)),
      );
    }
    for (const row of visitsBy('v.weekday AS weekday, v.hour AS hour')) {
      both(String(row.location), (acc) => {
        const hours = acc.heatmap[Number(row.weekday) - 1];
        const hour = Number(row.hour);
        if (hours && hour >= 0 && hour < 24) hours[hour] = (hours[hour] ?? 0) + Number(row.n);
      });
    }
    const answers = prepared(
      `${withMatched}SELECT a.location_id AS location, a.kind AS kind, a.value AS value, COUNT(*) AS n
       FROM report_answers a WHERE ${answerWhere} GROUP BY a.location_id, a.kind, a.value`,
    ).all(...matchedParams, ...answerParams) as {
      location: string;
      kind: AnswerKind;
      value: string;
      n: number;
    }[];
    for (const row of answers) {
      both(row.location, (acc) => {
        acc.add(ANSWER_KINDS[row.kind], row.value, row.n);
        // Every question has exactly one domain.
        if (row.kind === 'domain') acc.questions += row.n;
      });
    }

    const locations = [...perLocation.keys()].sort();
    return {
      ...total.finish(),
      perLocation: Object.fromEntries(
        locations.map((id) => [id, (perLocation.get(id) ?? new Accumulator()).finish()]),
      ),
    };
  };
}

/** Visits per gemeente: the total's byLocation summed by each location's gemeente. */
export function byGemeente(
  byLocation: Counts,
  gemeenteOf: (locationId: string) => string | undefined,
): Counts {
  const sums = new Map<string, number>();
  for (const [location, n] of Object.entries(byLocation)) {
    const gemeente = gemeenteOf(location) ?? '';
    sums.set(gemeente, (sums.get(gemeente) ?? 0) + n);
  }
  return Object.fromEntries([...sums.keys()].sort().map((key) => [key, sums.get(key) ?? 0]));
}
