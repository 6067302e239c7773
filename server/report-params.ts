// The query string of GET /api/reports, checked: the period (from–to, at most three years,
// with the core's PeriodQuery), locations of the caller's organisation, a gemeente, and option
// filters. Every refusal is one Dutch sentence; nothing here touches the database itself.

import { OptionId } from '../src/core/registration/schema';
import { addYears } from '../src/core/reports/calendar';
import { PeriodQuery } from '../src/core/reports/period';
import { locationKey } from './migrations';
import type { Location } from './org-types';
import type { ReportFilter } from './report-query';

/** The longest period a report on the endpoint may cover. */
export const MAX_REPORT_YEARS = 3;
/** Values per filter (a manager picks a few; a long list is a mistake or an attack). */
export const MAX_FILTER_VALUES = 50;

const OPTION_FILTERS = {
  domain: 'domains',
  topic: 'topics',
  organisation: 'organisations',
  channel: 'channels',
} as const;
const KNOWN = new Set(['from', 'to', 'location', 'gemeente', ...Object.keys(OPTION_FILTERS)]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const NO_PERIOD =
  'Geef een begindatum (from) en een einddatum (to) op, als JJJJ-MM-DD, bijvoorbeeld from=2026-01-01&to=2026-03-31.';
export const TOO_LONG = 'Kies een periode van hoogstens drie jaar.';
export const NOT_A_DATE = (name: string, value: string) =>
  `'${quote(value)}' (${name}) is geen geldige datum. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-23.`;
export const FOREIGN_LOCATION = (value: string) =>
  `De locatie '${quote(value)}' hoort niet bij uw organisatie of bestaat niet. Kies een locatie uit de lijst.`;
export const UNKNOWN_GEMEENTE = (value: string) =>
  `Uw organisatie heeft geen locatie in de gemeente '${quote(value)}'.`;

/** A value as a message quotes it: short, so a reply never echoes a long string. */
function quote(value: string): string {
  return value.length > 60 ? `${value.slice(0, 59)}…` : value;
}

export type ReadQuery =
  | { readonly ok: true; readonly filter: ReportFilter; readonly asked: Record<string, string[]> }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads `params` for the organisation whose `locations` (all, closed ones too) are given.
 * `asked` is the filters as given, for the reply.
 */
export function readReportQuery(
  params: URLSearchParams,
  organisationId: string,
  locations: readonly Location[],
): ReadQuery {
  const refuse = (reason: string): ReadQuery => ({ ok: false, reason });
  for (const key of new Set(params.keys())) {
    if (!KNOWN.has(key)) {
      return refuse(
        `Onbekende parameter '${quote(key)}'. Gebruik from, to, location, gemeente, domain, topic, organisation of channel.`,
      );
    }
    const count = params.getAll(key).length;
    if ((key === 'from' || key === 'to') && count > 1) {
      return refuse(`Geef ${key} maar één keer op.`);
    }
    if (count > MAX_FILTER_VALUES) {
      return refuse(`Geef hoogstens ${MAX_FILTER_VALUES} waarden voor ${key} op.`);
    }
  }
  const from = params.get('from');
  const to = params.get('to');
  if (from === null || to === null) return refuse(NO_PERIOD);
  const period = PeriodQuery.safeParse({ from, to });
  if (!period.success) {
    const field = period.error.issues.find((issue) => issue.path.length > 0)?.path[0];
    if (field === 'from') return refuse(NOT_A_DATE('from', from));
    if (field === 'to') return refuse(NOT_A_DATE('to', to));
    // From after to; the core's own ten-year limit is reached only past the three years below.
    if (from > to) return refuse(period.error.issues[0]?.message ?? NO_PERIOD);
  }
  if (to >= addYears(from, MAX_REPORT_YEARS)) return refuse(TOO_LONG);

  const asked: Record<string, string[]> = {};
  const options: Record<string, string[]> = {};
  for (const [key, field] of Object.entries(OPTION_FILTERS)) {
    const values = params.getAll(key);
    if (values.length === 0) continue;
    const bad = values.find((value) => !OptionId.safeParse(value).success);
    if (bad !== undefined) {
      return refuse(`'${quote(bad)}' is geen geldige waarde voor ${key}.`);
    }
    asked[key] = values;
    options[field] = [...new Set(values)];
  }

  let chosen: Set<string> | undefined;
  const locationIds = params.getAll('location');
  if (locationIds.length > 0) {
    chosen = new Set();
    for (const value of locationIds) {
      const found = UUID.test(value)
        ? locations.find((location) => location.id === value.toLowerCase())
        : undefined;
      if (!found) return refuse(FOREIGN_LOCATION(value));
      chosen.add(found.id);
    }
    asked.location = [...chosen];
  }
  const gemeenten = params.getAll('gemeente');
  if (gemeenten.length > 0) {
    const inGemeente = new Set<string>();
    for (const value of gemeenten) {
      const key = locationKey(value);
      const found = locations.filter((location) => locationKey(location.gemeente) === key);
      if (key === '' || found.length === 0) return refuse(UNKNOWN_GEMEENTE(value));
      for (const location of found) inGemeente.add(location.id);
    }
    // Both given: the chosen locations in those gemeenten (possibly none).
    chosen = chosen ? new Set([...chosen].filter((id) => inGemeente.has(id))) : inGemeente;
    asked.gemeente = gemeenten;
  }

  return {
    ok: true,
    asked,
    filter: {
      organisationId,
      from,
      to,
      ...(chosen ? { locations: [...chosen].sort() } : {}),
      ...options,
    },
  };
}
