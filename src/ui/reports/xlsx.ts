// The Overzicht as an Excel workbook, with write-excel-file. Imported only when someone asks
// for an Excel file, so the library is its own chunk. Counts and shares become real numbers;
// "<5" and labels stay text (an XLSX cell of text is never run as a formula).

import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/browser';
import { compare } from '../../core/reports/compare';
import type { Labels } from '../../core/reports/labels';
import { type CellOptions, isHidden } from '../../core/reports/suppress';
import { heatmapTable, type Table } from '../../core/reports/table';
import { summaryTable } from './exports';
import { formatNamedPeriod, formatPeriod } from './format';
import type { PeriodReports } from './hooks';
import { text } from './text';

const WHOLE = /^\d+$/;
const SHARE = /^\d+,\d$/;

function cellOf(value: string): Cell {
  if (WHOLE.test(value)) return Number(value);
  if (SHARE.test(value)) return { value: Number(value.replace(',', '.')), format: '0.0' };
  return value;
}

function sheetData(table: Table): SheetData {
  return [
    table.header.map((name) => ({ value: name, fontWeight: 'bold' as const })),
    ...table.rows.map((row) => row.map(cellOf)),
  ];
}

export interface Context {
  readonly location: string;
  /** Whose registrations: one device's, or the organisation's. */
  readonly source: string;
  readonly madeOn: string;
  readonly options: CellOptions;
  /** The caller's own lines for the long sheet (see summaryTable). */
  readonly extra?: readonly (readonly string[])[];
}

function headlineData(reports: PeriodReports, labels: Labels, context: Context): SheetData {
  const { options } = context;
  const before = compare(reports.current, reports.previous);
  const yearAgo = compare(reports.current, reports.lastYear);
  const count = (value: number): Cell => (isHidden(value, options) ? `<5` : value);
  const difference = (current: number, other: number): Cell =>
    isHidden(current, options) || isHidden(other, options) ? null : current - other;
  const line = (name: string, now: number, prev: number, last: number): Cell[] => [
    name,
    count(now),
    count(prev),
    difference(now, prev),
    count(last),
    difference(now, last),
  ];
  const domains = Object.keys(before.byDomain).map((id) => {
    const prev = before.byDomain[id];
    const last = yearAgo.byDomain[id];
    return line(
      labels.option('domains', id),
      prev?.current ?? 0,
      prev?.previous ?? 0,
      last?.previous ?? 0,
    );
  });
  return [
    [text.sheets.period, formatPeriod(reports.period)],
    [text.sheets.location, context.location],
    [text.sheets.scope, context.source],
    [text.sheets.madeOn, context.madeOn],
    ...(options.suppress ? [[text.sheets.suppressed]] : []),
    [],
    [
      '',
      formatNamedPeriod(text.headline.thisPeriod, reports.period),
      formatNamedPeriod(text.headline.previous, reports.previousPeriod),
      text.headline.difference,
      formatNamedPeriod(text.headline.lastYear, reports.lastYearPeriod),
      text.headline.difference,
    ].map((value) => ({ value, fontWeight: 'bold' as const })),
    line(
      text.headline.visits,
      reports.current.visits,
      reports.previous.visits,
      reports.lastYear.visits,
    ),
    line(
      text.headline.questions,
      reports.current.questions,
      reports.previous.questions,
      reports.lastYear.questions,
    ),
    ...domains,
  ];
}

export function summaryXlsx(
  reports: PeriodReports,
  labels: Labels,
  context: Context,
): Promise<Blob> {
  return writeXlsxFile([
    {
      sheet: text.sheets.headline,
      data: headlineData(reports, labels, context),
      columns: [
        { width: 28 },
        { width: 24 },
        { width: 24 },
        { width: 10 },
        { width: 24 },
        { width: 10 },
      ],
    },
    {
      sheet: text.sheets.breakdowns,
      data: sheetData(summaryTable(reports, labels, context.options, context.extra)),
      columns: [{ width: 30 }, { width: 40 }, { width: 10 }, { width: 12 }],
    },
    { sheet: text.sheets.heatmap, data: sheetData(heatmapTable(reports.current, context.options)) },
  ]).toBlob();
}

export function rowsXlsx(table: Table): Promise<Blob> {
  return writeXlsxFile([{ sheet: text.sheets.questions, data: sheetData(table) }]).toBlob();
}
