// The sociale-kaart writes in src/data/partner-writes.ts and the map refresh and publishing in src/data/map-refresh.ts and map-publish.ts,
// against a real IndexedDB implementation and the real endpoint.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../../../server/app';
import { exportHsdsJson } from '../../../src/core/hsds/json';
import type { Partner, PartnerDetails } from '../../../src/core/partners/partner';
import { emptyPartner } from '../../../src/core/partners/partner-check';
import { BalieDb } from '../../../src/data/db';
import { partnersWithTopic } from '../../../src/data/desk-reads';
import { publishMap } from '../../../src/data/map-publish';
import { mapSources, refreshMap } from '../../../src/data/map-refresh';
import { allPartners, readMapStates, readPartner } from '../../../src/data/partner-reads';
import {
  deletePartner,
  importPartners,
  markPartnerOutdated,
  savePartner,
  savePartnerNote,
} from '../../../src/data/partner-writes';
import { generatePartners } from '../../support/partners';
import { openTestStore } from '../server/helpers';

let db: BalieDb;

beforeEach(async () => {
  db = new BalieDb(`test-${randomUUID()}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

function details({ local: _local, ...rest }: Partner): PartnerDetails {
  return rest;
}

const sample = () => generatePartners(5, 11).map(details);

describe('adding and editing by hand', () => {
  test('a valid partner is kept with empty local notes', async () => {
    const { local: _local, ...partner } = emptyPartner(randomUUID(), 'Buurtteam Noord');
    const saved = await savePartner(db, { ...partner, topics: ['digid'] });
    expect(saved.ok).toBe(true);
    expect(await readPartner(db, partner.id)).toMatchObject({
      name: 'Buurtteam Noord',
      local: { notes: '', outdated: false },
    });
    expect((await partnersWithTopic(db.desk, 'digid')).map((p) => p.id)).toEqual([partner.id]);
  });

  test('an invalid partner is refused with problems named by field, and nothing is kept', async () => {
    const { local: _local, ...partner } = emptyPartner(randomUUID(), '');
    const saved = await savePartner(db, { ...partner, website: 'javascript:alert(1)' });
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.problems).toEqual(
      expect.arrayContaining([
        { field: 'name', problem: { code: 'missing' } },
        { field: 'website', problem: { code: 'invalid' } },
      ]),
    );
    expect(await db.partners.count()).toBe(0);
  });

  test('an edit replaces the details and keeps the note', async () => {
    const [first] = sample();
    if (!first) throw new Error('no partner');
    await savePartner(db, first);
    await savePartnerNote(db, first.id, 'Vraag naar Anja.');
    await savePartner(db, { ...first, name: 'Nieuwe naam' });
    expect(await readPartner(db, first.id)).toMatchObject({
      name: 'Nieuwe naam',
      local: { notes: 'Vraag naar Anja.' },
    });
  });
});

describe('the desk part: notes and "verouderd"', () => {
  test('a note is cleaned and kept; a note that is too long is refused and changes nothing', async () => {
    const [first] = sample();
    if (!first) throw new Error('no partner');
    await savePartner(db, first);
    expect(await savePartnerNote(db, first.id, '  Bellen \u202Ena 14:00  ')).toBe('saved');
    expect((await readPartner(db, first.id))?.local.notes).toBe('Bellen na 14:00');
    expect(await savePartnerNote(db, first.id, 'x'.repeat(2001))).toBe('invalid');
    expect((await readPartner(db, first.id))?.local.notes).toBe('Bellen na 14:00');
    expect(await savePartnerNote(db, randomUUID(), 'hallo')).toBe('missing');
  });

  test('marking as verouderd keeps the note and the day; unmarking lifts the flag', async () => {
    const [first] = sample();
    if (!first) throw new Error('no partner');
    await savePartner(db, first);
    await savePartnerNote(db, first.id, 'Notitie');
    expect(await markPartnerOutdated(db, first.id, true, '2026-03-02')).toBe('saved');
    expect((await readPartner(db, first.id))?.local).toEqual({
      notes: 'Notitie',
      outdated: true,
      outdatedOn: '2026-03-02',
    });
    await markPartnerOutdated(db, first.id, false, '2026-03-03');
    expect((await readPartner(db, first.id))?.local).toEqual({ notes: 'Notitie', outdated: false });
  });

  test('an edit that checked the details after the flag was set lifts it', async () => {
    const [first] = sample();
    if (!first) throw new Error('no partner');
    await savePartner(db, { ...first, lastVerified: '2026-01-01' });
    await markPartnerOutdated(db, first.id, true, '2026-03-02');
    await savePartner(db, { ...first, lastVerified: '2026-03-05' });
    expect((await readPartner(db, first.id))?.local.outdated).toBe(false);
  });
});

describe('importing', () => {
  test('counts new, updated and unchanged; re-importing updates by id and keeps notes', async () => {
    const partners = sample();
    expect(await importPartners(db, partners)).toEqual({
      added: 5,
      updated: 0,
      unchanged: 0,
      removed: 0,
    });
    const [first, second] = partners;
    if (!first || !second) throw new Error('no partners');
    await savePartnerNote(db, first.id, 'Onze contactpersoon is Sam.');
    await markPartnerOutdated(db, second.id, true, '2026-02-01');

    const changed = partners.map((p) => (p.id === first.id ? { ...p, phone: '030 999 99 99' } : p));
    expect(await importPartners(db, changed)).toEqual({
      added: 0,
      updated: 1,
      unchanged: 4,
      removed: 0,
    });
    expect(await db.partners.count()).toBe(5);
    expect(await readPartner(db, first.id)).toMatchObject({
      phone: '030 999 99 99',
      local: { notes: 'Onze contactpersoon is Sam.' },
    });
    expect((await readPartner(db, second.id))?.local.outdated).toBe(true);
    expect(await importPartners(db, changed)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 5,
      removed: 0,
    });
  });

  test('a published map removes the partners it no longer holds, and only its own', async () => {
    const source = (url: string) => ({ url, checkedAt: 1, importedAt: 1, partners: 0 });
    const mapA = sample();
    const byHand = generatePartners(2, 99).map(details);
    await importPartners(db, byHand);
    await importPartners(db, mapA, source('https://kaart.example/a.json'));
    const [dropped, ...rest] = mapA;
    const again = await importPartners(db, rest, source('https://kaart.example/a.json'));
    expect(again).toEqual({ added: 0, updated: 0, unchanged: 4, removed: 1 });
    expect(await readPartner(db, dropped?.id ?? '')).toBeUndefined();
    // Partners added by hand or from a file are not the map's to remove.
    expect(await db.partners.count()).toBe(6);
    const other = await importPartners(db, [], source('https://kaart.example/b.json'));
    expect(other.removed).toBe(0);
    expect(await db.partners.count()).toBe(6);
  });

  test('a partner can be removed from the device by hand', async () => {
    const partners = sample();
    await importPartners(db, partners);
    await deletePartner(db, partners[0]?.id ?? '');
    expect(await db.partners.count()).toBe(4);
  });

  test('all or nothing: when one partner cannot be written, none of the import is', async () => {
    await importPartners(db, sample().slice(0, 2));
    const before = await allPartners(db);
    const broken = [...sample(), { ...sample()[0], id: undefined } as unknown as PartnerDetails];
    await expect(importPartners(db, broken)).rejects.toThrow();
    expect(await allPartners(db)).toEqual(before);
  });
});

describe('keeping in step with the published map', () => {
  let server: RunningServer;
  let dir: string;
  let token: string;
  let endpoint: string;
  const requests: { url: string; ifNoneMatch: string | null }[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    requests.push({ url: String(input), ifNoneMatch: headers.get('if-none-match') });
    return fetch(input, init);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'balie-map-sync-'));
    server = await startServer({ store: await openTestStore({ file: join(dir, 'balie.sqlite') }) });
    token = (await server.store.createDevice('test', 'manager')).token;
    endpoint = `${server.url}/api`;
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('nothing published yet: no change and no failure', async () => {
    const [own] = mapSources(endpoint, undefined);
    if (!own) throw new Error('no source');
    expect(await refreshMap(db, own, recordingFetch, 1000)).toMatchObject({ outcome: 'none' });
    expect(await db.partners.count()).toBe(0);
  });

  test('publish, then refresh: imported once, then 304 with If-None-Match, notes kept', async () => {
    const partners = generatePartners(12, 5);
    expect(await publishMap(fetch, endpoint, token, exportHsdsJson(partners), undefined)).toEqual({
      ok: true,
      partners: 12,
    });
    const [own] = mapSources(endpoint, undefined);
    if (!own) throw new Error('no source');
    requests.length = 0;
    const first = await refreshMap(db, own, recordingFetch, 2000);
    expect(first).toMatchObject({ outcome: 'imported', counts: { added: 12 } });
    const state = (await readMapStates(db))[own.url];
    expect(state).toMatchObject({ importedAt: 2000, partners: 12 });
    expect(state?.etag).toMatch(/^"/);

    const firstId = partners[0]?.id ?? '';
    await savePartnerNote(db, firstId, 'Lokale notitie');
    const second = await refreshMap(db, own, recordingFetch, 3000);
    expect(second).toMatchObject({ outcome: 'unchanged' });
    expect(requests.map((r) => r.ifNoneMatch)).toEqual([null, state?.etag]);
    expect((await readMapStates(db))[own.url]).toMatchObject({ checkedAt: 3000, importedAt: 2000 });

    const renamed = partners.map((p, i) => (i === 0 ? { ...p, name: 'Hernoemd' } : p));
    // Publishing again needs the version this device last saw; an old or missing one is stale.
    expect(await publishMap(fetch, endpoint, token, exportHsdsJson(renamed), '"oud"')).toEqual({
      ok: false,
      code: 'stale',
    });
    expect(await publishMap(fetch, endpoint, token, exportHsdsJson(renamed), undefined)).toEqual({
      ok: false,
      code: 'stale',
    });
    expect(
      await publishMap(fetch, endpoint, token, exportHsdsJson(renamed), state?.etag),
    ).toMatchObject({ ok: true });
    const third = await refreshMap(db, own, recordingFetch, 4000);
    expect(third).toMatchObject({ outcome: 'imported', counts: { updated: 1, unchanged: 11 } });
    expect(await readPartner(db, firstId)).toMatchObject({
      name: 'Hernoemd',
      local: { notes: 'Lokale notitie' },
    });
  });

  test('a followed URL that fails or holds no valid map changes nothing and says why', async () => {
    await importPartners(db, sample());
    const before = await allPartners(db);
    const followed = { url: `${server.url}/api/bestaat-niet.json`, kind: 'followed' } as const;
    const notFound = await refreshMap(db, followed, fetch, 5000);
    expect(notFound).toMatchObject({ outcome: 'failed', error: { code: 'not-found' } });

    const invalid = { url: 'https://kaart.example/map.json', kind: 'followed' } as const;
    const fakeFetch: typeof fetch = async () =>
      new Response(JSON.stringify([{ name: 'Goed', status: 'active' }, { foo: 1 }]));
    const refused = await refreshMap(db, invalid, fakeFetch, 5000);
    expect(refused).toMatchObject({ outcome: 'failed', error: { code: 'invalid' } });
    expect(refused.outcome === 'failed' && refused.error.issue).toEqual({
      code: 'not-hsds-record',
      place: { kind: 'item', number: 2 },
    });

    const offline: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await refreshMap(db, invalid, offline, 6000)).toMatchObject({
      error: { code: 'network' },
    });
    expect(await allPartners(db)).toEqual(before);
    expect((await readMapStates(db))[invalid.url]?.error?.code).toBe('network');
  });

  test('a followed map is imported once; the same body again is recognised and skipped', async () => {
    const body = exportHsdsJson(generatePartners(3, 8));
    let calls = 0;
    const host: typeof fetch = async () => {
      calls++;
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    };
    const followed = {
      url: 'https://gemeente.example/sociale-kaart.json',
      kind: 'followed',
    } as const;
    expect(await refreshMap(db, followed, host, 1)).toMatchObject({ outcome: 'imported' });
    expect(await refreshMap(db, followed, host, 2)).toMatchObject({ outcome: 'unchanged' });
    expect(calls).toBe(2);
    expect(await db.partners.count()).toBe(3);
  });

  test('publishing without a valid token is refused and says so', async () => {
    expect(
      await publishMap(
        fetch,
        endpoint,
        'x'.repeat(20),
        exportHsdsJson(generatePartners(1)),
        undefined,
      ),
    ).toEqual({
      ok: false,
      code: 'auth',
    });
    const desk = (await server.store.createDevice('balie')).token;
    const forbidden = await publishMap(
      fetch,
      endpoint,
      desk,
      exportHsdsJson(generatePartners(1)),
      undefined,
    );
    expect(forbidden).toEqual({ ok: false, code: 'forbidden' });
    const current = (await fetch(`${endpoint}/map`)).headers.get('etag') ?? undefined;
    const refused = await publishMap(fetch, endpoint, token, '{"contents": []}', current);
    expect(refused).toMatchObject({ ok: false, code: 'refused' });
  });
});
