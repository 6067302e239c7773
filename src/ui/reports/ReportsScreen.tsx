// "Overzicht": what this device registered in a period, offline (the body, shared with the
// organisation's Overzicht in Beheer, is ReportBody). Exports and the Bibliotheekmonitor helper
// start here; printing makes an A4 report.

import './reports.css';
import { useLocation } from 'preact-iso';
import type { Labels } from '../../core/reports/labels';
import { formatCount, formatLongDay, formatPeriod } from './format';
import { type PeriodReports, useDesk, useDeskExport, useLabels, useReports } from './hooks';
import { PeriodPicker } from './PeriodPicker';
import { periodFromQuery, periodHref } from './period-query';
import { ReportBody } from './ReportBody';
import { text } from './text';

export function ReportsScreen() {
  const { query } = useLocation();
  const { location, today } = useDesk();
  const period = periodFromQuery(query, today);
  const state = useReports(period);
  const labels = useLabels();
  const monitorHref = periodHref(period, '/overzicht/monitor');

  return (
    <section class="screen reports">
      <h1>
        {text.title}: {formatPeriod(period)}
      </h1>
      <p class="report-scope">{text.scope(location)}</p>
      <p class="print-only">{text.print.madeOn(formatLongDay(today))}</p>
      <PeriodPicker period={period} today={today} />
      {state.status === 'failed' ? <p class="error">{text.failed}</p> : null}
      {state.status === 'reading' ? (
        <div class="report-reading" role="status">
          <p>
            {state.progress && state.progress.total > 0
              ? text.progress(formatCount(state.progress.done), formatCount(state.progress.total))
              : text.reading}
          </p>
          {state.progress && state.progress.total > 0 ? (
            <progress max={state.progress.total} value={state.progress.done} />
          ) : null}
        </div>
      ) : null}
      {state.status === 'ready' && labels ? (
        <Report reports={state.reports} labels={labels} monitorHref={monitorHref} />
      ) : null}
    </section>
  );
}

function Report(props: { reports: PeriodReports; labels: Labels; monitorHref: string }) {
  const { reports, labels, monitorHref } = props;
  return (
    <ReportBody
      reports={reports}
      labels={labels}
      scope={useDeskExport()}
      empty={text.empty}
      headlineExtra={
        <p class="no-print">
          <a class="button" href={monitorHref}>
            {text.monitorLink}
          </a>
        </p>
      }
    />
  );
}
