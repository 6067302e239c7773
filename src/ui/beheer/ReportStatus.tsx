// How current the organisation's Overzicht is: asking, fetched just now, or the copy kept on
// this device with its date and why it is not current (no internet, the server), or that
// nothing is kept for this question yet. Printed too, so paper says how old its numbers are.

import type { OrgReportState } from './hooks';
import { formatFetched, hrefOfQuery } from './report-sections';
import { text } from './text';

export function ReportStatus({ state }: { state: OrgReportState }) {
  const r = text.report;
  const when = state.fetchedAt === undefined ? '' : formatFetched(state.fetchedAt);
  const standIn = state.problem?.kind === 'offline' || state.problem?.kind === 'server';
  const retry = (
    <button type="button" class="button no-print" onClick={state.retry}>
      {r.retry}
    </button>
  );
  if (state.fresh) {
    return (
      <p class="muted report-fetched" role="status" data-testid="report-status">
        {r.fetched(when)}
      </p>
    );
  }
  if (state.reports) {
    return (
      <div class="notice notice-warning report-kept" role="status" data-testid="report-status">
        <p>
          <strong>{r.keptOn(when)}</strong> {r.notCurrent}
        </p>
        {state.loading ? <p>{r.loading}</p> : null}
        {state.problem ? (
          <p>
            {state.problem.kind === 'offline' ? r.noInternet : r.noServer} {r.keptHere}
          </p>
        ) : null}
        {state.problem ? retry : null}
      </div>
    );
  }
  if (state.loading) {
    return (
      <p role="status" data-testid="report-status">
        {r.loading}
      </p>
    );
  }
  if (!standIn) return null;
  return (
    <div class="notice notice-warning report-kept" role="status" data-testid="report-status">
      <p>{state.problem?.kind === 'offline' ? r.noInternet : r.noServer}</p>
      <p>{r.nothingKept}</p>
      {retry}
      {state.latest ? (
        <p class="no-print">
          <a href={hrefOfQuery(state.latest)}>{r.latestKept}</a>
        </p>
      ) : null}
    </div>
  );
}
