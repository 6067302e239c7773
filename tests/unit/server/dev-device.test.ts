// Finding 1, as the attack: the development device exists only when asked for and never in
// production, and its token never leaves the server over HTTP: not to a page on this
// machine, not through a local reverse proxy (the usual way to add TLS), not to a request
// with a foreign Host (DNS rebinding). The real server process is started as `npm start` does.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { devKoppelLink } from '../../../server/config';
import { openTestStore } from './helpers';
import { runServerToExit, type ServerProcess, spawnServer } from './process';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'balie-dev-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A tiny reverse proxy on 127.0.0.1, as nginx would be for TLS: forwards everything. */
async function reverseProxy(upstream: string, addForwarded: boolean): Promise<Server> {
  const target = new URL(upstream);
  const proxy = createServer((req, res) => {
    const headers = { ...req.headers };
    // nginx's default sends the upstream as Host and adds no X-Forwarded-For.
    headers.host = target.host;
    if (addForwarded) headers['x-forwarded-for'] = '203.0.113.7';
    const forward = request(
      { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return proxy;
}

/** A GET with any Host header (fetch would not let us set it). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: pathname, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('asked for with --dev-device (npm start)', () => {
  let server: ServerProcess;
  let token: string;
  const proxies: Server[] = [];

  beforeAll(async () => {
    server = await spawnServer({ BALIE_DATA_DIR: join(dir, 'asked') }, ['--dev-device']);
    const match = /#koppel=([^&\s]+)&endpoint=(\S+)/.exec(server.output());
    token = decodeURIComponent(match?.[1] ?? '');
    expect(decodeURIComponent(match?.[2] ?? '')).toBe(`${server.url}/api`);
  }, 30_000);

  afterAll(async () => {
    for (const proxy of proxies) await new Promise((resolve) => proxy.close(resolve));
    server?.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
  });

  test('the console shows the person at this machine a koppellink with a working manager token', async () => {
    expect(server.output()).toContain(devKoppelLink(server.url, token));
    expect(token.length).toBeGreaterThan(30);
    const me = await fetch(`${server.url}/api/device`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await me.json()).toMatchObject({ label: 'ontwikkeling (npm start)', role: 'manager' });
    expect(readFileSync(join(dir, 'asked', 'dev-device-token'), 'utf8').trim()).toBe(token);
  });

  test('the development organisation, its location and manager: the password printed works', async () => {
    const password = /wachtwoord (\S+)/.exec(server.output())?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(16);
    const signIn = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'beheerder', password }),
    });
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as { organisation: { name: string } }).organisation.name).toBe(
      'Bibliotheek (ontwikkeling)',
    );
    const me = (await (
      await fetch(`${server.url}/api/device`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { location: { name: string; gemeente: string } };
    expect(me.location).toMatchObject({ name: 'Centrale balie', gemeente: 'Utrecht' });
  });

  test('a page on this machine cannot fetch the token: /api/dev-device is gone', async () => {
    const response = await fetch(`${server.url}/api/dev-device`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(token);
  });

  test.each([
    ['without X-Forwarded-For', false],
    ['with X-Forwarded-For', true],
  ])('nor anyone through a local reverse proxy (%s)', async (_name, forwarded) => {
    const proxy = await reverseProxy(server.url, forwarded);
    proxies.push(proxy);
    const { port } = proxy.address() as AddressInfo;
    for (const path of ['/api/dev-device', '/', '/api/health', '/api/device']) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      expect(await response.text()).not.toContain(token);
    }
  });

  test('nor a page on a foreign host name that resolves here (DNS rebinding)', async () => {
    for (const path of ['/api/dev-device', '/', '/vandaag']) {
      const answer = await getWithHost(`${server.url}${path}`, 'aanvaller.example:8080');
      expect(answer.body).not.toContain(token);
    }
    expect((await getWithHost(`${server.url}/api/dev-device`, 'aanvaller.example')).status).toBe(
      404,
    );
  });
});

test('not asked for (tsx server/main.ts): no development device at all', async () => {
  const data = join(dir, 'plain');
  const server = await spawnServer({ BALIE_DATA_DIR: data });
  server.child.kill('SIGTERM');
  await server.exited;
  expect(server.output()).not.toContain('koppel=');
  expect(existsSync(join(data, 'dev-device-token'))).toBe(false);
  const store = await openTestStore({ file: join(data, 'balie.sqlite') });
  expect(await store.listDevices()).toEqual([]);
  await store.close();
}, 30_000);

test('never with NODE_ENV=production, even when asked for', async () => {
  const data = join(dir, 'production');
  const server = await spawnServer({ BALIE_DATA_DIR: data, NODE_ENV: 'production' }, [
    '--dev-device',
  ]);
  server.child.kill('SIGTERM');
  await server.exited;
  expect(server.output()).toContain('Geen ontwikkelapparaat');
  expect(server.output()).not.toContain('koppel=');
  expect(server.output()).not.toContain('wachtwoord');
  expect(existsSync(join(data, 'dev-device-token'))).toBe(false);
  const withEnv = await spawnServer({
    BALIE_DATA_DIR: data,
    NODE_ENV: 'production',
    BALIE_DEV_DEVICE: '1',
  });
  withEnv.child.kill('SIGTERM');
  await withEnv.exited;
  expect(withEnv.output()).not.toContain('koppel=');
}, 30_000);

test('a setting it cannot use stops the start with exit code 78 and a Dutch reason', async () => {
  const { code, output } = await runServerToExit({
    BALIE_DATA_DIR: join(dir, 'bad'),
    BALIE_REQUESTS_PER_MINUTE: 'veel',
  });
  expect(code).toBe(78);
  expect(output).toContain('BALIE_REQUESTS_PER_MINUTE=veel kan niet');
}, 30_000);
