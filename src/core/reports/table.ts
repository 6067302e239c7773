// A report as tables of text cells: one per breakdown, the headline numbers and the heatmap.
// Pure. What a screen shows next to its charts, and what the CSV export writes.

import type { ListName } from '../registration/catalogue';
import type { Report } from './aggregate';
import type { Comparison } from './compare';
import { hourBand, type Labels, WARMTH_LABELS, WEEKDAY_NAMES } from './labels';
import { type CellOptions, countCell, shareCell } from './suppress';
import type { Counts } from './tally';

export interface Table {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

type Breakdown = Exclude<keyof Report, 'visits' | 'questions' | 'heatmap'>;

interface Dimension {
  readonly key: Breakdown;
  readonly title: string;
  readonly per: 'visits' | 'questions';
  /** The answer list, for labels and order; without one, keys sort and read as themselves. */
  readonly list?: ListName;
  /** Its answers have an order of their own (shorter to longer): shown in it, not by count. */
  readonly ordered?: true;
}

/** In the order of the form: the visit, then its questions; then where and when. */
export const DIMENSIONS: readonly Dimension[] = [
  { key: 'byChannel', title: 'Kanaal', per: 'visits', list: 'channels' },
  { key: 'byDuration', title: 'Duur', per: 'visits', list: 'durations', ordered: true },
  { key: 'byNeeds', title: 'Behoefte', per: 'visits', list: 'needs' },
  { key: 'byDomain', title: 'Soort vraag', per: 'questions', list: 'domains' },
  { key: 'byTopic', title: 'Onderwerp', per: 'questions', list: 'topics' },
  { key: 'byDigidStep', title: 'DigiD', per: 'questions', list: 'digidSteps' },
  { key: 'byOrganisation', title: 'Organisatie', per: 'questions', list: 'organisations' },
  { key: 'byHelp', title: 'Geboden hulp', per: 'questions', list: 'help' },
  { key: 'byCourse', title: 'Cursus', per: 'questions', list: 'courses' },
  { key: 'byReferralKind', title: 'Doorverwezen naar', per: 'questions', list: 'referralKinds' },
  { key: 'byReferralWarmth', title: 'Warm of koud doorverwezen', per: 'questions' },
  { key: 'byLocation', title: 'Locatie', per: 'visits' },
  { key: 'byDay', title: 'Dag', per: 'visits' },
  { key: 'byWeek', title: 'Week', per: 'visits' },
];

export function summaryTables(report: Report, labels: Labels, options: CellOptions = {}): Table[] {
  return DIMENSIONS.map((dimension) => breakdownTable(report, dimension, labels, options));
}

export function breakdownTable(
  report: Report,
  { key, title, per, list }: Dimension,
  labels: Labels,
  options: CellOptions = {},
): Table {
  const counts = report[key];
  const total = report[per];
  const keys = list === undefined ? Object.keys(counts).sort() : listed(counts, labels.order(list));
  const label = labelFor(key, list, labels);
  return {
    title,
    header: [title, 'Aantal', per === 'visits' ? '% van de bezoeken' : '% van de vragen'],
    rows: keys.map((id) => {
      const count = Object.hasOwn(counts, id) ? (counts[id] ?? 0) : 0;
      return [label(id), countCell(count, options), shareCell(count, total, options)];
    }),
  };
}

function labelFor(key: Breakdown, list: ListName | undefined, labels: Labels) {
  if (list !== undefined) return (id: string) => labels.option(list, id);
  if (key === 'byLocation') return (id: string) => labels.location(id);
  if (key === 'byReferralWarmth') return (id: string) => WARMTH_LABELS[id] ?? id;
  return (id: string) => id;
}

/** The offered options in order (zeros too), then any other counted id (retired, hidden). */
function listed(counts: Counts, order: readonly string[]): string[] {
  const offered = new Set(order);
  return [...order, ...Object.keys(counts).filter((id) => !offered.has(id))];
}

/** Visits and questions, next to another period when there is a comparison. */
export function headlineTable(report: Report, comparison?: Comparison): Table {
  const perVisit = report.visits === 0 ? '' : (report.questions / report.visits).toFixed(1);
  if (comparison === undefined) {
    return {
      title: 'Totaal',
      header: ['', 'Aantal'],
      rows: [
        ['Bezoeken', String(report.visits)],
        ['Vragen', String(report.questions)],
        ['Vragen per bezoek', perVisit.replace('.', ',')],
      ],
    };
  }
  const row = (name: string, { current, previous, difference, percent }: Comparison['visits']) => [
    name,
    String(current),
    String(previous),
    difference > 0 ? `+${difference}` : String(difference),
    percent === null ? '' : `${percent > 0 ? '+' : ''}${String(percent).replace('.', ',')}`,
  ];
  return {
    title: 'Totaal',
    header: ['', 'Deze periode', 'Ter vergelijking', 'Verschil', 'Verschil in %'],
    rows: [row('Bezoeken', comparison.visits), row('Vragen', comparison.questions)],
  };
}

/** Weekdays down, hour bands across: visits. */
export function heatmapTable(report: Report, options: CellOptions = {}): Table {
  const hours = Array.from({ length: 24 }, (_, hour) => hour);
  return {
    title: 'Bezoeken per dag en uur',
    header: ['Dag', ...hours.map(hourBand)],
    rows: WEEKDAY_NAMES.map((name, index) => [
      name,
      ...hours.map((hour) => countCell(report.heatmap[index]?.[hour] ?? 0, options)),
    ]),
  };
}
