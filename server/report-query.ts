// The organisation's report from the report tables (report-tables.ts), by location, summed into
// the total and each location's own numbers, in the shape of the core's `Report`: two GROUP BY
// queries on report_counts, or, with a channel or question filter, five on the per-visit rows.
// Plain SQL (IN lists, INTERSECT, row values), so the same statements run on PostgreSQL.

import type { Report } from '../src/core/reports/aggregate';
import { weekKey } from '../src/core/reports/calendar';
import type { Counts } from '../src/core/reports/tally';
import { ANSWER_KINDS, type AnswerKind } from './report-tables';
import type { Sql } from './sql';

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

const weeks = new Map<string, string>();
/** The ISO week of a day, remembered (a report asks for the same days again and again). */
function weekOf(day: string): string {
  const week = weeks.get(day) ?? weekKey(day);
  if (weeks.size < 10_000) weeks.set(day, week);
  return week;
}

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

  /** One group of a query: `kind` as report_counts names it (`visits` is keyed by day). */
  addKind(kind: string, value: string, n: number): void {
    if (kind === 'visits') {
      this.visits += n;
      this.add('byDay', value, n);
      this.add('byWeek', weekOf(value), n);
    } else if (kind === 'channel') this.add('byChannel', value, n);
    else if (kind === 'duration') this.add('byDuration', value, n);
    else if (kind === 'hour') {
      const [weekday, hour] = value.split('-').map(Number);
      const hours = this.heatmap[(weekday ?? 0) - 1];
      if (hours && hour !== undefined && hour >= 0 && hour < 24)
        hours[hour] = (hours[hour] ?? 0) + n;
    } else if (kind in ANSWER_KINDS) {
      this.add(ANSWER_KINDS[kind as AnswerKind], value, n);
      // Every question has exactly one domain.
      if (kind === 'domain') this.questions += n;
    }
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
      // In the core's order, so the JSON is the device's byte for byte.
      byChannel: by('byChannel'),
      byDuration: by('byDuration'),
      byNeeds: by('byNeeds'),
      byLocation: by('byLocation'),
      byDay: by('byDay'),
      byWeek: by('byWeek'),
      byDomain: by('byDomain'),
      byTopic: by('byTopic'),
      byOrganisation: by('byOrganisation'),
      byHelp: by('byHelp'),
      byDigidStep: by('byDigidStep'),
      byCourse: by('byCourse'),
      byReferralKind: by('byReferralKind'),
      byReferralWarmth: by('byReferralWarmth'),
      heatmap: this.heatmap.map((hours) => [...hours]),
    };
  }
}

export function reportQueries(sql: Sql) {
  /** Accumulates each group under its location and the total. */
  function accumulators() {
    const total = new Accumulator();
    const perLocation = new Map<string, Accumulator>();
    return {
      add(location: string, kind: string, value: string, n: number) {
        const own = perLocation.get(location) ?? new Accumulator();
        perLocation.set(location, own);
        own.addKind(kind, value, n);
        total.addKind(kind, value, n);
        if (kind === 'visits') {
          own.add('byLocation', location, n);
          total.add('byLocation', location, n);
        }
      },
      finish(): OrganisationReport {
        const locations = [...perLocation.keys()].sort();
        return {
          ...total.finish(),
          perLocation: Object.fromEntries(
            locations.map((id) => [id, (perLocation.get(id) ?? new Accumulator()).finish()]),
          ),
        };
      },
    };
  }

  function locationCondition(column: string, filter: ReportFilter): [string, Param[]] {
    if (filter.locations === undefined) return ['', []];
    if (filter.locations.length === 0) return [' AND 1 = 0', []];
    return [` AND ${column} IN (${list(filter.locations)})`, [...filter.locations]];
  }

  /** No channel or question filter: the day counts are enough. */
  async function fromCounts(filter: ReportFilter): Promise<OrganisationReport> {
    const [where, whereParams] = locationCondition('location_id', filter);
    const params = [filter.organisationId, filter.from, filter.to, ...whereParams];
    const scope = `organisation_id = ? AND day >= ? AND day <= ?${where}`;
    const result = accumulators();
    const perDay = await sql.all<{ location: string; day: string; n: number }>(
      `SELECT location_id AS location, day, SUM(n) AS n FROM report_counts
       WHERE ${scope} AND kind = 'visits' GROUP BY location_id, day HAVING SUM(n) <> 0`,
      params,
    );
    for (const row of perDay) result.add(row.location, 'visits', row.day, row.n);
    const groups = await sql.all<{ location: string; kind: string; value: string; n: number }>(
      `SELECT location_id AS location, kind, value, SUM(n) AS n FROM report_counts
       WHERE ${scope} AND kind <> 'visits' GROUP BY location_id, kind, value HAVING SUM(n) <> 0`,
      params,
    );
    for (const row of groups) result.add(row.location, row.kind, row.value, row.n);
    return result.finish();
  }

  /** With a channel or question filter: from the per-visit rows. */
  async function fromRows(filter: ReportFilter): Promise<OrganisationReport> {
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
                `SELECT visit_no, question_no FROM report_answers
                 WHERE organisation_id = ? AND day >= ? AND day <= ? AND kind = ? AND value IN (${list(values)})`,
            )
            .join(' INTERSECT ')}) `;
    const matchedParams = questionFilters.flatMap(([kind, values]) => [...scope, kind, ...values]);

    const [visitLocation, visitLocationParams] = locationCondition('v.location_id', filter);
    const [answerLocation, answerLocationParams] = locationCondition('a.location_id', filter);
    let visitWhere = `v.organisation_id = ? AND v.deleted = 0 AND v.day >= ? AND v.day <= ?${visitLocation}`;
    const visitParams: Param[] = [...scope, ...visitLocationParams];
    let answerWhere = `a.organisation_id = ? AND a.day >= ? AND a.day <= ?${answerLocation}`;
    const answerParams: Param[] = [...scope, ...answerLocationParams];
    if (some(filter.channels)) {
      visitWhere += ` AND v.channel IN (${list(filter.channels)})`;
      visitParams.push(...filter.channels);
      answerWhere += ` AND a.visit_no IN (SELECT c.visit_no FROM report_visits c
        WHERE c.organisation_id = ? AND c.deleted = 0 AND c.day >= ? AND c.day <= ?
          AND c.channel IN (${list(filter.channels)}))`;
      answerParams.push(...scope, ...filter.channels);
    }
    if (questionFilters.length > 0) {
      visitWhere += ' AND v.visit_no IN (SELECT visit_no FROM matched)';
      // A visit's needs count with the visit; a question's answers with the question.
      answerWhere += ` AND ((a.question_no = 0 AND a.visit_no IN (SELECT visit_no FROM matched))
        OR (a.question_no > 0 AND (a.visit_no, a.question_no) IN (SELECT visit_no, question_no FROM matched)))`;
    }
    /** Visits by location and `columns` of report_visits, each read back under its own name. */
    const visitsBy = (...columns: string[]) =>
      sql.all<Record<string, string | number>>(
        `${withMatched}SELECT v.location_id AS location, ${columns.map((c) => `v.${c} AS ${c}`).join(', ')}, COUNT(*) AS n
         FROM report_visits v WHERE ${visitWhere}
         GROUP BY v.location_id, ${columns.map((c) => `v.${c}`).join(', ')}`,
        [...matchedParams, ...visitParams],
      );

    const result = accumulators();
    for (const row of await visitsBy('day')) {
      result.add(String(row.location), 'visits', String(row.day), Number(row.n));
    }
    for (const row of await visitsBy('channel')) {
      result.add(String(row.location), 'channel', String(row.channel), Number(row.n));
    }
    for (const row of await visitsBy('duration')) {
      result.add(String(row.location), 'duration', String(row.duration), Number(row.n));
    }
    for (const row of await visitsBy('weekday', 'hour')) {
      result.add(String(row.location), 'hour', `${row.weekday}-${row.hour}`, Number(row.n));
    }
    const answers = await sql.all<{ location: string; kind: string; value: string; n: number }>(
      `${withMatched}SELECT a.location_id AS location, a.kind AS kind, a.value AS value, COUNT(*) AS n
       FROM report_answers a WHERE ${answerWhere} GROUP BY a.location_id, a.kind, a.value`,
      [...matchedParams, ...answerParams],
    );
    for (const row of answers) result.add(row.location, row.kind, row.value, row.n);
    return result.finish();
  }

  return function report(filter: ReportFilter): Promise<OrganisationReport> {
    const narrowed =
      some(filter.channels) ||
      some(filter.domains) ||
      some(filter.topics) ||
      some(filter.organisations);
    return narrowed ? fromRows(filter) : fromCounts(filter);
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
