// The benchmark table: each benchmark returns rows; run.ts prints them and writes
// docs/benchmarks.md. A row sets Balie's figure next to a baseline measured in the same run.

export interface Row {
  readonly measure: string;
  readonly balie: string;
  readonly baseline: string;
  /** The figure that matters, e.g. the ratio to the baseline. */
  readonly figure: string;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function formatTable(rows: readonly Row[]): string {
  const header = ['Measure', 'Balie', 'Baseline (same run)', 'Figure'];
  const lines = rows.map((row) => [row.measure, row.balie, row.baseline, row.figure]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i]?.length ?? 0)),
  );
  const render = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join(
    '\n',
  );
}

export const number = (value: number, digits = 0) =>
  value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
