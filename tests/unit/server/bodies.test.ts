// Finding 7, as the attack: a refused request (401, 413) is answered without reading the
// rest of its body, and a body that trickles in or never ends is answered 408 in time.

import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../../../server/app';
import { addTestLocation, envelope, openTestStore, postBatch, visit } from './helpers';

const BODY_TIMEOUT_MS = 600;
const MB = 1024 * 1024;

let server: RunningServer;
let dir: string;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'balie-bodies-'));
  server = await startServer({
    store: await openTestStore({ file: join(dir, 'balie.sqlite') }),
    bodyTimeoutMs: BODY_TIMEOUT_MS,
    // Longer than a body's time-out (those tests expect the body's 408, not this one).
    headersTimeoutMs: 2_000,
  });
  await addTestLocation(server.store);
  token = (await server.store.createDevice('test')).token;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Outcome {
  /** The status, or 0 when the connection ended without one. */
  readonly status: number;
  /** How much of the body the client could hand to the connection before it was closed. */
  readonly sent: number;
  /** When the reply arrived. */
  readonly ms: number;
}

/**
 * Sends up to `total` bytes of body in 64 KB chunks as fast as the connection takes them (or
 * `trickle` bytes every `pauseMs`), like an attacker: it keeps sending after the reply came,
 * until the connection is closed. Bounded by `total` and 10 s, so it always ends.
 */
function send(
  path: string,
  headers: Record<string, string>,
  total: number,
  { trickle, pauseMs }: { trickle?: number; pauseMs?: number } = {},
): Promise<Outcome> {
  const { hostname, port } = new URL(server.url);
  const started = performance.now();
  return new Promise((resolve) => {
    let sent = 0;
    let status = 0;
    let closed = false;
    let replyMs = 0;
    const req = request({ hostname, port, path, method: 'POST', headers }, (res) => {
      status = res.statusCode ?? 0;
      replyMs = performance.now() - started;
      res.resume();
    });
    req.on('error', () => {
      closed = true;
    });
    req.on('close', () => {
      closed = true;
    });
    const chunk = Buffer.alloc(trickle ?? 64 * 1024, 0x20);
    const pump = async () => {
      while (!closed && sent < total && performance.now() - started < 10_000) {
        const more = req.write(chunk);
        sent += chunk.length;
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
        else if (!more) {
          await new Promise((r) => {
            req.once('drain', r);
            req.once('close', r);
          });
        }
      }
      req.destroy();
      resolve({ status, sent, ms: replyMs });
    };
    void pump();
  });
}

test('401: a 200 MB body with a wrong token is not read on', async () => {
  const outcome = await send(
    '/api/batches',
    { 'content-type': 'application/json', authorization: 'Bearer wrong-token' },
    200 * MB,
  );
  expect(outcome.status).toBe(401);
  // What the kernel buffers on both sides, not 200 MB.
  expect(outcome.sent).toBeLessThan(16 * MB);
  expect(outcome.ms).toBeLessThan(2000);
});

test('413: a declared 200 MB body is refused before it is read', async () => {
  const outcome = await send(
    '/api/batches',
    {
      'content-type': 'application/json',
      'content-length': String(200 * MB),
      authorization: `Bearer ${token}`,
    },
    200 * MB,
  );
  expect(outcome.status).toBe(413);
  expect(outcome.sent).toBeLessThan(16 * MB);
});

test('413: a chunked body is read up to 1 MB and no further', async () => {
  const outcome = await send(
    '/api/batches',
    { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    200 * MB,
  );
  expect(outcome.status).toBe(413);
  expect(outcome.sent).toBeLessThan(17 * MB);
});

test('408: a chunked body that never ends is answered within the body time-out', async () => {
  const outcome = await send(
    '/api/batches',
    { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    // Bounded: 1 byte every 50 ms for at most 10 s.
    200,
    { trickle: 1, pauseMs: 50 },
  );
  expect(outcome.status).toBe(408);
  expect(outcome.ms).toBeGreaterThanOrEqual(BODY_TIMEOUT_MS - 50);
  expect(outcome.ms).toBeLessThan(BODY_TIMEOUT_MS + 1500);
});

test('408: a declared body that trickles in too slowly', async () => {
  const outcome = await send(
    '/api/batches',
    {
      'content-type': 'application/json',
      'content-length': '1000',
      authorization: `Bearer ${token}`,
    },
    1000,
    { trickle: 10, pauseMs: 100 },
  );
  expect(outcome.status).toBe(408);
  expect(outcome.ms).toBeLessThan(BODY_TIMEOUT_MS + 1500);
});

test('a connection left unused past the headers time-out is closed whole: a batch sent on it then is not stored', async () => {
  // What Chrome does: it opens a connection ahead, leaves it unused, and sends a request on it
  // just as the endpoint gives up on it. Carried out there, its answer was lost and the
  // browser sent it again elsewhere (a saved change of the answer lists came back as a 412).
  const { hostname, port } = new URL(server.url);
  const socket = connect(Number(port), hostname);
  socket.on('error', () => undefined);
  const first = await new Promise<string>((resolve) => {
    socket.once('data', (data) => resolve(data.toString('latin1')));
    socket.once('close', () => resolve('closed'));
  });
  expect(first === 'closed' || first.startsWith('HTTP/1.1 408')).toBe(true);
  const body = JSON.stringify(envelope([visit()]));
  const head = [
    'POST /api/batches HTTP/1.1',
    'Host: balie',
    `Authorization: Bearer ${token}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  if (!socket.destroyed) socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  socket.destroy();
  expect(await server.store.countRecords()).toBe(0);
}, 30_000);

test('the endpoint still takes batches afterwards, and stored nothing from the above', async () => {
  expect(await server.store.countRecords()).toBe(0);
  const reply = await postBatch(server.url, envelope([visit()]), { token });
  expect(reply.status).toBe(200);
  expect(await server.store.countRecords()).toBe(1);
});
