// The organisation's Overzicht for a manager: every device's uploads as the endpoint counts
// them (never raw records), for a period and filters, each location next to the total, with
// the device Overzicht's charts, tables and exports. Online; offline it shows the copy kept on
// this device with the date it was fetched, and says it is not current.

import '../reports/reports.css';
import { useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { catalogueLabels } from '../../core/reports/labels';
import type { OrgFilters } from '../../core/reports/org-report';
import { useCatalogue } from '../hooks';
import { BarChart } from '../reports/BarChart';
import { formatLongDay, formatPeriod } from '../reports/format';
import { useDesk } from '../reports/hooks';
import { PeriodPicker } from '../reports/PeriodPicker';
import { periodFromQuery } from '../reports/period-query';
import { ReportBody, ReportSection } from '../reports/ReportBody';
import { text as reportText } from '../reports/text';
import { BackLink } from './BackLink';
import { type Location, type Problem, useLoad, useOrgReport } from './hooks';
import { ProblemMessage } from './ProblemMessage';
import { ReportFilters } from './ReportFilters';
import { ReportStatus } from './ReportStatus';
import {
  filtersFromSearch,
  filterWords,
  gemeenteTable,
  locationBars,
  locationTable,
  reportHref,
  summaryLines,
} from './report-sections';
import { text } from './text';

export function ReportScreen() {
  const { url, query, route } = useLocation();
  const { today } = useDesk();
  const period = periodFromQuery(query, today);
  const search = url.includes('?') ? url.slice(url.indexOf('?')) : '';
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(search)), [search]);
  const state = useOrgReport(period, filters);
  const known = useLoad((api) => api.locations());
  const catalogue = useCatalogue();
  // The organisation's locations when online; offline, those the kept report names.
  const locations: readonly Pick<Location, 'id' | 'name' | 'gemeente'>[] =
    known.value ?? state.reports?.current.locations ?? NONE;
  const labels = useMemo(
    () =>
      catalogue &&
      catalogueLabels(
        catalogue.base,
        catalogue.custom,
        Object.fromEntries(locations.map((location) => [location.id, location.name])),
      ),
    [catalogue, locations],
  );
  const words = labels ? filterWords(filters, labels) : [];
  const apply = (chosen: OrgFilters) => route(reportHref(period, chosen));
  const r = text.report;
  const reports = state.reports;

  return (
    <section class="screen reports org-report">
      <div class="no-print">
        <BackLink />
      </div>
      <h1>
        {r.title}: {formatPeriod(period)}
      </h1>
      <p class="report-scope" data-testid="report-filters">
        {words.length === 0 ? r.whole : `${r.chosen} ${words.join('. ')}.`}
      </p>
      <p class="print-only">{reportText.print.madeOn(formatLongDay(today))}</p>
      <p class="no-print">{r.intro}</p>
      <PeriodPicker period={period} today={today} hrefOf={(other) => reportHref(other, filters)} />
      {labels ? (
        <ReportFilters
          key={search}
          filters={filters}
          locations={locations}
          labels={labels}
          onApply={apply}
        />
      ) : null}
      <ReportStatus state={state} />
      {state.problem && !reports && !standsIn(state.problem) ? (
        <ProblemMessage problem={state.problem} />
      ) : null}
      {reports && labels ? (
        <ReportBody
          reports={reports}
          labels={labels}
          empty={r.empty}
          skip={['byLocation']}
          scope={{
            location: words.length === 0 ? r.whole : words.join('. '),
            source: r.source,
            today,
            summaryName: `${r.summaryName}-overzicht`,
            extra: (options) => summaryLines(reports.current, words, options),
          }}
        >
          <ReportSection
            id="per-location"
            title={r.perLocation}
            table={locationTable(reports.current)}
          >
            <BarChart title={r.visitsPerLocation} bars={locationBars(reports.current)} />
          </ReportSection>
          <ReportSection
            id="per-gemeente"
            title={r.perGemeente}
            table={gemeenteTable(reports.current)}
          >
            {null}
          </ReportSection>
        </ReportBody>
      ) : null}
    </section>
  );
}

const NONE: readonly Location[] = [];

/** No internet or a failing server: ReportStatus says so (with the kept copy, if any). */
function standsIn(problem: Problem): boolean {
  return problem.kind === 'offline' || problem.kind === 'server';
}
