// The organisation's report as `GET /api/reports` answers it (docs/organisation.md), and the
// question a manager asks it: a period and filters as query parameters. Pure. The schema
// checks the endpoint's reply and, on the device, the kept copy of it.

import * as z from 'zod/mini';
import type { Report } from './aggregate';
import type { Period } from './period';

const Count = z.int().check(z.gte(0));
const Counts = z.record(z.string(), Count);

/** The fields the core's `aggregate` gives, checked one by one. */
const ReportFields = {
  visits: Count,
  questions: Count,
  byDomain: Counts,
  byTopic: Counts,
  byOrganisation: Counts,
  byHelp: Counts,
  byDigidStep: Counts,
  byCourse: Counts,
  byReferralKind: Counts,
  byReferralWarmth: Counts,
  byChannel: Counts,
  byDuration: Counts,
  byNeeds: Counts,
  byLocation: Counts,
  byDay: Counts,
  byWeek: Counts,
  heatmap: z.array(z.array(Count).check(z.length(24))).check(z.length(7)),
};

export const OrgReport = z.object({
  ...ReportFields,
  from: z.iso.date(),
  to: z.iso.date(),
  perLocation: z.record(z.string(), z.object(ReportFields)),
  byGemeente: Counts,
  locations: z.array(
    z.object({ id: z.string(), name: z.string(), gemeente: z.string(), active: z.boolean() }),
  ),
});
export type OrgReport = z.infer<typeof OrgReport>;

// Compile-time proof that a checked reply is a core Report (so the device's charts take it).
const proof: OrgReport extends Report ? true : false = true;
void proof;

/** What a manager narrows the report to; each list empty means "all". */
export interface OrgFilters {
  readonly location: readonly string[];
  readonly gemeente: readonly string[];
  readonly domain: readonly string[];
  readonly topic: readonly string[];
  readonly organisation: readonly string[];
  readonly channel: readonly string[];
}

/** The filters in the order the screen names them; also the endpoint's parameter names. */
export const FILTER_KEYS = [
  'location',
  'gemeente',
  'domain',
  'topic',
  'organisation',
  'channel',
] as const satisfies readonly (keyof OrgFilters)[];

export const NO_FILTERS: OrgFilters = {
  location: [],
  gemeente: [],
  domain: [],
  topic: [],
  organisation: [],
  channel: [],
};

/**
 * The endpoint's query string for a period and filters. Values are sorted and deduplicated, so
 * the same question always reads the same: it is also the key the device keeps the answer by.
 */
export function reportQuery(period: Pick<Period, 'from' | 'to'>, filters: OrgFilters): string {
  const pairs: [string, string][] = [
    ['from', period.from],
    ['to', period.to],
    ...FILTER_KEYS.flatMap((key) =>
      [...new Set(filters[key])].sort().map((value): [string, string] => [key, value]),
    ),
  ];
  return pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
}

export function hasFilters(filters: OrgFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key].length > 0);
}
