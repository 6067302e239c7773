// The body of an Overzicht, shared by the device's and the organisation's: the headline numbers
// beside the period before and last year, the kinds of question compared, visits over time, the
// weekday × hour heatmap and every breakdown (each chart with its table), then the exports.
// A screen adds its own lines under the headline and its own sections after it.

import type { ComponentChildren } from 'preact';
import type { Labels } from '../../core/reports/labels';
import type { Table } from '../../core/reports/table';
import { BarChart } from './BarChart';
import { DataTable } from './DataTable';
import { ExportPanel } from './ExportPanel';
import type { ExportScope } from './exports';
import { Headline } from './Headline';
import { Heatmap } from './Heatmap';
import type { PeriodReports } from './hooks';
import { LineChart } from './LineChart';
import { StackedBars } from './StackedBars';
import { breakdowns, domainStacks, heatmapRows, timeSeries } from './sections';
import { text } from './text';

export function ReportBody(props: {
  reports: PeriodReports;
  labels: Labels;
  scope: ExportScope;
  /** Said when the period holds no visits. */
  empty: string;
  /** Under the headline numbers (say, a link to the Bibliotheekmonitor helper). */
  headlineExtra?: ComponentChildren;
  /** Breakdowns the screen shows in its own way (`byLocation`). */
  skip?: readonly string[];
  /** Sections right after the headline. */
  children?: ComponentChildren;
}) {
  const { reports, labels, scope, skip = [] } = props;
  const series = timeSeries(reports.current, reports.period);
  const domains = domainStacks(reports, labels);
  return (
    <>
      <section class="report-section" aria-labelledby="headline-title">
        <h2 id="headline-title">{text.headline.title}</h2>
        <Headline reports={reports} />
        {reports.current.visits === 0 ? <p class="empty">{props.empty}</p> : null}
        {props.headlineExtra}
      </section>
      {props.children}
      <ReportSection id="domains" title={text.sections.domains} table={domains.table}>
        <StackedBars
          title={text.sections.domains}
          partNames={domains.partNames}
          stacks={domains.stacks}
        />
      </ReportSection>
      <ReportSection id="time" title={series.title} table={series.table}>
        {series.kind === 'hours' ? (
          <BarChart title={series.title} bars={series.points} />
        ) : (
          <LineChart title={series.title} points={series.points} />
        )}
      </ReportSection>
      <ReportSection
        id="heatmap"
        title={text.sections.heatmap}
        table={heatmapRows(reports.current)}
      >
        <p class="hint">{text.sections.heatmapHint}</p>
        <Heatmap heatmap={reports.current.heatmap} />
      </ReportSection>
      <h2 class="breakdowns-title">{text.sections.breakdowns}</h2>
      <div class="breakdowns">
        {breakdowns(reports.current, labels)
          .filter((breakdown) => !skip.includes(breakdown.key))
          .map((breakdown) => (
            <ReportSection
              key={breakdown.key}
              id={breakdown.key}
              title={breakdown.title}
              table={breakdown.table}
              level={3}
            >
              <BarChart title={breakdown.title} bars={breakdown.bars} />
            </ReportSection>
          ))}
      </div>
      <ExportPanel reports={reports} labels={labels} scope={scope} />
    </>
  );
}

/** One chart (the children) with its heading and its numbers in a table beneath. */
export function ReportSection(props: {
  id: string;
  title: string;
  table: Table;
  level?: 2 | 3;
  children: ComponentChildren;
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
