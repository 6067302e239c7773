// "Overzicht": what this device registered in a period, offline. The headline numbers beside
// the period before and last year, the kinds of question compared, visits over time, the
// weekday × hour heatmap and every breakdown, each chart with its numbers in a table beneath.
// Exports and the Bibliotheekmonitor helper start here; printing makes an A4 report.

import './reports.css';
import { useLocation } from 'preact-iso';
import type { Labels } from '../../core/reports/labels';
import { BarChart } from './BarChart';
import { DataTable } from './DataTable';
import { ExportPanel } from './ExportPanel';
import { formatCount, formatLongDay, formatPeriod } from './format';
import { Headline } from './Headline';
import { Heatmap } from './Heatmap';
import { type PeriodReports, useDesk, useLabels, useReports } from './hooks';
import { LineChart } from './LineChart';
import { PeriodPicker } from './PeriodPicker';
import { periodFromQuery, periodHref } from './period-query';
import { StackedBars } from './StackedBars';
import { breakdowns, domainStacks, heatmapRows, timeSeries } from './sections';
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
  const series = timeSeries(reports.current, reports.period);
  const domains = domainStacks(reports, labels);
  return (
    <>
      <section class="report-section" aria-labelledby="headline-title">
        <h2 id="headline-title">{text.headline.title}</h2>
        <Headline reports={reports} />
        {reports.current.visits === 0 ? <p class="empty">{text.empty}</p> : null}
        <p class="no-print">
          <a class="button" href={monitorHref}>
            {text.monitorLink}
          </a>
        </p>
      </section>
      <Section id="domains" title={text.sections.domains} table={domains.table}>
        <StackedBars
          title={text.sections.domains}
          partNames={domains.partNames}
          stacks={domains.stacks}
        />
      </Section>
      <Section id="time" title={series.title} table={series.table}>
        {series.kind === 'hours' ? (
          <BarChart title={series.title} bars={series.points} />
        ) : (
          <LineChart title={series.title} points={series.points} />
        )}
      </Section>
      <Section id="heatmap" title={text.sections.heatmap} table={heatmapRows(reports.current)}>
        <p class="hint">{text.sections.heatmapHint}</p>
        <Heatmap heatmap={reports.current.heatmap} />
      </Section>
      <h2 class="breakdowns-title">{text.sections.breakdowns}</h2>
      <div class="breakdowns">
        {breakdowns(reports.current, labels).map((breakdown) => (
          <Section
            key={breakdown.key}
            id={breakdown.key}
            title={breakdown.title}
            table={breakdown.table}
            level={3}
          >
            <BarChart title={breakdown.title} bars={breakdown.bars} />
          </Section>
        ))}
      </div>
      <ExportPanel reports={reports} labels={labels} />
    </>
  );
}

function Section(props: {
  id: string;
  title: string;
  table: Parameters<typeof DataTable>[0]['table'];
  level?: 2 | 3;
  children: preact.ComponentChildren;
}) {
  const { id, title, table, level = 2, children } = props;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class="report-section chart-section" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{title}</Heading>
      {children}
      <DataTable table={table} caption={text.sections.tableOf(title)} />
    </section>
  );
}
