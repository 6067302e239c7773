// Linking and keeping devices: a manager makes a koppelcode, a new device redeems it for its
// own token (POST /api/koppel, rate limited per address), managers list, rename, move and
// revoke devices, and a device asks what it is (GET /api/device).

import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import { findUnsafeCharacters } from '../../src/core/registration/unsafe-characters';
import {
  authorisedDevice,
  type Context,
  caller,
  clientAddress,
  jsonBody,
  ownOrigin,
  TOO_MANY_FAILURES,
  tooMany,
} from '../context';
import { ROLES } from '../device-store';
import { sendJson } from '../http';
import { normaliseKoppelcode } from '../secrets';
import { ID, type Routes } from './types';

const Label = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(80),
  z.refine((value) => findUnsafeCharacters(value).length === 0, {
    message: 'De naam bevat onzichtbare tekens.',
  }),
);
const NewCode = z.strictObject({
  locationId: z.uuid(),
  label: z.optional(Label),
  role: z.optional(z.enum(ROLES)),
});
const Redeem = z.object({ code: z.string().check(z.maxLength(40)) });
const DeviceChange = z.strictObject({
  label: z.optional(Label),
  locationId: z.optional(z.uuid()),
});

const CODE_REFUSED = {
  unknown:
    'Deze koppelcode kennen we niet. Controleer de code of vraag de beheerder om een nieuwe.',
  used: 'Deze koppelcode is al gebruikt. Vraag de beheerder om een nieuwe.',
  expired: 'Deze koppelcode is verlopen (een code geldt 24 uur). Vraag de beheerder om een nieuwe.',
} as const;
const NO_SUCH_DEVICE = 'Dit apparaat bestaat niet (meer).';
const CLOSED_OR_UNKNOWN =
  'Deze locatie bestaat niet of is gesloten. Kies een open locatie van uw organisatie.';

export function deviceRoutes(ctx: Context): Routes {
  const { store } = ctx;
  const manager = (req: IncomingMessage, res: ServerResponse, changes = false) =>
    caller(ctx, req, res, { manager: true, changes });

  async function openLocation(organisationId: string, id: string) {
    const location = await store.org.location(organisationId, id);
    return location?.active ? location : undefined;
  }

  async function createCode(req: IncomingMessage, res: ServerResponse) {
    const who = await manager(req, res, true);
    if (!who) return;
    const body = await jsonBody(ctx, req, res, NewCode);
    if (!body) return;
    const location = await openLocation(who.organisationId, body.locationId);
    if (!location) return sendJson(res, 400, { error: CLOSED_OR_UNKNOWN });
    const role = body.role ?? 'desk';
    const label = body.label ?? `Apparaat ${location.name}`;
    const made = await store.org.createKoppelcode(who.organisationId, {
      locationId: location.id,
      label,
      role,
      createdBy: who.actorId,
    });
    // The code itself is never written down: not in the log, not in the audit.
    await store.org.audit(who.organisationId, who.actor, 'koppelcode.created', {
      locationId: location.id,
      label,
      role,
      expiresAt: made.expiresAt,
    });
    sendJson(res, 201, {
      code: made.code,
      expiresAt: made.expiresAt,
      link: `${ownOrigin(req, ctx.trustProxy)}/#koppelcode=${normaliseKoppelcode(made.code)}`,
    });
  }

  async function redeem(req: IncomingMessage, res: ServerResponse) {
    const address = clientAddress(req, ctx.trustProxy);
    const blocked = ctx.authFailures.check(address);
    if (!blocked.ok) return tooMany(req, res, blocked.retryAfter, TOO_MANY_FAILURES);
    const body = await jsonBody(ctx, req, res, Redeem);
    if (!body) return;
    const linked = await store.org.redeemKoppelcode(body.code);
    if (linked.kind !== 'linked') {
      ctx.authFailures.take(address);
      return sendJson(res, 400, { error: CODE_REFUSED[linked.kind], code: linked.kind });
    }
    sendJson(res, 201, {
      token: linked.token,
      device: linked.device,
      organisation: { id: linked.organisation.id, name: linked.organisation.name },
      location: linked.location,
      endpoint: `${ownOrigin(req, ctx.trustProxy)}/api`,
    });
  }

  async function listDevices(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const who = await manager(req, res);
    if (who) sendJson(res, 200, { devices: await store.org.devices(who.organisationId) });
  }

  async function changeDevice(req: IncomingMessage, res: ServerResponse, id: string) {
    const who = await manager(req, res, true);
    if (!who) return;
    const body = await jsonBody(ctx, req, res, DeviceChange);
    if (!body) return;
    if (
      body.locationId !== undefined &&
      !(await openLocation(who.organisationId, body.locationId))
    ) {
      return sendJson(res, 400, { error: CLOSED_OR_UNKNOWN });
    }
    const device = await store.org.updateDevice(who.organisationId, id.toLowerCase(), {
      ...(body.label !== undefined ? { label: body.label } : {}),
      ...(body.locationId !== undefined ? { locationId: body.locationId.toLowerCase() } : {}),
    });
    if (!device) return sendJson(res, 404, { error: NO_SUCH_DEVICE });
    await store.org.audit(who.organisationId, who.actor, 'device.changed', {
      deviceId: device.id,
      ...body,
    });
    sendJson(res, 200, { device });
  }

  async function revoke(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const who = await manager(req, res, true);
    if (!who) return;
    const device = await store.org.device(who.organisationId, id.toLowerCase());
    if (!device || !(await store.org.revokeDevice(who.organisationId, device.id))) {
      sendJson(res, 404, { error: NO_SUCH_DEVICE });
      return;
    }
    if (device.revokedAt === null) {
      await store.org.audit(who.organisationId, who.actor, 'device.revoked', {
        deviceId: device.id,
        label: device.label,
      });
    }
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
  }

  /**
   * A device asks what it is: its organisation, its own location, the open locations it may
   * register at, the answer lists and the screen lock. `label` and `role` at the top are the
   * version 1 reply, kept for apps from before the organisation.
   */
  async function whoAmI(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const device = await authorisedDevice(
      ctx,
      req,
      res,
      'Deze koppelcode is onbekend of ingetrokken.',
    );
    if (!device) return;
    const organisation = await store.org.organisation(device.organisation_id);
    const location =
      device.location_id === null
        ? null
        : await store.org.location(organisation.id, device.location_id);
    sendJson(res, 200, {
      label: device.label,
      role: device.role,
      device: { id: device.id, label: device.label, role: device.role },
      organisation: { id: organisation.id, name: organisation.name },
      location: location ?? null,
      locations: await store.org.locations(organisation.id, true),
      catalogue: await store.org.catalogue(organisation.id),
      screenLock: organisation.screenLock,
    });
  }

  return {
    exact: {
      'POST /api/koppelcodes': createCode,
      'POST /api/koppel': redeem,
      'GET /api/devices': listDevices,
      'GET /api/device': whoAmI,
    },
    patterns: [
      ['PATCH', new RegExp(`^/api/devices/${ID}$`), changeDevice],
      ['POST', new RegExp(`^/api/devices/${ID}/revoke$`), revoke],
    ],
  };
}
