// The organisation on the endpoint, through its API: roles (a desk token gets 403 on manager
// routes and on publishing the map), koppelcodes (single use, 24 hours), the Devices screen
// (rename, move, revoke; 180 days unused), records checked against the organisation's
// locations, the answer lists with If-Match, and the audit log.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CLOSED_LOCATION,
  FOREIGN_LOCATION,
  UNKNOWN_LOCATION,
} from '../../../server/record-location';
import { exportHsdsJson } from '../../../src/core/hsds/json';
import { generatePartners } from '../../support/partners';
import { envelope, postBatch as post, visit } from './helpers';
import { call, location, type OrgServer, signedInManager, startOrgServer } from './org-helpers';

let org: OrgServer;

/** A batch reply read loosely (the tests check its shape themselves). */
const postBatch = async (...args: Parameters<typeof post>) => {
  const reply = await post(...args);
  return {
    ...reply,
    json: reply.json as { results: { status: string; reason?: string }[] } & { error?: string },
  };
};
let cookie: string;
let centrum: string;
let desk: string;

beforeAll(async () => {
  org = await startOrgServer();
  cookie = await signedInManager(org);
  centrum = await location(org, 'Bibliotheek Centrum');
  desk = (await org.server.store.createDevice('balie 1', 'desk', centrum)).token;
});

afterAll(async () => {
  await org?.server.close();
});

async function link(body: Record<string, unknown>) {
  const made = await call(org.url, 'POST', '/api/koppelcodes', { cookie, body });
  expect(made.status).toBe(201);
  return made.json as { code: string; expiresAt: string; link: string };
}

describe('roles', () => {
  const managerRoutes: [string, string, unknown?][] = [
    ['GET', '/api/organisation'],
    ['PATCH', '/api/organisation', { name: 'Overgenomen' }],
    ['POST', '/api/locations', { name: 'X', gemeente: 'Y', kind: 'lopend-ido' }],
    ['POST', '/api/koppelcodes', { locationId: randomUUID() }],
    ['GET', '/api/devices'],
    ['PATCH', `/api/devices/${randomUUID()}`, { label: 'x' }],
    ['POST', `/api/devices/${randomUUID()}/revoke`],
    ['PUT', '/api/catalogue', { hidden: [], added: [] }],
    ['GET', '/api/audit'],
    ['GET', '/api/map/versions'],
  ];

  test.each(managerRoutes)(
    'a desk token gets 403 with a Dutch reason on %s %s',
    async (method, path, body) => {
      const reply = await call(org.url, method, path, {
        token: desk,
        ...(body !== undefined ? { body } : {}),
        headers: { 'if-match': '"0"' },
      });
      expect(reply.status).toBe(403);
      expect(reply.json.error).toMatch(/Alleen een beheerder/);
    },
  );

  test('a desk token gets 403 on publishing the map; a manager session may publish', async () => {
    const map = exportHsdsJson(generatePartners(2));
    const byDesk = await fetch(`${org.url}/api/map`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${desk}`, 'content-type': 'application/json' },
      body: map,
    });
    expect(byDesk.status).toBe(403);
    expect(((await byDesk.json()) as { error: string }).error).toMatch(/Alleen een beheerder/);
    const bySession = await fetch(`${org.url}/api/map`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: map,
    });
    expect(bySession.status).toBe(200);
    await bySession.text();
    const versions = await call(org.url, 'GET', '/api/map/versions', { cookie });
    expect(versions.json.versions[0].publishedBy).toBe('anna');
  });

  test('without a session or token the manager routes answer 401', async () => {
    for (const path of ['/api/organisation', '/api/devices', '/api/audit', '/api/locations']) {
      expect((await call(org.url, 'GET', path)).status).toBe(401);
    }
  });

  test('a desk device reads the open locations and the answer lists', async () => {
    const closed = await location(org, 'Oude vestiging');
    await org.server.store.org.updateLocation(
      (await org.server.store.org.organisation()).id,
      closed,
      {
        active: false,
      },
    );
    const byDesk = await call(org.url, 'GET', '/api/locations', { token: desk });
    expect(byDesk.status).toBe(200);
    const names = byDesk.json.locations.map((l: { name: string }) => l.name);
    expect(names).toContain('Bibliotheek Centrum');
    expect(names).not.toContain('Oude vestiging');
    const byManager = await call(org.url, 'GET', '/api/locations', { cookie });
    expect(byManager.json.locations.map((l: { name: string }) => l.name)).toContain(
      'Oude vestiging',
    );
    expect((await call(org.url, 'GET', '/api/catalogue', { token: desk })).status).toBe(200);
  });
});

describe('locations', () => {
  test('a manager adds, changes and closes a location; names are unique', async () => {
    const made = await call(org.url, 'POST', '/api/locations', {
      cookie,
      body: {
        name: 'Spreekuur Wijkcentrum De Linde',
        gemeente: 'Houten',
        kind: 'spreekuur-elders',
        hours: 'di 14:00–16:00',
        staffing: 'Eén vrijwilliger',
      },
    });
    expect(made.status).toBe(201);
    expect(made.json.location).toMatchObject({
      name: 'Spreekuur Wijkcentrum De Linde',
      gemeente: 'Houten',
      kind: 'spreekuur-elders',
      hours: 'di 14:00–16:00',
      staffing: 'Eén vrijwilliger',
      active: true,
    });
    const twice = await call(org.url, 'POST', '/api/locations', {
      cookie,
      body: { name: 'spreekuur  wijkcentrum de linde', gemeente: 'Houten', kind: 'lopend-ido' },
    });
    expect(twice.status).toBe(409);
    const closed = await call(org.url, 'PATCH', `/api/locations/${made.json.location.id}`, {
      cookie,
      body: { active: false, hours: 'gesloten sinds 1 december' },
    });
    expect(closed.status).toBe(200);
    expect(closed.json.location.active).toBe(false);
    const bad = await call(org.url, 'POST', '/api/locations', {
      cookie,
      body: { name: 'X', gemeente: 'Y', kind: 'kantoor' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('koppelcodes', () => {
  test('a code is short, without look-alikes, and links a device to its location and role', async () => {
    const made = await link({ locationId: centrum, label: 'Tablet 2e etage' });
    expect(made.code.length).toBeLessThanOrEqual(10);
    expect(made.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ-]+$/);
    expect(made.link).toBe(`${org.url}/#koppelcode=${made.code.replace(/-/g, '')}`);
    expect(Date.parse(made.expiresAt) - org.clock.now).toBe(24 * 3600_000);
    const typed = made.code.toLowerCase().replace('-', ' ');
    const linked = await call(org.url, 'POST', '/api/koppel', { body: { code: ` ${typed} ` } });
    expect(linked.status).toBe(201);
    expect(linked.json.token.length).toBeGreaterThanOrEqual(22);
    expect(linked.json).toMatchObject({
      device: { label: 'Tablet 2e etage', role: 'desk' },
      organisation: { id: (await org.server.store.org.organisation()).id },
      location: { id: centrum, name: 'Bibliotheek Centrum' },
      endpoint: `${org.url}/api`,
    });
    const me = await call(org.url, 'GET', '/api/device', { token: linked.json.token });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({
      device: { id: linked.json.device.id, label: 'Tablet 2e etage', role: 'desk' },
      location: { id: centrum },
      catalogue: { revision: expect.any(Number) },
      screenLock: null,
    });
    expect(me.json.locations.length).toBeGreaterThan(0);
  });

  test('a used code is refused, saying it was used', async () => {
    const { code } = await link({ locationId: centrum });
    expect((await call(org.url, 'POST', '/api/koppel', { body: { code } })).status).toBe(201);
    const again = await call(org.url, 'POST', '/api/koppel', { body: { code } });
    expect(again.status).toBe(400);
    expect(again.json.error).toBe(
      'Deze koppelcode is al gebruikt. Vraag de beheerder om een nieuwe.',
    );
  });

  test('an expired code (after 24 hours) and an unknown code are refused, saying which', async () => {
    const { code } = await link({ locationId: centrum });
    const almost = await link({ locationId: centrum });
    org.clock.now += 24 * 3600_000 - 1;
    expect(
      (await call(org.url, 'POST', '/api/koppel', { body: { code: almost.code } })).status,
    ).toBe(201);
    org.clock.now += 2;
    const late = await call(org.url, 'POST', '/api/koppel', { body: { code } });
    expect(late.status).toBe(400);
    expect(late.json.error).toMatch(/verlopen/);
    const unknown = await call(org.url, 'POST', '/api/koppel', { body: { code: 'ABCD-EFGH' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatch(/kennen we niet/);
    // The clock moved a day: sign in again for the tests that follow.
    cookie = await signedInManager(org);
  });

  test('guessing codes from one address is rate limited', async () => {
    const limited = await startOrgServer({ limits: { authFailuresPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const reply = await call(limited.url, 'POST', '/api/koppel', {
          body: { code: `2345-678${i + 2}` },
        });
        statuses.push(reply.status);
      }
      expect(statuses).toEqual([400, 400, 400, 429, 429]);
    } finally {
      await limited.server.close();
    }
  });

  test('a manager code makes a manager device; a closed location gets no code', async () => {
    const { code } = await link({ locationId: centrum, role: 'manager', label: 'Beheer-laptop' });
    const linked = await call(org.url, 'POST', '/api/koppel', { body: { code } });
    expect(linked.json.device.role).toBe('manager');
    expect((await call(org.url, 'GET', '/api/devices', { token: linked.json.token })).status).toBe(
      200,
    );
    const closed = await location(org, 'Dicht');
    await org.server.store.org.updateLocation(
      (await org.server.store.org.organisation()).id,
      closed,
      {
        active: false,
      },
    );
    const refused = await call(org.url, 'POST', '/api/koppelcodes', {
      cookie,
      body: { locationId: closed },
    });
    expect(refused.status).toBe(400);
  });
});

describe('devices', () => {
  test('the Devices screen shows last upload, app version and what was left unsent; rename, move, revoke', async () => {
    const { device, token } = await org.server.store.createDevice('tablet-scherm', 'desk', centrum);
    const batch = {
      ...envelope([visit({ location: centrum })]),
      client: { version: '0.2.0', unsent: 12 },
    };
    expect((await postBatch(org.url, batch, { token })).status).toBe(200);
    const list = await call(org.url, 'GET', '/api/devices', { cookie });
    const row = list.json.devices.find((d: { id: string }) => d.id === device.id);
    expect(row).toEqual({
      id: device.id,
      label: 'tablet-scherm',
      role: 'desk',
      locationId: centrum,
      createdAt: device.created_at,
      lastSeenAt: expect.any(String),
      lastUploadAt: new Date(org.clock.now).toISOString(),
      appVersion: '0.2.0',
      // The app had 12 unsent, this batch of 1 among them.
      unsentAtLastUpload: 11,
      revokedAt: null,
    });
    const elders = await location(org, 'Bibliotheek Noord');
    const moved = await call(org.url, 'PATCH', `/api/devices/${device.id}`, {
      cookie,
      body: { label: 'Tablet Noord', locationId: elders },
    });
    expect(moved.status).toBe(200);
    expect(moved.json.device).toMatchObject({ label: 'Tablet Noord', locationId: elders });
    const revoked = await call(org.url, 'POST', `/api/devices/${device.id}/revoke`, { cookie });
    expect(revoked.status).toBe(204);
    const after = await postBatch(org.url, envelope([visit({ location: centrum })]), { token });
    expect(after.status).toBe(401);
    expect(after.json).toEqual({
      error:
        'Dit apparaat is ontkoppeld door de beheerder. Koppel het opnieuw met een nieuwe koppelcode.',
      code: 'revoked',
    });
    const unknown = await call(org.url, 'POST', `/api/devices/${randomUUID()}/revoke`, { cookie });
    expect(unknown.status).toBe(404);
  });

  test('a token unused for 180 days is refused as expired; use keeps it alive', async () => {
    const own = await startOrgServer();
    try {
      const used = (await own.server.store.createDevice('elke-dag')).token;
      const idle = (await own.server.store.createDevice('in-de-kast')).token;
      for (let quarter = 0; quarter < 3; quarter++) {
        own.clock.now += 90 * 24 * 3600_000;
        expect((await call(own.url, 'GET', '/api/device', { token: used })).status).toBe(200);
      }
      const expired = await call(own.url, 'GET', '/api/device', { token: idle });
      expect(expired.status).toBe(401);
      expect(expired.json.code).toBe('expired');
      expect(expired.json.error).toMatch(/180 dagen/);
    } finally {
      await own.server.close();
    }
  });
});

describe('records and locations (record shape version 2)', () => {
  test('a location id of the organisation is stored as location_id; others are rejected per record', async () => {
    const other = await org.server.store.org.createOrganisation('Buren');
    const theirs = await location(org, 'Bibliotheek van de buren', other.id);
    const closed = await location(org, 'Gesloten filiaal');
    await org.server.store.org.updateLocation(
      (await org.server.store.org.organisation()).id,
      closed,
      {
        active: false,
      },
    );
    const records = [
      visit({ location: centrum }),
      visit({ location: theirs }),
      visit({ location: randomUUID() }),
      visit({ location: closed }),
      visit({ location: centrum.toUpperCase() }),
    ];
    const reply = await postBatch(org.url, envelope(records), { token: desk });
    expect(reply.status).toBe(200);
    expect(reply.json.results.map((r) => r.status)).toEqual([
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'accepted',
    ]);
    expect(reply.json.results[1]?.reason).toBe(FOREIGN_LOCATION);
    expect(reply.json.results[2]?.reason).toBe(FOREIGN_LOCATION);
    expect(reply.json.results[3]?.reason).toBe(CLOSED_LOCATION('Gesloten filiaal'));
  });

  test('version 1 free text maps to the location of that name; an unknown name is rejected with the reason', async () => {
    const records = [
      visit({ location: 'Bibliotheek Centrum' }),
      visit({ location: '  bibliotheek   centrum ' }),
      visit({ location: 'Filiaal Zuid' }),
    ];
    const reply = await postBatch(org.url, envelope(records), { token: desk });
    expect(reply.json.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected']);
    expect(reply.json.results[2]?.reason).toBe(UNKNOWN_LOCATION('Filiaal Zuid'));
    expect(reply.json.results[2]?.reason).toBe(
      "Onbekende locatie 'Filiaal Zuid'. Kies in Balie de juiste locatie en verstuur opnieuw.",
    );
    // The refused one comes back as a new revision with a location id: accepted.
    const fixed = await postBatch(
      org.url,
      envelope([{ ...records[2], rev: 2, location: centrum }]),
      { token: desk },
    );
    expect(fixed.json.results[0]?.status).toBe('accepted');
  });
});

describe('answer lists', () => {
  test('PUT needs If-Match; the server makes local ids; 412 when stale; every device reads them', async () => {
    const current = await call(org.url, 'GET', '/api/catalogue', { cookie });
    expect(current.json).toEqual({ revision: 0, hidden: [], added: [] });
    const change = {
      hidden: ['channels:telefoon'],
      added: [{ label: 'Spreekuur Belastingdienst', list: 'topics', domain: 'digitale-overheid' }],
    };
    expect((await call(org.url, 'PUT', '/api/catalogue', { cookie, body: change })).status).toBe(
      428,
    );
    const saved = await call(org.url, 'PUT', '/api/catalogue', {
      cookie,
      body: change,
      headers: { 'if-match': '"0"' },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.revision).toBe(1);
    expect(saved.json.hidden).toEqual(['channels:telefoon']);
    expect(saved.json.added[0].id).toMatch(/^lokaal-spreekuur-belastingdienst-[a-z0-9]{6}$/);
    const stale = await call(org.url, 'PUT', '/api/catalogue', {
      cookie,
      body: change,
      headers: { 'if-match': '"0"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"1"');
    // An option left out is kept as retired: registrations made with it keep their label.
    const dropped = await call(org.url, 'PUT', '/api/catalogue', {
      cookie,
      body: { hidden: [], added: [] },
      headers: { 'if-match': '"1"' },
    });
    expect(dropped.json.added).toEqual([{ ...saved.json.added[0], retired: true }]);
    const onDevice = await call(org.url, 'GET', '/api/device', { token: desk });
    expect(onDevice.json.catalogue.revision).toBe(2);
  });
});

describe('organisation and audit', () => {
  test('a manager sets the screen lock; devices get it; the audit log tells who did what', async () => {
    const patched = await call(org.url, 'PATCH', '/api/organisation', {
      cookie,
      body: { name: 'Bibliotheek Rivierenland', screenLock: { minutes: 5 } },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      name: 'Bibliotheek Rivierenland',
      screenLock: { minutes: 5 },
    });
    const tooShort = await call(org.url, 'PATCH', '/api/organisation', {
      cookie,
      body: { screenLock: { minutes: 1 } },
    });
    expect(tooShort.status).toBe(400);
    const device = await call(org.url, 'GET', '/api/device', { token: desk });
    expect(device.json.screenLock).toEqual({ minutes: 5 });
    const audit = await call(org.url, 'GET', '/api/audit?limit=200', { cookie });
    expect(audit.status).toBe(200);
    const actions = new Set(audit.json.entries.map((e: { action: string }) => e.action));
    for (const action of [
      'session.login',
      'koppelcode.created',
      'device.linked',
      'device.changed',
      'device.revoked',
      'location.created',
      'location.changed',
      'map.published',
      'catalogue.changed',
      'organisation.changed',
    ]) {
      expect(actions, action).toContain(action);
    }
    const [newest] = audit.json.entries;
    expect(newest).toMatchObject({ actor: 'anna', action: 'organisation.changed' });
    expect(Object.keys(newest).sort()).toEqual(['action', 'actor', 'at', 'detail']);
  });
});
