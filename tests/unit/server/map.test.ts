// The published sociale kaart on the reference endpoint. PUT needs the manager role and the
// ETag of the map being replaced; what is stored and served is Balie's own writing of the
// partners the app's import accepted; earlier versions can be listed and restored. GET
// answers with an ETag and 304 when nothing changed. Findings 2 and 3 are written as attacks.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_MAP_BYTES, type RunningServer, startServer } from '../../../server/app';
import { MAP_VERSIONS_KEPT } from '../../../server/map-store';
import { exportHsdsJson, importHsdsJson } from '../../../src/core/hsds/json';
import { generatePartners } from '../../support/partners';
import { openTestStore, TEST_DATABASE } from './helpers';

let server: RunningServer;
let dir: string;
let manager: string;
let desk: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'balie-map-'));
  server = await startServer({ store: await openTestStore({ file: join(dir, 'balie.sqlite') }) });
  manager = (await server.store.createDevice('beheer', 'manager')).token;
  desk = (await server.store.createDevice('balie 1')).token;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const put = (body: string, headers: Record<string, string> = {}, bearer: string | null = manager) =>
  fetch(`${server.url}/api/map`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
      ...headers,
    },
    body,
  });

const get = (headers: Record<string, string> = {}) => fetch(`${server.url}/api/map`, { headers });

const currentEtag = async () => (await server.store.publishedMap())?.etag ?? '';

/** Publishes over whatever is there now, as a manager's app does after fetching the map. */
const publish = async (body: string) => {
  const etag = (await server.store.publishedMap())?.etag;
  return put(body, etag ? { 'if-match': etag } : {});
};

/** Balie's own writing of a map's partners: what the endpoint must store and serve. */
const rewritten = (body: string) => {
  const result = importHsdsJson(body);
  if (!result.ok) throw new Error('not a map');
  return exportHsdsJson(result.partners);
};

const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

describe('before anything is published', () => {
  test('GET answers 204 with no body: nothing published is not an error', async () => {
    const response = await get();
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });
});

describe('publishing', () => {
  test('needs a device token, and stores nothing without one', async () => {
    const body = exportHsdsJson(generatePartners(3, 1));
    expect((await put(body, {}, null)).status).toBe(401);
    expect((await put(body, {}, 'not-a-real-token-at-all')).status).toBe(401);
    expect(await server.store.publishedMap()).toBeUndefined();
  });

  test('a desk device gets 403 with a Dutch reason, and stores nothing', async () => {
    const response = await put(exportHsdsJson(generatePartners(3, 1)), {}, desk);
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatch(/Alleen een beheerder/);
    expect(await server.store.publishedMap()).toBeUndefined();
  });

  test('refuses what the import refuses, with the problems named, and stores nothing', async () => {
    for (const body of ['{not json', '[]', JSON.stringify({ contents: [{ id: 'x' }] })]) {
      const response = await put(body);
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatch(/^De kaart is niet opgeslagen\. /);
    }
    const bad = JSON.parse(exportHsdsJson(generatePartners(2, 1))) as {
      contents: { url?: string; name: string }[];
    };
    bad.contents[1] = { ...bad.contents[1], name: '' } as never;
    const response = await put(JSON.stringify(bad));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatch(/Dienst 2/);
    expect(await server.store.publishedMap()).toBeUndefined();
  });

  test('refuses a body over 5 MB with 413', async () => {
    const response = await put(' '.repeat(MAX_MAP_BYTES + 1));
    expect(response.status).toBe(413);
    expect(await server.store.publishedMap()).toBeUndefined();
  });

  test('the first map may be published without a version, or with If-None-Match: *', async () => {
    const body = exportHsdsJson(generatePartners(25, 7));
    const response = await put(body, { 'if-none-match': '*' });
    expect(response.status).toBe(200);
    const reply = (await response.json()) as { partners: number; etag: string; version: number };
    expect(reply.partners).toBe(25);
    expect(reply.version).toBe(1);
    expect(response.headers.get('etag')).toBe(reply.etag);
    expect((await server.store.publishedMap())?.body).toBe(rewritten(body));
  });
});

describe('finding 2: replacing the whole map', () => {
  const phishing = () => {
    const [one] = generatePartners(1, 99);
    if (!one) throw new Error('no partner');
    return exportHsdsJson([{ ...one, name: 'DigiD Hulp', website: 'https://digid-hulp.example' }]);
  };

  test('a desk device cannot replace a 50-partner map with a one-partner phishing map', async () => {
    const fifty = exportHsdsJson(generatePartners(50, 3));
    expect((await publish(fifty)).status).toBe(200);
    const etag = await currentEtag();
    const attack = await put(phishing(), { 'if-match': etag }, desk);
    expect(attack.status).toBe(403);
    expect((await server.store.publishedMap())?.partners).toBe(50);
  });

  test('a manager needs If-Match: 428 without it (or with *), 412 when stale', async () => {
    const missing = await put(phishing());
    expect(missing.status).toBe(428);
    expect(await errorOf(missing)).toMatch(/welke versie/);
    expect(missing.headers.get('etag')).toBe(await currentEtag());
    expect((await put(phishing(), { 'if-match': '*' })).status).toBe(428);
    const stale = await put(phishing(), { 'if-match': '"0123456789abcdef0123456789abcdef"' });
    expect(stale.status).toBe(412);
    expect(await errorOf(stale)).toMatch(/intussen/);
    expect(stale.headers.get('etag')).toBe(await currentEtag());
    expect((await put(phishing(), { 'if-none-match': '*' })).status).toBe(412);
    expect((await put(phishing(), { 'if-match': `W/${await currentEtag()}` })).status).toBe(412);
    expect((await server.store.publishedMap())?.partners).toBe(50);
  });

  test('with the current ETag it publishes; earlier versions are listed and can be restored', async () => {
    const before = await server.store.publishedMap();
    const response = await put(phishing(), { 'if-match': `"other", ${await currentEtag()}` });
    expect(response.status).toBe(200);
    expect((await server.store.publishedMap())?.partners).toBe(1);

    const auth = { authorization: `Bearer ${manager}` };
    const list = await fetch(`${server.url}/api/map/versions`, { headers: auth });
    expect(list.status).toBe(200);
    const { current, versions } = (await list.json()) as {
      current: number;
      versions: { version: number; partners: number; publishedBy: string; etag: string }[];
    };
    expect(current).toBe((before?.version ?? 0) + 1);
    expect(versions[0]).toMatchObject({ version: current, partners: 1, publishedBy: 'beheer' });
    expect(versions[1]).toMatchObject({ version: before?.version, partners: 50 });

    const old = await fetch(`${server.url}/api/map/versions/${before?.version}`, { headers: auth });
    expect(old.status).toBe(200);
    expect(await old.text()).toBe(before?.body);

    const url = `${server.url}/api/map/versions/${before?.version}/restore`;
    expect((await fetch(url, { method: 'POST', headers: auth })).status).toBe(428);
    const deskTry = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${desk}`, 'if-match': await currentEtag() },
    });
    expect(deskTry.status).toBe(403);
    await deskTry.text();
    const restored = await fetch(url, {
      method: 'POST',
      headers: { ...auth, 'if-match': await currentEtag() },
    });
    expect(restored.status).toBe(200);
    expect(((await restored.json()) as { version: number }).version).toBe(current + 1);
    expect((await server.store.publishedMap())?.body).toBe(before?.body);
    expect((await server.store.mapVersions())[0]?.restoredFrom).toBe(before?.version);

    const missing = await fetch(`${server.url}/api/map/versions/9999/restore`, {
      method: 'POST',
      headers: { ...auth, 'if-match': await currentEtag() },
    });
    expect(missing.status).toBe(404);
    await missing.text();
  });

  test('a desk device cannot list or read versions', async () => {
    const auth = { authorization: `Bearer ${desk}` };
    for (const path of ['/api/map/versions', '/api/map/versions/1']) {
      const response = await fetch(`${server.url}${path}`, { headers: auth });
      expect(response.status, path).toBe(403);
      await response.text();
    }
  });

  test(`only the last ${MAP_VERSIONS_KEPT} versions are kept`, async () => {
    for (let i = 0; i < MAP_VERSIONS_KEPT + 2; i++) {
      expect((await publish(exportHsdsJson(generatePartners(2, 100 + i)))).status).toBe(200);
    }
    const versions = await server.store.mapVersions();
    expect(versions).toHaveLength(MAP_VERSIONS_KEPT);
    expect(versions[0]?.version).toBe((await server.store.publishedMap())?.version);
  });
});

describe('finding 3: what is published is Balie’s own writing, nothing else', () => {
  test('unknown fields, personal data in them and padding never reach a reader', async () => {
    const clean = exportHsdsJson(generatePartners(2, 5));
    const page = JSON.parse(clean) as { contents: Record<string, unknown>[] };
    (page.contents[0] as Record<string, unknown>).x_contact = {
      bsn: '123456782',
      phone: '06-12345678',
    };
    (page as Record<string, unknown>).x_note = 'geheim';
    const uploaded = `${' '.repeat(10_000)}${JSON.stringify(page)}${'\n'.repeat(10_000)}`;
    expect((await publish(uploaded)).status).toBe(200);
    const served = await (await get()).text();
    expect(served).toBe(clean);
    for (const secret of ['x_contact', '123456782', '06-12345678', 'x_note', 'geheim']) {
      expect(served).not.toContain(secret);
    }
  });

  test.each([
    ['url', 'javascript:alert(document.cookie)', /Website/],
    ['url', 'data:text/html;base64,PHNjcmlwdD4=', /Website/],
    ['url', 'ftp://bestanden.example.nl', /Website/],
    ['email', 'mailto:hulp@example.nl', /E-mail/],
  ])('a map with %s %s is refused with a Dutch 400', async (field, value, column) => {
    const before = await currentEtag();
    const page = JSON.parse(exportHsdsJson(generatePartners(3, 6))) as {
      contents: Record<string, unknown>[];
    };
    (page.contents[1] as Record<string, unknown>)[field] = value;
    const response = await publish(JSON.stringify(page));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error).toMatch(/^De kaart is niet opgeslagen\. Dienst 2/);
    expect(error).toMatch(column);
    expect(error).toMatch(/http:\/\/ of https:\/\//);
    expect(await currentEtag()).toBe(before);
  });
});

describe('reading the published map', () => {
  test('GET gives the map with an ETag; If-None-Match with it gives 304 and no body', async () => {
    const body = exportHsdsJson(generatePartners(10, 3));
    await publish(body);
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const text = await first.text();
    expect(text).toBe(rewritten(body));
    const imported = importHsdsJson(text);
    expect(imported.ok && imported.partners.length).toBe(10);

    const again = await get({ 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await get({ 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
    expect((await get({ 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  test('a new publish changes the ETag, so devices fetch the new map', async () => {
    await publish(exportHsdsJson(generatePartners(4, 1)));
    const before = (await get()).headers.get('etag') ?? '';
    await publish(exportHsdsJson(generatePartners(5, 1)));
    const after = await get({ 'if-none-match': before });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
    const imported = importHsdsJson(await after.text());
    expect(imported.ok && imported.partners.length).toBe(5);
  });

  test('other branches may follow it: readable cross-origin, preflight allows If-None-Match', async () => {
    const response = await get();
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe('ETag');
    const preflight = await fetch(`${server.url}/api/map`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('If-None-Match');
    expect(preflight.headers.get('access-control-allow-methods')).not.toContain('PUT');
  });

  test('survives a restart of the endpoint', async () => {
    const body = exportHsdsJson(generatePartners(6, 9));
    await publish(body);
    const etag = await currentEtag();
    await server.close();
    server = await startServer({ store: await openTestStore({ file: join(dir, 'balie.sqlite') }) });
    const response = await fetch(`${server.url}/api/map`);
    expect(response.headers.get('etag')).toBe(etag);
    expect(await response.text()).toBe(rewritten(body));
  });
});

// An older version's file is SQLite's history: PostgreSQL starts at today's tables.
test.runIf(TEST_DATABASE === 'sqlite')(
  'a map stored as uploaded by an older version is rewritten when the file is opened',
  async () => {
    const file = join(dir, 'old.sqlite');
    const page = JSON.parse(exportHsdsJson(generatePartners(3, 4))) as Record<string, unknown>;
    page.x_bsn = '123456782';
    const raw = `  ${JSON.stringify(page)}  `;
    const db = new Database(file);
    db.exec(`
    CREATE TABLE map (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL, etag TEXT NOT NULL,
      partners INTEGER NOT NULL, device_id TEXT NOT NULL, published_at TEXT NOT NULL);
  `);
    db.prepare('INSERT INTO map VALUES (1, ?, ?, 3, ?, ?)').run(
      raw,
      '"old"',
      'd1',
      '2026-01-01T00:00:00.000Z',
    );
    db.close();
    const store = await openTestStore({ file });
    const map = await store.publishedMap();
    expect(map?.body).toBe(rewritten(raw));
    expect(map?.body).not.toContain('123456782');
    expect(map?.etag).not.toBe('"old"');
    expect(await store.mapVersions()).toMatchObject([{ version: 1, partners: 3 }]);
    await store.close();
  },
);
