// Report tables as CSV for Dutch Excel, through the spreadsheet module's writer: UTF-8 with a
// BOM, `;`, CRLF, quotes where needed, and an apostrophe before anything that reads as a formula.
// Pure. Returns text; the caller saves it (a Blob of a string is UTF-8).

import { writeSheet } from '../spreadsheet/csv';
import type { Table } from './table';

export function tableCsv(table: Table): string {
  return writeSheet(table.header, table.rows);
}

/** Breakdown tables (label, count, share) as one long sheet, ready for a pivot table. */
export function summarySheet(tables: readonly Table[]): Table {
  return {
    title: 'Overzicht',
    header: ['Onderdeel', 'Antwoord', 'Aantal', 'Aandeel (%)'],
    rows: tables.flatMap((table) =>
      table.rows.map(([label = '', count = '', share = '']) => [table.title, label, count, share]),
    ),
  };
}
