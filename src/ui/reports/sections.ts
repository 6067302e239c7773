// What the Overzicht shows, worked out from the reports: a chart's data and its table for each
// breakdown, the time series, the kinds of question per period, and the heatmap's table.
// Pure over the core's tables, so a chart and the table beneath it never disagree.

import type { Report } from '../../core/reports/aggregate';
import { weekKey } from '../../core/reports/calendar';
import { hourBand, type Labels } from '../../core/reports/labels';
import { daysOf, type Period } from '../../core/reports/period';
import { breakdownTable, DIMENSIONS, heatmapTable, type Table } from '../../core/reports/table';
import { seriesOf } from '../../core/reports/tally';
import type { Bar } from './BarChart';
import { formatNamedPeriod, formatShortDay, formatWeekKey } from './format';
import { heatmapHours } from './Heatmap';
import type { PeriodReports } from './hooks';
import type { Point } from './LineChart';
import type { Stack } from './StackedBars';
import { text } from './text';

export interface Breakdown {
  readonly key: string;
  readonly title: string;
  readonly bars: readonly Bar[];
  readonly table: Table;
}

const OVER_TIME = new Set(['byDay', 'byWeek']);

/**
 * Each breakdown with answers counted: the answers given, largest first (ties in the lists'
 * order), in the chart and in its table alike; an ordered list (how long it took) keeps its order.
 */
export function breakdowns(report: Report, labels: Labels): Breakdown[] {
  return DIMENSIONS.filter((dimension) => !OVER_TIME.has(dimension.key))
    .filter(
      (dimension) => dimension.key !== 'byLocation' || Object.keys(report.byLocation).length > 1,
    )
    .map((dimension) => {
      const full = breakdownTable(report, dimension, labels);
      const given = full.rows.filter((row) => Number(row[1]) > 0);
      const rows = dimension.ordered ? given : given.sort((a, b) => Number(b[1]) - Number(a[1]));
      const bars = rows.map(([label = '', count = '0']) => ({ label, value: Number(count) }));
      return { key: dimension.key, title: dimension.title, bars, table: { ...full, rows } };
    })
    .filter((breakdown) => breakdown.bars.length > 0);
}

export interface Series {
  readonly title: string;
  readonly kind: 'hours' | 'days' | 'weeks';
  readonly points: readonly Point[];
  readonly table: Table;
}

/** Per hour for one day, per day up to two months, per week beyond. */
export function timeSeries(report: Report, period: Period): Series {
  const days = daysOf(period);
  if (days.length === 1) {
    const perHour = heatmapHours(report.heatmap).map((hour) => ({
      label: hourBand(hour),
      value: report.heatmap.reduce((sum, day) => sum + (day[hour] ?? 0), 0),
    }));
    return series(text.sections.perHour, 'hours', perHour, 'Uur');
  }
  if (days.length <= 62) {
    const values = seriesOf(report.byDay, days);
    const points = days.map((day, index) => ({
      label: formatShortDay(day),
      value: values[index] ?? 0,
    }));
    return series(text.sections.perDay, 'days', points, 'Dag');
  }
  const weeks = [...new Set(days.map(weekKey))];
  const values = seriesOf(report.byWeek, weeks);
  const points = weeks.map((week, index) => ({
    label: formatWeekKey(week),
    value: values[index] ?? 0,
  }));
  return series(text.sections.perWeek, 'weeks', points, 'Week');
}

function series(
  title: string,
  kind: Series['kind'],
  points: readonly Point[],
  column: string,
): Series {
  const rows = points.map((point) => [point.label, String(point.value)]);
  return { title, kind, points, table: { title, header: [column, 'Bezoeken'], rows } };
}

/** Questions per kind, for this period and the two it is compared with. */
export function domainStacks(reports: PeriodReports, labels: Labels) {
  const order = labels.order('domains');
  const extra = [reports.current, reports.previous, reports.lastYear].flatMap((report) =>
    Object.keys(report.byDomain).filter((id) => !order.includes(id)),
  );
  const ids = [...order, ...new Set(extra)];
  const partNames = ids.map((id) => labels.option('domains', id));
  const named: [string, Report, Period][] = [
    [text.headline.thisPeriod, reports.current, reports.period],
    [text.headline.previous, reports.previous, reports.previousPeriod],
    [text.headline.lastYear, reports.lastYear, reports.lastYearPeriod],
  ];
  const stacks: Stack[] = named.map(([name, report, period]) => ({
    label: formatNamedPeriod(name, period),
    parts: seriesOf(report.byDomain, ids),
  }));
  // Kinds down, periods across (short names; the chart above gives their dates): narrow
  // enough for a phone.
  const table: Table = {
    title: text.sections.domains,
    header: [
      text.sections.kind,
      text.headline.thisPeriod,
      text.headline.previous,
      text.sections.lastYearShort,
    ],
    rows: [
      ...ids.map((_, part) => [
        partNames[part] ?? '',
        ...stacks.map((stack) => String(stack.parts[part] ?? 0)),
      ]),
      [text.sections.total, ...named.map(([, report]) => String(report.questions))],
    ],
  };
  return { partNames, stacks, table };
}

/** The heatmap's table, cut to the hours the chart draws. */
export function heatmapRows(report: Report): Table {
  const full = heatmapTable(report);
  const columns = [0, ...heatmapHours(report.heatmap).map((hour) => hour + 1)];
  const pick = (row: readonly string[]) => columns.map((column) => row[column] ?? '');
  return { title: full.title, header: pick(full.header), rows: full.rows.map(pick) };
}
