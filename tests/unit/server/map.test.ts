// The published sociale kaart on the reference endpoint: PUT checks the map with the app's
// own import before storing it; GET answers with an ETag and 304 when nothing changed.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_MAP_BYTES, type RunningServer, startServer } from '../../../server/app';
import { exportHsdsJson, importHsdsJson } from '../../../src/core/hsds/json';
import { generatePartners } from '../../support/partners';

let server: RunningServer;
let dir: string;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'balie-map-'));
  server = await startServer({ databaseFile: join(dir, 'balie.sqlite') });
  token = server.store.createDevice('beheer').token;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const put = (body: string, bearer: string | null = token) =>
  fetch(`${server.url}/api/map`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
    },
    body,
  });

const get = (headers: Record<string, string> = {}) => fetch(`${server.url}/api/map`, { headers });

describe('before anything is published', () => {
  test('GET answers 404 with a Dutch sentence', async () => {
    const response = await get();
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toMatch(/nog geen sociale kaart/);
  });
});

describe('publishing', () => {
  test('needs a device token, and stores nothing without one', async () => {
    const body = exportHsdsJson(generatePartners(3, 1));
    expect((await put(body, null)).status).toBe(401);
    expect((await put(body, 'not-a-real-token-at-all')).status).toBe(401);
    expect(server.store.publishedMap()).toBeUndefined();
  });

  test('refuses what the import refuses, with the problems named, and stores nothing', async () => {
    for (const body of ['{not json', '[]', JSON.stringify({ contents: [{ id: 'x' }] })]) {
      const response = await put(body);
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: string };
      expect(error).toMatch(/^De kaart is niet opgeslagen\. /);
    }
    const bad = JSON.parse(exportHsdsJson(generatePartners(2, 1))) as {
      contents: { url?: string; name: string }[];
    };
    bad.contents[1] = { ...bad.contents[1], name: '' } as never;
    const response = await put(JSON.stringify(bad));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/Dienst 2/);
    expect(server.store.publishedMap()).toBeUndefined();
  });

  test('refuses a body over 5 MB with 413', async () => {
    const response = await put(' '.repeat(MAX_MAP_BYTES + 1));
    expect(response.status).toBe(413);
    expect(server.store.publishedMap()).toBeUndefined();
  });

  test('stores a valid map and says how many partners it holds', async () => {
    const body = exportHsdsJson(generatePartners(25, 7));
    const response = await put(body);
    expect(response.status).toBe(200);
    const reply = (await response.json()) as { partners: number; etag: string };
    expect(reply.partners).toBe(25);
    expect(response.headers.get('etag')).toBe(reply.etag);
    expect(server.store.publishedMap()?.body).toBe(body);
  });
});

describe('reading the published map', () => {
  test('GET gives the map with an ETag; If-None-Match with it gives 304 and no body', async () => {
    const body = exportHsdsJson(generatePartners(10, 3));
    await put(body);
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const text = await first.text();
    expect(text).toBe(body);
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
    await put(exportHsdsJson(generatePartners(4, 1)));
    const before = (await get()).headers.get('etag') ?? '';
    await put(exportHsdsJson(generatePartners(5, 1)));
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
    await put(body);
    const etag = server.store.publishedMap()?.etag;
    await server.close();
    server = await startServer({ databaseFile: join(dir, 'balie.sqlite') });
    const response = await fetch(`${server.url}/api/map`);
    expect(response.headers.get('etag')).toBe(etag);
    expect(await response.text()).toBe(body);
  });
});
