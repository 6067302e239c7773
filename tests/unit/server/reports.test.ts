// GET /api/reports through the real endpoint: a generated data set (revisions out of order,
// tombstones, batches delivered twice, two organisations, period edges, clock-change Sundays)
// uploaded over HTTP gives exactly the core's aggregate(latestRevisions(rows)); who may ask;
// Dutch reasons for bad parameters; another organisation's data never shows.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FOREIGN_LOCATION,
  NO_PERIOD,
  NOT_A_DATE,
  TOO_LONG,
  UNKNOWN_GEMEENTE,
} from '../../../server/report-params';
import { REPORTS_FOR_MANAGERS } from '../../../server/routes/reports';
import { hashPassword } from '../../../server/secrets';
import { aggregate, type Report } from '../../../src/core/reports/aggregate';
import { latestRevisions, type ReportRow } from '../../../src/core/reports/rows';
import { envelope, postBatch } from './helpers';
import { call, type OrgServer, signedInManager, startOrgServer } from './org-helpers';
import { asRows, generateRevisions, type Revision, shuffled, withQuestions } from './reports-data';

let org: OrgServer;
let cookie: string;
let otherCookie: string;
let managerToken: string;
let deskToken: string;
/** Ours: Utrecht (2) and Houten (1); theirs: one location of another organisation. */
let centrum: string;
let oost: string;
let houten: string;
let theirs: string;
let ours: Revision[];
let theirRevisions: Revision[];

async function upload(token: string, revisions: readonly Revision[]): Promise<void> {
  for (let i = 0; i < revisions.length; i += 60) {
    const body = envelope(revisions.slice(i, i + 60) as unknown[]);
    const reply = await postBatch(org.url, body, { token });
    expect(reply.status).toBe(200);
    const results = (reply.json as { results: { status: string; reason?: string }[] }).results;
    for (const result of results)
      expect(['accepted', 'duplicate'], result.reason).toContain(result.status);
    // Every fourth batch is delivered twice (the reply was lost): it counts once.
    if (i % 240 === 0) expect((await postBatch(org.url, body, { token })).status).toBe(200);
  }
}

beforeAll(async () => {
  org = await startOrgServer();
  const store = org.server.store;
  const organisation = (await store.org.organisation()).id;
  const add = async (organisationId: string, name: string, gemeente: string) => {
    const made = await store.org.addLocation(organisationId, {
      name,
      gemeente,
      kind: 'vaste-balie',
      hours: '',
      staffing: '',
    });
    if (made === 'taken') throw new Error('taken');
    return made.id;
  };
  centrum = await add(organisation, 'Bibliotheek Centrum', 'Utrecht');
  oost = await add(organisation, 'Bibliotheek Oost', 'Utrecht');
  houten = await add(organisation, 'Spreekuur De Linde', 'Houten');
  const other = await store.org.createOrganisation('Buren');
  theirs = await add(other.id, 'Bibliotheek Buren', 'Buren');
  // Each manager added to its own organisation first: with one fake clock both organisations
  // are made at the same moment, so "the first organisation" is either of them.
  await store.managers.add(organisation, 'anna', await hashPassword('een-lang-wachtwoord'));
  cookie = await signedInManager(org);
  await store.managers.add(other.id, 'bram', await hashPassword('bram-zijn-wachtwoord'));
  otherCookie = await signedInManager(org, 'bram', 'bram-zijn-wachtwoord');
  deskToken = (await store.createDevice('balie centrum', 'desk', centrum)).token;
  managerToken = (await store.createDevice('script', 'manager', centrum)).token;
  const theirDesk = (await store.createDevice('balie buren', 'desk', theirs)).token;

  ours = generateRevisions(12, 400, [centrum, oost, houten]);
  theirRevisions = generateRevisions(34, 120, [theirs]);
  // Revisions arrive in any order, from two desks of ours; a batch may be delivered twice.
  const mixed = shuffled(ours, 56);
  const half = Math.floor(mixed.length / 2);
  await upload(deskToken, mixed.slice(0, half));
  await upload((await store.createDevice('balie oost', 'desk', oost)).token, mixed.slice(half));
  // The same revisions sent again in new batches: each answered `duplicate`.
  await upload(deskToken, mixed.slice(0, 90));
  await upload(theirDesk, shuffled(theirRevisions, 78));
}, 120_000);

afterAll(async () => {
  await org?.server.close();
});

const report = (query: string, who: { cookie?: string; token?: string } = { cookie }) =>
  call(org.url, 'GET', `/api/reports?${query}`, who);

/** The reply's fields that the core's Report has. */
function coreFields(body: Record<string, unknown>): Report {
  const {
    from: _from,
    to: _to,
    filters: _filters,
    perLocation: _perLocation,
    byGemeente: _byGemeente,
    locations: _locations,
    ...core
  } = body;
  return core as unknown as Report;
}

const latest = () => latestRevisions(asRows(ours));

describe('the counting rules: equal to the core on generated data', () => {
  test.each([
    ['the whole data set', '2026-01-01', '2026-12-31'],
    ['inclusive edges on both clock-change Sundays', '2026-03-29', '2026-10-25'],
    ['one day', '2026-10-25', '2026-10-25'],
    ['a period edge inside the data', '2026-03-28', '2026-03-30'],
    ['a period without visits', '2025-01-01', '2025-12-31'],
  ])('%s (%s to %s)', async (_name, from, to) => {
    const reply = await report(`from=${from}&to=${to}`);
    expect(reply.status).toBe(200);
    const expected = aggregate(latest(), { from, to });
    expect(coreFields(reply.json)).toEqual(expected);
    expect(JSON.stringify(coreFields(reply.json))).toBe(JSON.stringify(expected));
    expect(reply.json.from).toBe(from);
    expect(reply.json.to).toBe(to);
  });

  test('each location has its own numbers next to the total; byGemeente sums them', async () => {
    const reply = await report('from=2026-01-01&to=2026-12-31');
    for (const id of [centrum, oost, houten]) {
      expect(reply.json.perLocation[id]).toEqual(
        aggregate(latest(), { from: '2026-01-01', to: '2026-12-31', location: id }),
      );
    }
    const byLocation = reply.json.byLocation as Record<string, number>;
    expect(reply.json.byGemeente).toEqual({
      Houten: byLocation[houten],
      Utrecht: (byLocation[centrum] ?? 0) + (byLocation[oost] ?? 0),
    });
    expect(reply.json.locations).toHaveLength(3);
    expect(reply.json.locations.map((l: { name: string }) => l.name).sort()).toEqual([
      'Bibliotheek Centrum',
      'Bibliotheek Oost',
      'Spreekuur De Linde',
    ]);
  });

  test('counts a visit once, in its latest revision; a tombstone nowhere', async () => {
    const reply = await report('from=2026-01-01&to=2026-12-31');
    const live = latest().filter((row) => row.deleted !== true);
    expect(reply.json.visits).toBe(live.length);
    const ids = new Set(ours.map((row) => row.id));
    expect(live.length).toBeLessThan(ids.size);
    // The generator made revisions and tombstones, and some revived visits.
    expect(ours.length).toBeGreaterThan(ids.size + 100);
    const questions = live.reduce(
      (n, row) => n + ('questions' in row ? row.questions.length : 0),
      0,
    );
    expect(reply.json.questions).toBe(questions);
  });

  test('location filters (repeatable) and gemeente', async () => {
    const from = '2026-01-01';
    const to = '2026-12-31';
    const one = await report(`from=${from}&to=${to}&location=${oost.toUpperCase()}`);
    expect(coreFields(one.json)).toEqual(aggregate(latest(), { from, to, location: oost }));
    const two = await report(`from=${from}&to=${to}&location=${centrum}&location=${oost}`);
    const utrecht = await report(`from=${from}&to=${to}&gemeente=utrecht`);
    const expected = aggregate(
      latest().filter((row) => row.deleted === true || row.location !== houten),
      { from, to },
    );
    expect(coreFields(two.json)).toEqual(expected);
    expect(coreFields(utrecht.json)).toEqual(expected);
    expect(utrecht.json.byGemeente).toEqual({ Utrecht: expected.visits });
    // A location outside the gemeente asked: nothing.
    const none = await report(`from=${from}&to=${to}&gemeente=Utrecht&location=${houten}`);
    expect(none.status).toBe(200);
    expect(none.json.visits).toBe(0);
  });

  test('channel counts visits; domain, topic and organisation narrow the questions', async () => {
    const from = '2026-03-01';
    const to = '2026-10-31';
    const byChannel = await report(`from=${from}&to=${to}&channel=telefoon`);
    expect(coreFields(byChannel.json)).toEqual(
      aggregate(
        latest().filter((row) => row.deleted === true || row.channel === 'telefoon'),
        { from, to },
      ),
    );
    const cases: [
      string,
      (q: { domain: string; topic: string; organisations: string[] }) => boolean,
    ][] = [
      ['domain=geld', (q) => q.domain === 'geld'],
      ['topic=digid&topic=toeslagen', (q) => q.topic === 'digid' || q.topic === 'toeslagen'],
      ['organisation=uwv', (q) => q.organisations.includes('uwv')],
      [
        'domain=digitale-overheid&organisation=belastingdienst&organisation=svb',
        (q) =>
          q.domain === 'digitale-overheid' &&
          (q.organisations.includes('belastingdienst') || q.organisations.includes('svb')),
      ],
    ];
    for (const [query, match] of cases) {
      const reply = await report(`from=${from}&to=${to}&${query}`);
      expect(reply.status).toBe(200);
      const expected = aggregate(withQuestions(latest(), match), { from, to });
      expect(coreFields(reply.json), query).toEqual(expected);
      expect(reply.json.questions).toBeGreaterThan(0);
    }
    const both = await report(
      `from=${from}&to=${to}&channel=balie&topic=digid&location=${centrum}`,
    );
    const expected = aggregate(
      withQuestions(
        latest().filter((row: ReportRow) => row.deleted === true || row.channel === 'balie'),
        (q) => q.topic === 'digid',
      ),
      { from, to, location: centrum },
    );
    expect(coreFields(both.json)).toEqual(expected);
    expect(both.json.filters).toEqual({
      channel: ['balie'],
      topic: ['digid'],
      location: [centrum],
    });
  });
});

describe('another organisation', () => {
  test('its manager sees only its own data, never ours; ours never theirs', async () => {
    const mine = await report('from=2026-01-01&to=2026-12-31');
    expect(Object.keys(mine.json.byLocation)).not.toContain(theirs);
    expect(JSON.stringify(mine.json)).not.toContain(theirs);
    const theirsReply = await report('from=2026-01-01&to=2026-12-31', { cookie: otherCookie });
    expect(theirsReply.status).toBe(200);
    expect(coreFields(theirsReply.json)).toEqual(
      aggregate(latestRevisions(asRows(theirRevisions)), { from: '2026-01-01', to: '2026-12-31' }),
    );
    expect(Object.keys(theirsReply.json.byLocation)).toEqual([theirs]);
    expect(theirsReply.json.byGemeente).toEqual({ Buren: theirsReply.json.visits });
  });

  test('a location id of another organisation is refused with 400', async () => {
    const reply = await report(`from=2026-01-01&to=2026-12-31&location=${theirs}`);
    expect(reply.status).toBe(400);
    expect(reply.json.error).toBe(FOREIGN_LOCATION(theirs));
    const gemeente = await report('from=2026-01-01&to=2026-12-31&gemeente=Buren');
    expect(gemeente.status).toBe(400);
    expect(gemeente.json.error).toBe(UNKNOWN_GEMEENTE('Buren'));
  });
});

describe('who may ask', () => {
  test('no session: 401', async () => {
    const reply = await report('from=2026-01-01&to=2026-12-31', {});
    expect(reply.status).toBe(401);
    expect(reply.json.error).toMatch(/niet \(meer\) aangemeld/);
  });

  test('an ended or made-up session: 401', async () => {
    const reply = await report('from=2026-01-01&to=2026-12-31', {
      cookie: 'balie_session=verzonnen',
    });
    expect(reply.status).toBe(401);
  });

  test('a desk token: 403 with a Dutch reason', async () => {
    const reply = await report('from=2026-01-01&to=2026-12-31', { token: deskToken });
    expect(reply.status).toBe(403);
    expect(reply.json.error).toBe(REPORTS_FOR_MANAGERS);
  });

  test('an unknown token: 401', async () => {
    const reply = await report('from=2026-01-01&to=2026-12-31', { token: 'geen-echt-token' });
    expect(reply.status).toBe(401);
  });

  test('a manager token (scripts) gets the same report as the session', async () => {
    const byToken = await report('from=2026-01-01&to=2026-12-31', { token: managerToken });
    const bySession = await report('from=2026-01-01&to=2026-12-31');
    expect(byToken.status).toBe(200);
    expect(byToken.json).toEqual(bySession.json);
    expect(byToken.headers.get('cache-control')).toBe('no-store');
  });
});

describe('bad parameters: 400 with a Dutch reason', () => {
  test.each([
    ['', NO_PERIOD],
    ['from=2026-01-01', NO_PERIOD],
    ['from=2026-02-01&to=2026-01-31', 'De einddatum ligt vóór de begindatum.'],
    ['from=2024-01-01&to=2027-01-01', TOO_LONG],
    ['from=2016-01-01&to=2026-12-31', TOO_LONG],
    ['from=gisteren&to=2026-01-31', NOT_A_DATE('from', 'gisteren')],
    ['from=2026-01-01&to=2026-02-30', NOT_A_DATE('to', '2026-02-30')],
    ['from=2026-1-1&to=2026-02-01', NOT_A_DATE('from', '2026-1-1')],
    ['from=2026-01-01&to=2026-02-01&location=bibliotheek', FOREIGN_LOCATION('bibliotheek')],
    [
      'from=2026-01-01&to=2026-02-01&location=00000000-0000-4000-a000-000000000000',
      FOREIGN_LOCATION('00000000-0000-4000-a000-000000000000'),
    ],
    ['from=2026-01-01&to=2026-02-01&gemeente=Atlantis', UNKNOWN_GEMEENTE('Atlantis')],
  ])('%s', async (query, reason) => {
    const reply = await report(query);
    expect(reply.status).toBe(400);
    expect(reply.json.error).toBe(reason);
  });

  test.each([
    ['from=2026-01-01&to=2026-02-01&from=2026-01-02', /één keer/],
    ['from=2026-01-01&to=2026-02-01&jaar=2026', /Onbekende parameter 'jaar'/],
    ['from=2026-01-01&to=2026-02-01&topic=DigiD%20!', /geen geldige waarde voor topic/],
  ])('%s', async (query, reason) => {
    const reply = await report(query);
    expect(reply.status).toBe(400);
    expect(reply.json.error).toMatch(reason);
  });

  test('exactly three years is allowed; a leap day start too', async () => {
    expect((await report('from=2024-01-01&to=2026-12-31')).status).toBe(200);
    expect((await report('from=2024-02-29&to=2027-02-27')).status).toBe(200);
    expect((await report('from=2024-02-29&to=2027-02-28')).status).toBe(400);
  });
});

describe('which locations the reply names', () => {
  test('every open location in scope, also with nothing counted; a closed one only with visits', async () => {
    const store = org.server.store;
    // Ours, by its manager: "the first organisation" may be either (one fake clock).
    const organisation = (await store.managers.withHash('anna'))?.organisation_id ?? '';
    const quiet = await store.org.addLocation(organisation, {
      name: 'Bibliotheek Stil',
      gemeente: 'Houten',
      kind: 'vaste-balie',
      hours: '',
      staffing: '',
    });
    const closed = await store.org.addLocation(organisation, {
      name: 'Oude vestiging',
      gemeente: 'Utrecht',
      kind: 'vaste-balie',
      hours: '',
      staffing: '',
    });
    if (quiet === 'taken' || closed === 'taken') throw new Error('taken');
    await store.org.updateLocation(organisation, closed.id, { active: false });
    const names = (json: { locations: { name: string }[] }) =>
      json.locations.map((location) => location.name).sort();

    const all = await report('from=2026-01-01&to=2026-12-31');
    expect(names(all.json)).toEqual([
      'Bibliotheek Centrum',
      'Bibliotheek Oost',
      'Bibliotheek Stil',
      'Spreekuur De Linde',
    ]);
    expect(all.json.perLocation[quiet.id]).toBeUndefined();
    const nothing = await report('from=2025-01-01&to=2025-12-31');
    expect(names(nothing.json)).toEqual(names(all.json));
    const houtenOnly = await report('from=2026-01-01&to=2026-12-31&gemeente=Houten');
    expect(names(houtenOnly.json)).toEqual(['Bibliotheek Stil', 'Spreekuur De Linde']);
    const chosen = await report(`from=2026-01-01&to=2026-12-31&location=${centrum}`);
    expect(names(chosen.json)).toEqual(['Bibliotheek Centrum']);
  });
});
