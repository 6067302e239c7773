// A spreadsheet saved as CSV, as Excel and LibreOffice in the Netherlands write and read it.
// Pure. Reads UTF-8 (with or without BOM) or Windows-1252, separated by `;`, `,` or tab; writes
// `;` with a BOM, and puts an apostrophe before any cell a spreadsheet would run as a formula.

import { strFromU8 } from 'fflate';
import Papa from 'papaparse';
import type { ImportIssue } from '../partners/issues';

/** Cells a spreadsheet reads as a formula (OWASP "CSV injection"): = + - @, tab, carriage return. */
const FORMULA = /^[=+\-@\t\r]/;
/** Windows-1252 differs from Latin-1 only in 0x80–0x9F: €, quotes, dashes and a few letters. */
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Bytes to text. Excel's plain "CSV" is Windows-1252, its "CSV UTF-8" is UTF-8 with a BOM:
 * text that is not valid UTF-8 is read as Windows-1252, so "café" survives either way.
 */
export function decodeSheet(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  let text: string | undefined;
  try {
    text = strFromU8(input);
  } catch {
    text = undefined;
  }
  if (text === undefined || text.includes('\uFFFD')) {
    text = strFromU8(input, true).replace(/[\u0080-\u009F]/g, (char) => {
      return WINDOWS_1252[char.charCodeAt(0) - 0x80] ?? char;
    });
  }
  return text.replace(/^\uFEFF/, '');
}

/** The separator of the header row: whichever of `;`, `,` and tab it holds most, outside quotes. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const header = text.split(/\r?\n/, 1)[0]?.replace(/"[^"]*"/g, '') ?? '';
  const count = (char: string) => header.split(char).length - 1;
  const candidates = [';', ',', '\t'] as const;
  return candidates.reduce((best, char) => (count(char) > count(best) ? char : best), ';');
}

export interface Sheet {
  readonly header: readonly string[];
  /** Rows after the header; `number` is the row as the spreadsheet shows it (the header is 1). */
  readonly rows: readonly { readonly number: number; readonly cells: readonly string[] }[];
  /** An unclosed quote, or more cells than columns: each at its row. */
  readonly problems: readonly ImportIssue[];
}

/** Splits text into rows and cells; quoted cells may hold separators and line breaks. */
export function readSheet(text: string): Sheet {
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter });
  // Papa counts rows from the header, which the spreadsheet calls row 1.
  const quoted = new Set(
    parsed.errors.flatMap(({ type, row }) => (type === 'Quotes' ? [(row ?? 0) + 1] : [])),
  );
  const problems: ImportIssue[] = [...quoted].map((row) => ({
    code: 'unclosed-quote',
    place: { kind: 'row', row },
  }));
  const [header = [], ...body] = parsed.data;
  const rows: { number: number; cells: readonly string[] }[] = [];
  // One pass over the rows: cells beyond the header, and the rows that hold text.
  body.forEach((cells, index) => {
    const number = index + 2;
    if (hasText(cells, header.length)) {
      problems.push({
        code: 'extra-cells',
        separator: delimiter,
        place: { kind: 'row', row: number },
      });
    }
    // Spreadsheets save empty rows as separators only; they are no partner. The cells are
    // papaparse's own array, so they are unescaped where they are, not copied.
    for (let index = 0; index < cells.length; index++) {
      cells[index] = unescapeFormula(cells[index] ?? '');
    }
    if (hasText(cells, 0)) rows.push({ number, cells });
  });
  return { header: header.map((cell) => cell.trim()), rows, problems };
}

/** Whether any cell from `from` on holds more than spaces. */
function hasText(cells: readonly string[], from: number): boolean {
  for (let index = from; index < cells.length; index++) {
    if (/\S/.test(cells[index] ?? '')) return true;
  }
  return false;
}

/** Semicolons, CRLF and a BOM: what Dutch Excel opens without asking. */
export function writeSheet(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const csv = Papa.unparse(
    { fields: [...header], data: rows.map((row) => [...row]) },
    { delimiter: ';', newline: '\r\n', escapeFormulae: FORMULA },
  );
  return `\uFEFF${csv.endsWith('\r\n') ? csv : `${csv}\r\n`}`;
}

/**
 * Undoes the apostrophe `writeSheet` put before a formula-like cell, so "+31 20 123 4567"
 * comes back whole. An apostrophe before anything else was typed by a person and is kept.
 */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell;
}
