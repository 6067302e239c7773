// 1,000 random garbage requests against the real endpoint: it never breaks, never stores
// garbage, always answers in a form the app can read, and keeps serving valid batches.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, METHODS, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../../../server/app';
import { BatchReply, ErrorReply } from '../../../src/core/upload/reply';
import { addTestLocation, envelope, openTestStore, postBatch, visit } from './helpers';

const SEED = 20_261_123;
const GARBAGE_REQUESTS = 1000;

let server: RunningServer;
let dir: string;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'balie-garbage-'));
  server = await startServer({
    store: await openTestStore({ file: join(dir, 'balie.sqlite') }),
    // Many deliberate 401s from one address here; rate limits have their own test.
    limits: { authFailuresPerMinute: 100_000 },
  });
  await addTestLocation(server.store);
  token = (await server.store.createDevice('test')).token;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** mulberry32: a seeded generator, so a failing run can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

const rnd = generator(SEED);

/** Records that are invalid by construction: the endpoint must store none of them. */
const badRecords: (() => unknown)[] = [
  () => visit({ naam: 'Jan Jansen' }),
  () => visit({ bsn: '123456782' }),
  () => visit({ rev: 0 }),
  () => visit({ rev: 1e21 }),
  () => visit({ rev: -(2 ** 60) }),
  () => visit({ rev: 2 ** 53 + 2 }),
  () => visit({ rev: '1' }),
  () => visit({ id: 'not-a-uuid' }),
  () => visit({ id: 'x'.repeat(10_000) }),
  () => visit({ hour: 1e308 }),
  () => visit({ hour: -0.5 }),
  () => visit({ day: '2026-13-45' }),
  () => visit({ questions: [] }),
  () => visit({ questions: nested(800) }),
  () => visit({ needs: nested(800) }),
  () => visit({ note: 'Bel 06-12345678' }),
  () => visit({ note: 'x'.repeat(5000) }),
  () => visit({ ['k'.repeat(5000)]: 1 }),
  () => visit({ ...Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`veld${i}`, i])) }),
  () => visit({ channel: '\u0000' }),
  () => visit({ location: 42 }),
  () => ({ id: randomUUID(), rev: 2, deleted: 'ja' }),
  () => ({ id: randomUUID(), deleted: true }),
  () => ({ __proto__: { deleted: true }, id: randomUUID(), rev: 1 }),
  () => JSON.parse(`{"__proto__": {"deleted": true}, "id": "${randomUUID()}", "rev": 1}`),
  () => null,
  () => 1e20,
  () => 'visit',
  () => [],
  () => nested(800),
];

function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function randomBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = rnd.int(256);
  return bytes;
}

function garbageBody(): string | Buffer | undefined {
  const validText = JSON.stringify(envelope([visit(), visit()]));
  switch (rnd.int(14)) {
    case 0:
      return undefined;
    case 1:
      return randomBytes(rnd.int(4000));
    case 2:
      return validText.slice(0, rnd.int(validText.length - 1)); // truncated JSON
    case 3:
      return `{"batchId": ${'9'.repeat(400)}, "deviceId": 1e999999, "records": [1e308, -1e-400]}`;
    case 4:
      return `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    case 5: {
      // Deeper than JSON.stringify could write: one record whose needs nest 50,000 levels.
      const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
      const record = JSON.stringify(visit()).replace('"needs":[]', `"needs":${deep}`);
      return `{"batchId":"${randomUUID()}","deviceId":"${randomUUID()}","records":[${record},${deep}]}`;
    }
    case 6:
      return JSON.stringify(
        envelope(Array.from({ length: 1 + rnd.int(5) }, () => rnd.pick(badRecords)())),
      );
    case 7:
      return JSON.stringify({
        batchId: randomUUID(),
        deviceId: randomUUID(),
        records: [],
        extra: 1,
      });
    case 8:
      return JSON.stringify(rnd.pick([null, true, 0, '', 'batch', [], {}, { records: null }]));
    case 9:
      return `\uFEFF${JSON.stringify(envelope([visit({ naam: 'x' })]))}`;
    case 10:
      return '{"a":'.repeat(10_000);
    case 11:
      return Buffer.concat([Buffer.from('{"batchId":"'), randomBytes(64), Buffer.from('"}')]);
    case 12:
      return JSON.stringify(envelope(Array.from({ length: 501 }, () => visit())));
    default:
      return JSON.stringify(envelope([rnd.pick(badRecords)()], { batchId: 'batch-1' }));
  }
}

const METHODS_NODE_KNOWS = new Set(METHODS);
const GARBAGE_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'FOO', 'post'];
const PATHS = [
  '/api/batches',
  '/api/batches/',
  '/api/batches//',
  '/api/batches?x=1',
  '/api/batches/../batches',
  '/api/device',
  '/api/health',
  '/api/dev-device',
  '/api/x',
  '/api/',
  '/api',
  '/',
  '/index.html',
  '/%',
  '/%E0%A4%A',
  '/..%2f..%2fetc%2fpasswd',
  '/\u00e9\u00e8',
  `/${'a'.repeat(5000)}`,
  '//api/batches',
  '/API/BATCHES',
];
const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/json; charset=latin1',
  '',
];

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

const agent = new Agent({ keepAlive: false, maxSockets: 32 });

function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | Buffer | undefined,
): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    // The server may answer (401, 413) and close before it read everything we send.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') {
        resolve({ status: -1, headers: {}, body: '' });
      } else reject(error);
    });
    req.end(body);
  });
}

function garbageRequest(): Parameters<typeof send> {
  const method = rnd.pick(GARBAGE_METHODS);
  const path = rnd.pick(PATHS);
  const headers: Record<string, string> = {};
  const contentType = rnd.pick(CONTENT_TYPES);
  if (contentType) headers['content-type'] = contentType;
  switch (rnd.int(5)) {
    case 0:
    case 1:
      headers.authorization = `Bearer ${token}`;
      break;
    case 2:
      headers.authorization = rnd.pick([
        'Bearer',
        'Bearer  ',
        `Basic ${token}`,
        `Bearer ${token}x`,
        'x'.repeat(4000),
      ]);
      break;
    default:
      break;
  }
  if (rnd.next() < 0.3) headers['idempotency-key'] = rnd.pick([randomUUID(), '', 'x'.repeat(1000)]);
  if (rnd.next() < 0.1) headers.accept = 'text/html';
  if (rnd.next() < 0.05) headers['x-garbage'] = 'y'.repeat(rnd.int(8000));
  return [method, path, headers, garbageBody()];
}

/** Raw bytes no HTTP client would send. */
const RAW_REQUESTS = [
  'BLAH\r\n\r\n',
  'GET\r\n\r\n',
  'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
  'POST /api/batches HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}',
  'POST /api/batches HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n{}{}{}',
  'POST /api/batches HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnope\r\n',
  'POST /api/batches HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n',
  `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`,
  'GET / HTTP/1.1\r\nHost: x\r\nBad\u0000Header: 1\r\n\r\n',
  '\u0000\u0001\u0002\u0003\r\n\r\n',
  'GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n',
  'POST /api/batches HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer TOKEN\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"batchId":',
  'POST /api/batches HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer TOKEN\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"bat\r\n',
  'GET / HTTP/1.1\r\n',
];

function sendRaw(payload: string): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    const done = () => resolve(Buffer.concat(chunks).toString('latin1'));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', done);
    socket.on('error', () => undefined);
    // A half-sent request gets no answer; give up on it after a short while.
    socket.setTimeout(1500, () => socket.destroy());
    // Not end(): Node's server drops a pending answer when the client half-closes.
    socket.write(payload.replace('TOKEN', token));
  });
}

test(`${GARBAGE_REQUESTS} garbage requests store nothing, break nothing, and valid batches still work`, async () => {
  const before = await server.store.countRecords();
  let validStored = 0;
  const statuses = new Map<number, number>();
  const failures: string[] = [];

  async function validBatch() {
    const records = [visit(), visit({ hour: 9 })];
    const reply = await postBatch(server.url, envelope(records), { token });
    expect(reply.status).toBe(200);
    expect(BatchReply.parse(reply.json).results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
    ]);
    validStored += 2;
  }

  for (let round = 0; round < GARBAGE_REQUESTS / 25; round++) {
    const batch = Array.from({ length: 25 }, garbageRequest);
    const answers = await Promise.all(batch.map((args) => send(...args)));
    answers.forEach((answer, index) => {
      const [method = '', path = ''] = batch[index] ?? [];
      const where = `${method} ${path.slice(0, 60)} → ${answer.status}`;
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status >= 500) failures.push(`${where}: ${answer.body.slice(0, 200)}`);
      if (!METHODS_NODE_KNOWS.has(method.toUpperCase())) {
        // Node's HTTP parser refuses an unknown method before the app sees it.
        if (answer.status !== 400) failures.push(`${where}: expected the parser's 400`);
        return;
      }
      const isApi = path.startsWith('/api') && answer.status > 0 && method !== 'HEAD';
      if (!isApi) return;
      let json: unknown;
      try {
        json = JSON.parse(answer.body);
      } catch {
        failures.push(`${where}: not JSON: ${answer.body.slice(0, 100)}`);
        return;
      }
      // Whatever the server says, the app must be able to read it.
      if (answer.status === 200 && path.includes('batches')) {
        const reply = BatchReply.safeParse(json);
        if (!reply.success) {
          failures.push(`${where}: unreadable batch reply: ${answer.body.slice(0, 300)}`);
        } else if (reply.data.results.some((r) => r.status === 'accepted')) {
          failures.push(`${where}: garbage accepted`);
        }
      } else if (answer.status !== 200 && !ErrorReply.safeParse(json).success) {
        failures.push(`${where}: error reply without {error}`);
      }
    });
    if (round % 8 === 0) await validBatch();
  }

  const raw = await Promise.all(RAW_REQUESTS.map(sendRaw));
  raw.forEach((answer, index) => {
    // Either no answer (the socket was closed) or a 4xx; never a 5xx or a hang.
    if (answer !== '' && !/^HTTP\/1\.1 4\d\d /.test(answer)) {
      failures.push(`raw #${index}: ${answer.slice(0, 80)}`);
    }
  });

  expect(failures, `seed ${SEED}`).toEqual([]);
  // The mix really did exercise the refusals, not only one path.
  for (const status of [200, 400, 401, 404, 405]) {
    expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
  }
  expect(raw.filter((answer) => answer.startsWith('HTTP/1.1 400')).length).toBeGreaterThan(3);

  await validBatch();
  expect((await server.store.countRecords()) - before).toBe(validStored);
  // The health check still answers promptly.
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
}, 120_000);
