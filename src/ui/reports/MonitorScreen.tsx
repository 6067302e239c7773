// The Bibliotheekmonitor helper: a period's visits at this location in the national form's
// order and wording, each checkable as "overgenomen" (kept on this device, so a reload or a
// break loses nothing), with the totals in the form's three-way split.

import './reports.css';
import { useLocation } from 'preact-iso';
import { monitorLayout } from '../../core/reports/monitor';
import { SPLIT } from '../../core/reports/monitor-form';
import { formatCount, formatPeriod } from './format';
import { useCopied, useDesk, useLabels, usePeriodVisits } from './hooks';
import { MonitorEntryCard } from './MonitorEntryCard';
import { PeriodPicker } from './PeriodPicker';
import { periodFromQuery, periodHref } from './period-query';
import { text } from './text';

export function MonitorScreen() {
  const { query } = useLocation();
  const { location, recordedAs, today } = useDesk();
  const period = periodFromQuery(query, today);
  const visits = usePeriodVisits(period);
  const labels = useLabels();
  const { copied, mark } = useCopied();
  if (!visits || !labels || !copied) return null;

  const here = visits
    .filter((visit) => recordedAs.includes(visit.location))
    // Visits from before locations had ids name the desk by its name: one desk, one layout.
    .map((visit) => ({ ...visit, location }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.hour - b.hour);
  const layout = monitorLayout(here, period, location, labels);
  const done = here.filter((visit) => Object.hasOwn(copied, visit.id)).length;

  return (
    <section class="screen reports monitor">
      <h1>{text.monitor.title}</h1>
      <p class="report-scope">
        {location}, {formatPeriod(period)}
      </p>
      <p>
        <a class="button button-small no-print" href={periodHref(period)}>
          ← {text.monitor.back}
        </a>
      </p>
      <PeriodPicker period={period} today={today} base="/overzicht/monitor" />
      <p>{text.monitor.intro}</p>
      <p class="notice notice-warning">{text.monitor.check}</p>
      <section class="report-section" aria-labelledby="totals-title">
        <h2 id="totals-title">{text.monitor.totals}</h2>
        <dl class="monitor-totals">
          <dt>{text.monitor.visits}</dt>
          <dd>{formatCount(layout.totals.visits)}</dd>
          <dt>{text.monitor.questions}</dt>
          <dd>{formatCount(layout.totals.questions)}</dd>
          {SPLIT.map((part) => [
            <dt key={`${part}-name`}>{text.monitor.split[part]}</dt>,
            <dd key={part}>{formatCount(layout.totals.split[part])}</dd>,
          ])}
        </dl>
      </section>
      <p class="monitor-progress" role="status" data-testid="monitor-progress">
        <strong>{text.monitor.progress(done, here.length)}</strong>
      </p>
      {here.length === 0 ? <p class="empty">{text.monitor.empty}</p> : null}
      <ol class="monitor-list">
        {here.map((visit, index) => {
          const entry = monitorLayout([visit], period, location, labels).entries[0];
          return entry ? (
            <MonitorEntryCard
              key={visit.id}
              number={index + 1}
              entry={entry}
              copied={Object.hasOwn(copied, visit.id)}
              onCopied={(value) => mark(visit.id, visit.day, value)}
            />
          ) : null;
        })}
      </ol>
    </section>
  );
}
