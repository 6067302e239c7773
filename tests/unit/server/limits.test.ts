// Finding 8, as the attack: token guessing from one address, one token used too fast, and a
// stream of rejected records filling the disk with stored replies. Each gets 429 with a
// Retry-After the app honours; the defaults never limit a benchmark-sized ingest.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningServer, type StartOptions, startServer } from '../../../server/app';
import { tokenBuckets } from '../../../server/limits';
import { readReply } from '../../../src/core/upload/outbox';
import { ErrorReply } from '../../../src/core/upload/reply';
import { visitContent } from '../../support/visits';
import { addTestLocation, envelope, openTestStore, postBatch, visit } from './helpers';

let dir: string;
const running: RunningServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'balie-limits-'));
});

afterAll(async () => {
  for (const server of running) await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(limits: StartOptions['limits'], trustProxy = false) {
  const server = await startServer({
    store: await openTestStore({ file: join(dir, `${randomUUID()}.sqlite`) }),
    ...(limits ? { limits } : {}),
    trustProxy,
  });
  running.push(server);
  await addTestLocation(server.store);
  return server;
}

describe('token buckets', () => {
  test('a burst of the full allowance, then one more per refill step', () => {
    let now = 0;
    const bucket = tokenBuckets(6, () => now);
    for (let i = 0; i < 6; i++) expect(bucket.take('a').ok).toBe(true);
    expect(bucket.take('a')).toEqual({ ok: false, retryAfter: 10 });
    expect(bucket.check('a').ok).toBe(false);
    expect(bucket.take('b').ok).toBe(true);
    now += 10_000;
    expect(bucket.check('a').ok).toBe(true);
    expect(bucket.take('a').ok).toBe(true);
    expect(bucket.take('a').ok).toBe(false);
  });
});

test('guessing tokens: after the allowed failures the address gets 429, even with a right token', async () => {
  const server = await start({ authFailuresPerMinute: 5 });
  const { token } = await server.store.createDevice('balie');
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) {
    const guess = await postBatch(server.url, envelope([visit()]), { token: `guess-${i}` });
    statuses.push(guess.status);
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  const right = await postBatch(server.url, envelope([visit()]), { token });
  expect(right.status).toBe(429);
  const retryAfter = right.headers.get('retry-after');
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  expect(ErrorReply.parse(right.json).error).toMatch(/Te veel pogingen/);
  // Checking a token while linking is the same oracle, and limited the same way.
  const check = await fetch(`${server.url}/api/device`, { headers: { authorization: 'Bearer x' } });
  expect(check.status).toBe(429);
  await check.text();
  expect(await server.store.countRecords()).toBe(0);
  // The app reads it as "wait until Retry-After", not as an unlinked device.
  const decision = readReply([], { status: 429, retryAfter, body: right.text }, 0);
  expect(decision).toMatchObject({ kind: 'failed', waitUntil: Number(retryAfter) * 1000 });
});

test('behind a local proxy (BALIE_TRUST_PROXY=1) one guessing client does not block the others', async () => {
  const server = await start({ authFailuresPerMinute: 3 }, true);
  const { token } = await server.store.createDevice('balie');
  const from = (address: string) => ({ 'x-forwarded-for': address });
  for (let i = 0; i < 5; i++) {
    // A client's own X-Forwarded-For claim comes first; the proxy's entry is the last one.
    const headers = { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` };
    await postBatch(server.url, envelope([visit()]), { token: `guess-${i}`, headers });
  }
  const blocked = await postBatch(server.url, envelope([visit()]), {
    token,
    headers: from('203.0.113.9'),
  });
  expect(blocked.status).toBe(429);
  const colleague = await postBatch(server.url, envelope([visit()]), {
    token,
    headers: from('192.0.2.44'),
  });
  expect(colleague.status).toBe(200);
  // Without the setting, the header is ignored: a client cannot pick its own address.
  const plain = await start({ authFailuresPerMinute: 3 });
  for (let i = 0; i < 3; i++) {
    await postBatch(plain.url, envelope([visit()]), { token: 'x', headers: from(`192.0.2.${i}`) });
  }
  expect((await postBatch(plain.url, envelope([visit()]), { token: 'x' })).status).toBe(429);
});

test('one token used too fast gets 429 with Retry-After; another device goes on', async () => {
  const server = await start({ requestsPerMinute: 3 });
  const busy = (await server.store.createDevice('druk')).token;
  const calm = (await server.store.createDevice('rustig')).token;
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) {
    statuses.push((await postBatch(server.url, envelope([visit()]), { token: busy })).status);
  }
  expect(statuses).toEqual([200, 200, 200, 429]);
  const limited = await postBatch(server.url, envelope([visit()]), { token: busy });
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect((await postBatch(server.url, envelope([visit()]), { token: calm })).status).toBe(200);
});

test('a stream of rejected records stops at the per-device reply quota', async () => {
  const server = await start({ replyBytesPerDay: 4000 });
  const { token } = await server.store.createDevice('lawaai');
  const rejected = () => Array.from({ length: 20 }, () => visit({ ['x'.repeat(200)]: 1 }));
  const first = await postBatch(server.url, envelope(rejected()), { token });
  expect(first.status).toBe(200);
  expect(first.text.length).toBeGreaterThan(4000);
  const next = await postBatch(server.url, envelope(rejected()), { token });
  expect(next.status).toBe(429);
  expect(next.headers.get('retry-after')).toBe('3600');
  expect(ErrorReply.parse(next.json).error).toMatch(/etmaal/);
  // Other devices are not affected.
  const other = (await server.store.createDevice('stil')).token;
  expect((await postBatch(server.url, envelope([visit()]), { token: other })).status).toBe(200);
});

test('the defaults never limit a 10,000-record ingest in batches of 200 from one address', async () => {
  const server = await start(undefined);
  const { token } = await server.store.createDevice('bench');
  // A few wrong tokens on the way, as a flaky re-link would cause.
  for (let i = 0; i < 3; i++) {
    expect((await postBatch(server.url, envelope([visit()]), { token: 'oud' })).status).toBe(401);
  }
  for (let i = 0; i < 50; i++) {
    const records = Array.from({ length: 200 }, () => ({
      ...visitContent(),
      id: randomUUID(),
      rev: 1,
    }));
    const reply = await postBatch(server.url, envelope(records), { token });
    expect(reply.status).toBe(200);
  }
  expect(await server.store.countRecords()).toBe(10_000);
}, 60_000);
