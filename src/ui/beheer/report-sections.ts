// What the organisation's Overzicht shows beyond the device's: the filters in the address and
// in words, each location and gemeente next to the total, and those lines for the summary
// export. Pure over the endpoint's reply, so the table on screen and the file agree.

import type { ListName } from '../../core/registration/catalogue';
import type { Labels } from '../../core/reports/labels';
import { FILTER_KEYS, type OrgFilters, type OrgReport } from '../../core/reports/org-report';
import type { Period } from '../../core/reports/period';
import { type CellOptions, countCell, shareCell } from '../../core/reports/suppress';
import type { Table } from '../../core/reports/table';
import type { Bar } from '../reports/BarChart';
import { periodHref } from '../reports/period-query';
import { text } from './text';

export const REPORT_PATH = '/beheer/overzicht';

/** The filters' names in the address, beside the period's (`?periode=week&dag=…&locatie=…`). */
const SLUGS: Readonly<Record<keyof OrgFilters, string>> = {
  location: 'locatie',
  gemeente: 'gemeente',
  domain: 'soort',
  topic: 'onderwerp',
  organisation: 'organisatie',
  channel: 'kanaal',
};

/** The answer list each option filter chooses from. */
export const FILTER_LISTS = {
  domain: 'domains',
  topic: 'topics',
  organisation: 'organisations',
  channel: 'channels',
} as const satisfies Partial<Record<keyof OrgFilters, ListName>>;

export function filtersFromSearch(search: URLSearchParams): OrgFilters {
  const read = (key: keyof OrgFilters) =>
    [...new Set(search.getAll(SLUGS[key]).filter((value) => value.trim() !== ''))].slice(0, 50);
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, read(key)])) as unknown as OrgFilters;
}

/** The screen's address for a period and filters. */
export function reportHref(period: Period, filters: OrgFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) for (const value of filters[key]) params.append(SLUGS[key], value);
  const rest = params.toString();
  return `${periodHref(period, REPORT_PATH)}${rest ? `&${rest}` : ''}`;
}

/** The screen's address for an endpoint query (`from=…&to=…&location=…`), as kept. */
export function hrefOfQuery(query: string): string {
  const params = new URLSearchParams(query);
  const filters = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, params.getAll(key)]),
  ) as unknown as OrgFilters;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return reportHref({ kind: 'range', from, to }, filters);
}

/** "Locatie: Centrum of Oost", one line per chosen filter; none: everything. */
export function filterWords(filters: OrgFilters, labels: Labels): string[] {
  const name = (key: keyof OrgFilters, value: string) => {
    if (key === 'location') return labels.location(value);
    if (key === 'gemeente') return value;
    return labels.option(FILTER_LISTS[key], value);
  };
  return FILTER_KEYS.filter((key) => filters[key].length > 0).map(
    (key) =>
      `${text.report.filterNames[key]}: ${filters[key].map((value) => name(key, value)).join(text.report.or)}`,
  );
}

interface Line {
  readonly name: string;
  readonly gemeente: string;
  readonly visits: number;
  readonly questions: number;
}

/**
 * Each location the report covers with its own numbers, by name: also an open location where
 * nothing was counted (0), so a manager sees which desk sent nothing.
 */
function locationLines(report: OrgReport): Line[] {
  const named = new Map(report.locations.map((location) => [location.id, location]));
  const ids = new Set([...named.keys(), ...Object.keys(report.perLocation)]);
  return [...ids]
    .map((id) => {
      const location = named.get(id);
      const own = report.perLocation[id];
      return {
        // With its gemeente, so the table stays three columns wide on a phone.
        name: location ? `${location.name} (${location.gemeente})` : id,
        gemeente: location?.gemeente ?? '',
        visits: own?.visits ?? 0,
        questions: own?.questions ?? 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** The locations' lines summed per gemeente. */
function gemeenteLines(report: OrgReport): Line[] {
  const sums = new Map<string, Line>();
  for (const line of locationLines(report)) {
    const sum = sums.get(line.gemeente);
    sums.set(line.gemeente, {
      name: line.gemeente,
      gemeente: line.gemeente,
      visits: (sum?.visits ?? 0) + line.visits,
      questions: (sum?.questions ?? 0) + line.questions,
    });
  }
  return [...sums.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Locations (with their gemeente) down, visits and questions across, and the total last. */
export function locationTable(report: OrgReport): Table {
  return linesTable(report, text.report.perLocation, text.report.location, locationLines(report));
}

export function gemeenteTable(report: OrgReport): Table {
  return linesTable(report, text.report.perGemeente, text.report.gemeente, gemeenteLines(report));
}

function linesTable(report: OrgReport, title: string, what: string, lines: Line[]): Table {
  const r = text.report;
  return {
    title,
    header: [what, r.visits, r.questions],
    rows: [
      ...lines.map((line) => [line.name, String(line.visits), String(line.questions)]),
      [r.total, String(report.visits), String(report.questions)],
    ],
  };
}

/** Visits per location, the most first, for the chart above the table. */
export function locationBars(report: OrgReport): Bar[] {
  return locationLines(report)
    .map((line) => ({ label: line.name, value: line.visits }))
    .sort((a, b) => b.value - a.value);
}

/**
 * The summary export's extra lines (part, answer, count, share): the filters in words, then
 * visits and questions per location and per gemeente.
 */
export function summaryLines(
  report: OrgReport,
  words: readonly string[],
  options: CellOptions,
): string[][] {
  const r = text.report;
  const chosen = words.length === 0 ? [r.whole] : words;
  const per = (part: string, lines: readonly Line[]) => [
    ...lines.map((line) => [
      r.visitsOf(part.toLowerCase()),
      line.name,
      countCell(line.visits, options),
      shareCell(line.visits, report.visits, options),
    ]),
    ...lines.map((line) => [
      r.questionsOf(part.toLowerCase()),
      line.name,
      countCell(line.questions, options),
      shareCell(line.questions, report.questions, options),
    ]),
  ];
  return [
    ...chosen.map((line) => [r.chosen.replace(':', ''), line, '', '']),
    ...per(r.perLocation, locationLines(report)),
    ...per(r.perGemeente, gemeenteLines(report)),
  ];
}

const moment = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "30 november 2026 om 14:05": when the report was fetched. */
export function formatFetched(at: number): string {
  return moment.format(at);
}
