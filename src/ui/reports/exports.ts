// The Overzicht's files. Summary: every table on the screen as one long sheet (part, answer,
// count, share) for a pivot table; rows: one per question, never the note. CSV for Dutch Excel
// (UTF-8 with BOM, `;`, CRLF); XLSX through xlsx.ts, loaded only when asked.
// A comparison goes into the CSV as the other periods' own counts, never as a signed
// difference: the CSV guard would turn "-2" into the text "'-2". XLSX holds real numbers.

import type { Report } from '../../core/reports/aggregate';
import { summarySheet, tableCsv } from '../../core/reports/csv';
import { hourBand, type Labels, WEEKDAY_NAMES } from '../../core/reports/labels';
import type { Period } from '../../core/reports/period';
import { questionTable } from '../../core/reports/questions';
import type { LiveRow } from '../../core/reports/rows';
import { type CellOptions, countCell } from '../../core/reports/suppress';
import { summaryTables, type Table } from '../../core/reports/table';
import { formatNamedPeriod } from './format';
import type { PeriodReports } from './hooks';
import { text } from './text';

export type ExportKind = 'summary' | 'rows';
export type ExportFormat = 'csv' | 'xlsx';

/** Whose numbers the files hold, and what else goes in. */
export interface ExportScope {
  /** Where: the desk's location, or the organisation's filters in words. */
  readonly location: string;
  /** Whose registrations: one device's, or the organisation's. */
  readonly source: string;
  readonly today: string;
  /** The summary's file name part: `overzicht` gives `balie-overzicht-<period>.csv`. */
  readonly summaryName?: string;
  /** The caller's own lines for the summary, with small counts hidden or not. */
  readonly extra?: (options: CellOptions) => readonly (readonly string[])[];
  /** Every question of a period, for the rows export; without it there is none. */
  readonly readRows?: (period: Period) => Promise<readonly LiveRow[]>;
}

/**
 * The summary as one long table: totals, the comparisons, `extra` lines of the caller (the
 * organisation's locations), every breakdown, the heatmap.
 */
export function summaryTable(
  reports: PeriodReports,
  labels: Labels,
  options: CellOptions,
  extra: readonly (readonly string[])[] = [],
): Table {
  const totals = (name: string, report: Report) => [
    [name, text.headline.visits, countCell(report.visits, options), ''],
    [name, text.headline.questions, countCell(report.questions, options), ''],
  ];
  const long = summarySheet(summaryTables(reports.current, labels, options));
  const heat = reports.current.heatmap.flatMap((hours, day) =>
    hours.flatMap((count, hour) =>
      count === 0
        ? []
        : [
            [
              text.sheets.heatmap,
              `${WEEKDAY_NAMES[day]} ${hourBand(hour)}`,
              countCell(count, options),
              '',
            ],
          ],
    ),
  );
  return {
    title: long.title,
    header: long.header,
    rows: [
      ...totals(formatNamedPeriod('Totaal', reports.period), reports.current),
      ...totals(
        formatNamedPeriod(text.headline.previous, reports.previousPeriod),
        reports.previous,
      ),
      ...totals(
        formatNamedPeriod(text.headline.lastYear, reports.lastYearPeriod),
        reports.lastYear,
      ),
      ...extra,
      ...long.rows,
      ...heat,
    ],
  };
}

export function rowsTable(rows: readonly LiveRow[], labels: Labels): Table {
  return questionTable(rows, labels);
}

export function csvBlob(table: Table): Blob {
  return new Blob([tableCsv(table)], { type: 'text/csv;charset=utf-8' });
}

export function fileName(
  kind: ExportKind,
  period: Period,
  format: ExportFormat,
  summaryName = 'overzicht',
): string {
  const what = kind === 'summary' ? summaryName : 'vragen';
  const span = period.from === period.to ? period.from : `${period.from}-tot-${period.to}`;
  return `balie-${what}-${span}.${format}`;
}
