// The organisation as managers keep it: its name and screen lock, its IDO locations, its
// answer lists (GET for every device, PUT with If-Match for managers) and the audit log.

import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import { findUnsafeCharacters } from '../../src/core/registration/unsafe-characters';
import { CatalogueChange } from '../catalogue';
import { type Context, caller, isManager, jsonBody } from '../context';
import { refuse, sendJson } from '../http';
import { LOCATION_KINDS } from '../org-types';
import { ID, type Routes } from './types';

const text = (max: number, min = 1) =>
  z.string().check(
    z.trim(),
    z.minLength(min),
    z.maxLength(max),
    z.refine((value) => findUnsafeCharacters(value).length === 0, {
      message: 'De tekst bevat onzichtbare tekens.',
    }),
  );

const ScreenLock = z.nullable(z.strictObject({ minutes: z.int().check(z.gte(2), z.lte(60)) }));
const OrganisationChange = z.strictObject({
  name: z.optional(text(120)),
  screenLock: z.optional(ScreenLock),
});
const NewLocation = z.strictObject({
  name: text(80),
  gemeente: text(80),
  kind: z.enum(LOCATION_KINDS),
  hours: z.optional(text(500, 0)),
  staffing: z.optional(text(500, 0)),
});
const LocationChange = z.strictObject({
  name: z.optional(text(80)),
  gemeente: z.optional(text(80)),
  kind: z.optional(z.enum(LOCATION_KINDS)),
  hours: z.optional(text(500, 0)),
  staffing: z.optional(text(500, 0)),
  active: z.optional(z.boolean()),
});

const NAME_TAKEN = 'Er is al een locatie met deze naam. Kies een andere naam.';
const NO_LOCATION = 'Deze locatie bestaat niet (meer).';
const CATALOGUE_VERSION_NEEDED =
  'De server weet niet welke versie van de antwoordlijsten u hebt aangepast. Haal de lijsten eerst op en probeer het opnieuw.';
const CATALOGUE_CHANGED =
  'De antwoordlijsten zijn intussen door iemand anders veranderd. Haal ze opnieuw op en breng uw wijziging dan opnieuw aan.';

/** Only the fields that were sent, for the audit log. */
function changed(body: Record<string, unknown>): string[] {
  return Object.keys(body).filter((key) => body[key] !== undefined);
}

export function organisationRoutes(ctx: Context): Routes {
  const { store } = ctx;
  const manager = (req: IncomingMessage, res: ServerResponse, changes = false) =>
    caller(ctx, req, res, { manager: true, changes });

  async function getOrganisation(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const who = await manager(req, res);
    if (who) sendJson(res, 200, await store.org.organisation(who.organisationId));
  }

  async function patchOrganisation(req: IncomingMessage, res: ServerResponse) {
    const who = await manager(req, res, true);
    if (!who) return;
    const body = await jsonBody(ctx, req, res, OrganisationChange);
    if (!body) return;
    const organisation = await store.org.updateOrganisation(who.organisationId, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.screenLock !== undefined ? { screenLock: body.screenLock } : {}),
    });
    await store.org.audit(who.organisationId, who.actor, 'organisation.changed', {
      fields: changed(body),
      ...(body.screenLock !== undefined ? { screenLock: body.screenLock } : {}),
    });
    sendJson(res, 200, organisation);
  }

  /** Managers see every location; a desk device only the open ones it may register at. */
  async function listLocations(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const who = await caller(ctx, req, res);
    if (!who) return;
    sendJson(res, 200, {
      locations: await store.org.locations(who.organisationId, !isManager(who)),
    });
  }

  async function addLocation(req: IncomingMessage, res: ServerResponse) {
    const who = await manager(req, res, true);
    if (!who) return;
    const body = await jsonBody(ctx, req, res, NewLocation);
    if (!body) return;
    const location = await store.org.addLocation(who.organisationId, {
      name: body.name,
      gemeente: body.gemeente,
      kind: body.kind,
      hours: body.hours ?? '',
      staffing: body.staffing ?? '',
    });
    if (location === 'taken') return sendJson(res, 409, { error: NAME_TAKEN });
    await store.org.audit(who.organisationId, who.actor, 'location.created', {
      locationId: location.id,
      name: location.name,
      gemeente: location.gemeente,
      kind: location.kind,
    });
    sendJson(res, 201, { location });
  }

  async function changeLocation(req: IncomingMessage, res: ServerResponse, id: string) {
    const who = await manager(req, res, true);
    if (!who) return;
    const body = await jsonBody(ctx, req, res, LocationChange);
    if (!body) return;
    const change = Object.fromEntries(
      Object.entries(body).filter(([, value]) => value !== undefined),
    );
    const location = await store.org.updateLocation(who.organisationId, id, change);
    if (location === undefined) return sendJson(res, 404, { error: NO_LOCATION });
    if (location === 'taken') return sendJson(res, 409, { error: NAME_TAKEN });
    await store.org.audit(who.organisationId, who.actor, 'location.changed', {
      locationId: location.id,
      name: location.name,
      fields: changed(body),
      ...(body.active !== undefined ? { active: body.active } : {}),
    });
    sendJson(res, 200, { location });
  }

  async function getCatalogue(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const who = await caller(ctx, req, res);
    if (!who) return;
    const catalogue = await store.org.catalogue(who.organisationId);
    sendJson(res, 200, catalogue, { etag: `"${catalogue.revision}"` });
  }

  async function putCatalogue(req: IncomingMessage, res: ServerResponse) {
    const who = await manager(req, res, true);
    if (!who) return;
    const current = await store.org.catalogue(who.organisationId);
    const etag = `"${current.revision}"`;
    const ifMatch = req.headers['if-match']?.trim();
    if (ifMatch === undefined || ifMatch === '*') {
      return refuse(req, res, 428, { error: CATALOGUE_VERSION_NEEDED }, { etag });
    }
    const expected = /^(?:W\/)?"(\d{1,9})"$/.exec(ifMatch)?.[1];
    if (expected === undefined || Number(expected) !== current.revision) {
      return refuse(req, res, 412, { error: CATALOGUE_CHANGED }, { etag });
    }
    const body = await jsonBody(ctx, req, res, CatalogueChange);
    if (!body) return;
    const saved = await store.org.putCatalogue(who.organisationId, Number(expected), body);
    if (saved.kind === 'stale') {
      return refuse(
        req,
        res,
        412,
        { error: CATALOGUE_CHANGED },
        {
          etag: `"${saved.current.revision}"`,
        },
      );
    }
    await store.org.audit(who.organisationId, who.actor, 'catalogue.changed', {
      revision: saved.catalogue.revision,
      hidden: saved.catalogue.hidden.length,
      added: saved.catalogue.added.length,
    });
    sendJson(res, 200, saved.catalogue, { etag: `"${saved.catalogue.revision}"` });
  }

  async function readAudit(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const who = await manager(req, res);
    if (!who) return;
    const asked = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('limit') ?? 100);
    const limit = Number.isInteger(asked) ? Math.min(500, Math.max(1, asked)) : 100;
    sendJson(res, 200, { entries: await store.org.auditEntries(who.organisationId, limit) });
  }

  return {
    exact: {
      'GET /api/organisation': getOrganisation,
      'PATCH /api/organisation': patchOrganisation,
      'GET /api/locations': listLocations,
      'POST /api/locations': addLocation,
      'GET /api/catalogue': getCatalogue,
      'PUT /api/catalogue': putCatalogue,
      'GET /api/audit': readAudit,
    },
    patterns: [['PATCH', new RegExp(`^/api/locations/${ID}$`), changeLocation]],
  };
}
