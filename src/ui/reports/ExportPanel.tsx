// Exports of the period: the summary or every question, as CSV or Excel, with the option to
// hide small counts for sharing outside the branch (then single questions stay home). Excel's
// writer loads only when asked. And printing, which the print stylesheet turns into an A4 report.

import { useState } from 'preact/hooks';
import type { Labels } from '../../core/reports/labels';
import { saveFile } from '../download';
import {
  csvBlob,
  type ExportFormat,
  type ExportKind,
  type ExportScope,
  fileName,
  rowsTable,
  summaryTable,
} from './exports';
import { formatLongDay } from './format';
import type { PeriodReports } from './hooks';
import { text } from './text';

export function ExportPanel(props: { reports: PeriodReports; labels: Labels; scope: ExportScope }) {
  const { reports, labels, scope } = props;
  const { readRows } = scope;
  const [suppress, setSuppress] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function make(kind: ExportKind, format: ExportFormat): Promise<Blob> {
    const options = { suppress };
    const extra = scope.extra?.(options) ?? [];
    if (kind === 'summary') {
      if (format === 'csv') return csvBlob(summaryTable(reports, labels, options, extra));
      const { summaryXlsx } = await import('./xlsx');
      return summaryXlsx(reports, labels, {
        location: scope.location,
        source: scope.source,
        madeOn: formatLongDay(scope.today),
        options,
        extra,
      });
    }
    if (!readRows) throw new Error('no rows to export');
    const table = rowsTable(await readRows(reports.period), labels);
    if (format === 'csv') return csvBlob(table);
    const { rowsXlsx } = await import('./xlsx');
    return rowsXlsx(table);
  }

  async function download(kind: ExportKind, format: ExportFormat) {
    setBusy(true);
    setMessage(text.exports.working);
    try {
      const name = fileName(kind, reports.period, format, scope.summaryName);
      saveFile(await make(kind, format), name);
      setMessage(text.exports.done(name));
    } catch (error) {
      console.error('export failed', error);
      setMessage(text.exports.failed);
    } finally {
      setBusy(false);
    }
  }

  const button = (kind: ExportKind, format: ExportFormat, label: string) => (
    <button
      type="button"
      class="button"
      disabled={busy || (kind === 'rows' && suppress)}
      onClick={() => void download(kind, format)}
    >
      {label}
    </button>
  );

  return (
    <section class="report-section export-panel no-print" aria-labelledby="export-title">
      <h2 id="export-title">{text.exports.title}</h2>
      {readRows ? <p class="hint">{text.exports.hint}</p> : null}
      <label class="check-row">
        <input
          type="checkbox"
          checked={suppress}
          onChange={(event) => setSuppress(event.currentTarget.checked)}
        />
        <span>{text.exports.suppress}</span>
      </label>
      <p class="hint">{readRows ? text.exports.suppressHint : text.exports.suppressShared}</p>
      <div class="export-buttons">
        {button('summary', 'csv', text.exports.summaryCsv)}
        {button('summary', 'xlsx', text.exports.summaryXlsx)}
        {readRows ? button('rows', 'csv', text.exports.rowsCsv) : null}
        {readRows ? button('rows', 'xlsx', text.exports.rowsXlsx) : null}
        <button type="button" class="button" onClick={() => window.print()}>
          {text.exports.print}
        </button>
      </div>
      <p class="form-message" role="status">
        {message}
      </p>
    </section>
  );
}
