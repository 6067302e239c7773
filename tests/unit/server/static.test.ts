// The endpoint serving the built app: cache headers a PWA needs, CSP, app-shell fallback,
// and no way out of the static root.

import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../../../server/app';
import { CONTENT_SECURITY_POLICY } from '../../../server/static';
import { ErrorReply } from '../../../src/core/upload/reply';
import { openTestStore } from './helpers';

const INDEX = '<!doctype html><title>Balie</title><div id="app"></div>';
const SECRET = 'geheim: dit bestand ligt buiten de app';

let server: RunningServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'balie-static-'));
  const root = join(dir, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(root, 'assets', 'x-123.js'), 'export const x = 123;');
  writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"Balie"}');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'dist-secret.html'), SECRET);
  server = await startServer({
    store: await openTestStore({ file: join(dir, 'data', 'balie.sqlite') }),
    staticDir: root,
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A GET with the path sent exactly as written (fetch would normalise `..` away). */
function rawGet(
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** A request line with a target no HTTP client library would send. */
function rawLine(target: string): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', () => undefined);
    // Not end(): Node's server drops a pending answer when the client half-closes.
    socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  });
}

describe('cache headers', () => {
  test.each([
    ['/', 'text/html'],
    ['/index.html', 'text/html'],
    ['/sw.js', 'text/javascript'],
    ['/manifest.webmanifest', 'application/manifest+json'],
  ])('%s is never cached by HTTP, so updates arrive', async (path, type) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-type')).toContain(type);
    await response.text();
  });

  test('hashed assets are cached for a year, immutable', async () => {
    const response = await fetch(`${server.url}/assets/x-123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(await response.text()).toBe('export const x = 123;');
  });

  test('the service worker is served as itself, with its length', async () => {
    const response = await fetch(`${server.url}/sw.js`);
    const body = await response.text();
    expect(body).toContain('addEventListener');
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(body));
  });
});

describe('security headers', () => {
  test.each(['/', '/sw.js', '/assets/x-123.js', '/een/route', '/missing.js'])(
    '%s carries the CSP and friends',
    async (path) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      await response.text();
    },
  );

  test('the CSP allows no inline script, no framing and no plugins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

describe('routes', () => {
  test.each(['/vandaag', '/registraties/2026-11-23', '/sociale-kaart/partner/7', '/assets'])(
    'the app route %s gets the app shell',
    async (path) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(INDEX);
    },
  );

  test('an unknown file with an extension is a 404, not the app shell', async () => {
    for (const path of ['/missing.js', '/assets/gone-999.js', '/favicon.ico', '/assets/x-123']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toBe(INDEX);
    }
  });

  test('HEAD gives the headers without a body', async () => {
    const response = await fetch(`${server.url}/sw.js`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe('');
  });

  test('an unknown /api route is a 404 in JSON, never the app shell', async () => {
    for (const path of ['/api/x', '/api/batches/123', '/api/']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(ErrorReply.safeParse(await response.json()).success).toBe(true);
    }
  });

  test('writing to a page is refused with 405 in JSON', async () => {
    const response = await fetch(`${server.url}/index.html`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(ErrorReply.safeParse(await response.json()).success).toBe(true);
  });

  test('a badly encoded path gets the app shell, not an error', async () => {
    const answer = await rawGet('/%E0%A4%A');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(INDEX);
  });
});

describe('no way out of the root', () => {
  test.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%5csecret.txt',
    '/....//secret.txt',
    '/../dist-secret.html',
    '/..%2fdist-secret.html',
    '/%252e%252e%252fsecret.txt',
    '/secret.txt%00.html',
  ])('%s does not reach a file outside', async (path) => {
    const answer = await rawGet(path);
    expect(answer.body).not.toContain(SECRET);
    expect([200, 404]).toContain(answer.status);
    if (answer.status === 200) expect(answer.body).toBe(INDEX);
  });

  test.each([
    '../secret.txt',
    '..%2fsecret.txt',
    '/dist/../../secret.txt',
    'http://x/../secret.txt',
  ])('a raw request target %s does not reach it either', async (target) => {
    const answer = await rawLine(target);
    expect(answer).toMatch(/^HTTP\/1\.1 (200|400|404) /);
    expect(answer).not.toContain(SECRET);
  });
});

describe('before the app is built', () => {
  test('a page request says the app is not built yet', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'balie-static-empty-'));
    const bare = await startServer({
      store: await openTestStore({ file: join(empty, 'balie.sqlite') }),
      staticDir: join(empty, 'dist'),
    });
    try {
      const response = await fetch(`${bare.url}/vandaag`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm start');
      const api = await fetch(`${bare.url}/api/health`);
      expect(api.status).toBe(200);
      await api.text();
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('finding 10: /assets/<anything> is never the app shell cached for a year', () => {
  test.each(['/assets/anything', '/assets/x-123', '/assets/deep/route'])(
    '%s is a 404 without a long cache header',
    async (path) => {
      const answer = await rawGet(path);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toBe(INDEX);
      expect(String(answer.headers['cache-control'] ?? '')).not.toContain('immutable');
    },
  );
});

describe('finding 4: a file that disappears while it is served', () => {
  test('renamed in a loop while requests run: every reply is whole or a 404, the server lives', async () => {
    const root = join(dir, 'dist');
    const big = 'x'.repeat(1024 * 1024);
    writeFileSync(join(root, 'assets', 'big-1.js'), big);
    let renaming = true;
    const renamer = (async () => {
      // Bounded: at most 2,000 renames, away and back, like a rebuild replacing dist/.
      for (let i = 0; i < 2000 && renaming; i++) {
        renameSync(join(root, 'assets', 'big-1.js'), join(root, 'assets', 'big-1.js.old'));
        await new Promise((resolve) => setImmediate(resolve));
        renameSync(join(root, 'assets', 'big-1.js.old'), join(root, 'assets', 'big-1.js'));
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const statuses: number[] = [];
    for (let round = 0; round < 10; round++) {
      const replies = await Promise.all(
        Array.from({ length: 20 }, () =>
          rawGet('/assets/big-1.js').catch(() => ({ status: 0, headers: {}, body: '' })),
        ),
      );
      for (const reply of replies) {
        statuses.push(reply.status);
        if (reply.status === 200) expect(reply.body.length).toBe(big.length);
      }
    }
    renaming = false;
    await renamer;
    expect(statuses.every((status) => status === 200 || status === 404)).toBe(true);
    expect(statuses).toContain(200);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    await health.text();
  }, 30_000);
});
