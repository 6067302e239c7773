// The endpoint gzips the built app's hashed text assets for browsers that accept it (once per
// file); the page, the service worker and images go out as they are.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../../../server/app';
import { CONTENT_SECURITY_POLICY } from '../../../server/static';
import { openTestStore } from './helpers';

const SCRIPT = `export const words = ${JSON.stringify('registratie '.repeat(2000))};`;
const INDEX = `<!doctype html><title>Balie</title>${'<p>Welkom</p>'.repeat(200)}`;

let server: RunningServer;
let root: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'balie-gzip-'));
  root = join(dir, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'sw.js'), SCRIPT);
  writeFileSync(join(root, 'assets', 'app-1.js'), SCRIPT);
  writeFileSync(join(root, 'assets', 'app-1.css'), `.a{color:red}${'.b{margin:0}'.repeat(500)}`);
  writeFileSync(join(root, 'assets', 'logo-1.png'), Buffer.alloc(4096, 7));
  server = await startServer({
    store: await openTestStore({ file: join(dir, 'data', 'balie.sqlite') }),
    staticDir: root,
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A request with exactly these headers; the body as sent, not decoded. */
function get(
  path: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };

describe('hashed text assets', () => {
  test('are gzipped for a browser that accepts it, with the usual headers', async () => {
    const answer = await get('/assets/app-1.js', BROWSER);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers.vary).toBe('accept-encoding');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['content-type']).toContain('text/javascript');
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(gunzipSync(answer.body).toString('utf8')).toBe(SCRIPT);
  });

  test('CSS too, and the same bytes again from memory', async () => {
    const first = await get('/assets/app-1.css', BROWSER);
    const second = await get('/assets/app-1.css', BROWSER);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(second.body.equals(first.body)).toBe(true);
  });

  test.each([
    ['no accept-encoding', {}],
    ['gzip refused', { 'accept-encoding': 'br, gzip;q=0' }],
    ['only deflate', { 'accept-encoding': 'deflate' }],
  ])('%s: the file as it is, with its length', async (_, headers) => {
    const answer = await get('/assets/app-1.js', headers);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers.vary).toBe('accept-encoding');
    expect(Number(answer.headers['content-length'])).toBe(SCRIPT.length);
    expect(answer.body.toString('utf8')).toBe(SCRIPT);
  });

  test('gzip with a weight is accepted', async () => {
    const answer = await get('/assets/app-1.js', { 'accept-encoding': 'br;q=1, gzip;q=0.5' });
    expect(answer.headers['content-encoding']).toBe('gzip');
  });

  test('HEAD gives the gzipped length without a body', async () => {
    const answer = await get('/assets/app-1.js', BROWSER, 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(Number(answer.headers['content-length'])).toBeGreaterThan(0);
    expect(answer.body.length).toBe(0);
  });

  test('a file written again under the same name is compressed again', async () => {
    const file = join(root, 'assets', 'again-1.js');
    writeFileSync(file, SCRIPT);
    await get('/assets/again-1.js', BROWSER);
    const changed = `${SCRIPT}\nexport const more = 1;`;
    writeFileSync(file, changed);
    const answer = await get('/assets/again-1.js', BROWSER);
    expect(gunzipSync(answer.body).toString('utf8')).toBe(changed);
  });
});

describe('everything else goes out as it is', () => {
  test.each(['/', '/sw.js', '/assets/logo-1.png'])('%s', async (path) => {
    const answer = await get(path, BROWSER);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
  });
});
