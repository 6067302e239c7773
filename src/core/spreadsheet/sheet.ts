// The sociale kaart as the simple sheet Dutch offices keep: one row per partner, Dutch headers.
// Pure. Import is all-or-nothing with an issue per row and field; a row without an id
// gets one from its name and postcode, so importing the same sheet again changes nothing.

import { foldText } from '../partners/cleaning';
import {
  finishImport,
  type ImportedPartner,
  type ImportResult,
  type OwnWordSummary,
  type Progress,
} from '../partners/import';
import type { ImportIssue, IssueDetail, IssuePlace } from '../partners/issues';
import type { PartnerDetails } from '../partners/partner';
import { type CatalogueOption, DEFAULT_CATALOGUE } from '../registration/catalogue';
import { COLUMNS, type Column, columnFor } from './columns';
import { decodeSheet, readSheet, writeSheet } from './csv';
import { type OwnWord, topicLookup } from './lists';
import { cellsOf, readRow, rowMemo } from './row';

export interface SpreadsheetOptions {
  /** The topics to recognise by label or id; pass local topics too. */
  readonly topics?: readonly CatalogueOption[];
  readonly onProgress?: Progress;
}

export function importSpreadsheet(
  input: string | Uint8Array,
  options: SpreadsheetOptions = {},
): ImportResult {
  const sheet = readSheet(decodeSheet(input));
  const errors: ImportIssue[] = [...sheet.problems];
  const warnings: ImportIssue[] = [];
  const positions = new Map<Column, number>();
  const headerRow: IssuePlace = { kind: 'row', row: 1 };
  sheet.header.forEach((header, index) => {
    const column = columnFor(header);
    if (column === undefined) {
      if (header !== '') warnings.push({ code: 'column-unknown', header, place: headerRow });
    } else if (positions.has(column)) {
      errors.push({ code: 'column-twice', header, place: headerRow });
    } else positions.set(column, index);
  });
  // A sheet with only "Organisatie" names its partners there.
  const organization = positions.get('organization');
  if (!positions.has('name') && organization !== undefined) {
    positions.set('name', organization);
    positions.delete('organization');
  }
  if (!positions.has('name')) {
    const missing: ImportIssue = { code: 'column-missing', field: 'name', place: headerRow };
    return { ok: false, errors: inRowOrder([...errors, missing]) };
  }
  const topics = topicLookup(options.topics ?? DEFAULT_CATALOGUE.topics);
  const imported: ImportedPartner[] = [];
  const words = new Map<string, { word: string; topics: readonly string[]; partners: number }>();
  const count = (found: readonly OwnWord[]) => {
    for (const { word, topics } of found) {
      const known = words.get(foldText(word)) ?? { word, topics, partners: 0 };
      words.set(foldText(word), { ...known, partners: known.partners + 1 });
    }
  };
  const memo = rowMemo();
  // One reader of cells and one of reports for all rows, pointed at the row being read.
  const at = Object.fromEntries(positions) as Partial<Record<Column, number>>;
  let cells: readonly string[] = [];
  let place: IssuePlace = headerRow;
  const cell = (column: Column) => cells[at[column] ?? -1] ?? '';
  const report = (detail: IssueDetail, warning = false) =>
    (warning ? warnings : errors).push({ ...detail, place });
  for (const [index, row] of sheet.rows.entries()) {
    cells = row.cells;
    place = { kind: 'row', row: row.number };
    const details = readRow(cell, report, topics, count, memo);
    if (details !== null) imported.push({ details, place });
    if (index % 100 === 99 || index === sheet.rows.length - 1)
      options.onProgress?.(index + 1, sheet.rows.length);
  }
  const result = finishImport(imported, errors, warnings, summarise(words.values()));
  return result.ok ? result : { ...result, errors: inRowOrder(result.errors) };
}

/**
 * Problems as the sheet reads, top to bottom: what concerns the whole file first, then row by
 * row (a row's own problems in the order found), and "and N more" last.
 */
function inRowOrder(issues: readonly ImportIssue[]): ImportIssue[] {
  const row = (issue: ImportIssue) =>
    issue.place.kind === 'row'
      ? issue.place.row
      : issue.code === 'more-errors'
        ? Number.POSITIVE_INFINITY
        : 0;
  return [...issues].sort((a, b) => row(a) - row(b));
}

/** Mapped words first, then the kept ones, each by how many partners use them. */
function summarise(words: Iterable<OwnWordSummary>): OwnWordSummary[] {
  return [...words].sort(
    (a, b) =>
      Number(b.topics.length > 0) - Number(a.topics.length > 0) ||
      b.partners - a.partners ||
      a.word.localeCompare(b.word, 'nl'),
  );
}

/** The header and one row per partner; with no partners, an empty template to fill in. */
export function exportSpreadsheet(
  partners: readonly PartnerDetails[],
  topics: readonly CatalogueOption[] = DEFAULT_CATALOGUE.topics,
): string {
  const rows = partners.map((partner) => cellsOf(partner, topics));
  return writeSheet(
    Object.values(COLUMNS).map((names) => names[0]),
    rows,
  );
}
