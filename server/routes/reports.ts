// GET /api/reports: the organisation-wide report for a manager (session or manager token),
// counted by the endpoint from its report tables; raw records never leave the server.
// Query: from, to (inclusive days), and optional location, gemeente, domain, topic,
// organisation, channel filters (each repeatable); see docs/organisation.md.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Context, caller } from '../context';
import { sendJson } from '../http';
import { readReportQuery } from '../report-params';
import { byGemeente } from '../report-query';
import type { Routes } from './types';

export const REPORTS_FOR_MANAGERS =
  'Alleen een beheerder mag de rapportage van de organisatie bekijken. Dit apparaat is gekoppeld als balie-apparaat, niet als beheerder.';

export function reportRoutes(ctx: Context): Routes {
  const { store } = ctx;

  async function getReport(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const who = await caller(ctx, req, res, { manager: true, forbidden: REPORTS_FOR_MANAGERS });
    if (!who) return;
    const locations = await store.org.locations(who.organisationId);
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const query = readReportQuery(params, who.organisationId, locations);
    if (!query.ok) {
      sendJson(res, 400, { error: query.reason });
      return;
    }
    const report = await store.report(query.filter);
    const scope = query.filter.locations ? new Set(query.filter.locations) : undefined;
    const byId = new Map(locations.map((location) => [location.id, location]));
    sendJson(res, 200, {
      from: query.filter.from,
      to: query.filter.to,
      filters: query.asked,
      ...report,
      byGemeente: byGemeente(report.byLocation, (id) => byId.get(id)?.gemeente),
      // Every location the report covers: each open one in scope, also with nothing counted
      // (a manager sees which desk sent nothing), and a closed one that has visits.
      locations: locations
        .filter((location) => !scope || scope.has(location.id))
        .filter((location) => location.active || report.perLocation[location.id])
        .map(({ id, name, gemeente, active }) => ({ id, name, gemeente, active })),
    });
  }

  return { exact: { 'GET /api/reports': getReport } };
}
