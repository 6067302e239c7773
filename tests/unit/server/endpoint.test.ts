// The reference endpoint, in-process against a real database (SQLite, or PostgreSQL in that
// project): the upload protocol.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../../../server/app';
import { readReply } from '../../../src/core/upload/outbox';
import { BatchReply, ErrorReply } from '../../../src/core/upload/reply';
import {
  addTestLocation,
  envelope,
  openTestStore,
  postBatch,
  TEST_DATABASE,
  visit,
} from './helpers';

let server: RunningServer;
let dir: string;
let token: string;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'balie-endpoint-'));
  server = await startServer({
    store: await openTestStore(),
    // Many deliberate 401s from one address here; rate limits have their own test.
    limits: { authFailuresPerMinute: 100_000 },
  });
  await addTestLocation(server.store);
  url = server.url;
  token = (await server.store.createDevice('test')).token;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

let before: number;
beforeEach(async () => {
  before = await server.store.countRecords();
});
const stored = async () => (await server.store.countRecords()) - before;

/** An error reply: the status, and a Dutch sentence in `error`. */
function expectError(reply: { status: number; json: unknown }, status: number) {
  expect(reply.status).toBe(status);
  const parsed = ErrorReply.safeParse(reply.json);
  expect(parsed.success, JSON.stringify(reply.json)).toBe(true);
  expect(parsed.data?.error.length).toBeGreaterThan(10);
  return parsed.data?.error ?? '';
}

describe('a valid batch', () => {
  test('every record is accepted and stored, and the app reads the reply as all acked', async () => {
    const records = [
      visit(),
      visit({ hour: 14, needs: ['meekijken'] }),
      visit({ note: 'Komt terug.' }),
    ];
    const batch = envelope(records);
    const reply = await postBatch(url, batch, { token });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.headers.get('idempotent-replayed')).toBeNull();
    expect(reply.json).toEqual({
      results: records.map((r) => ({ id: r.id, rev: 1, status: 'accepted' })),
    });
    expect(await stored()).toBe(3);

    const refs = records.map((r) => ({ id: r.id, rev: r.rev }));
    const decision = readReply(
      refs,
      { status: 200, retryAfter: null, body: reply.text },
      Date.now(),
    );
    expect(decision).toMatchObject({ kind: 'answered', acked: refs, unanswered: [] });
  });

  test('the stored body is the record, with nothing added', async () => {
    const record = visit({ needs: ['wegwijs'] });
    await postBatch(url, envelope([record]), { token });
    const row = (await server.store.allRecords()).find((r) => r.id === record.id);
    expect(row?.deleted).toBe(0);
    expect(JSON.parse(row?.body ?? '')).toEqual(record);
  });

  test('a tombstone is stored as a deleted revision', async () => {
    const record = visit();
    await postBatch(url, envelope([record]), { token });
    const reply = await postBatch(url, envelope([{ id: record.id, rev: 2, deleted: true }]), {
      token,
    });
    expect(reply.json).toEqual({ results: [{ id: record.id, rev: 2, status: 'accepted' }] });
    const rows = (await server.store.allRecords()).filter((r) => r.id === record.id);
    expect(rows.map((r) => [r.rev, r.deleted])).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });

  test('the Idempotency-Key header may be left out', async () => {
    const reply = await postBatch(url, envelope([visit()]), { token, key: null });
    expect(reply.status).toBe(200);
    expect(await stored()).toBe(1);
  });

  test('a trailing slash on the route is fine', async () => {
    const batch = envelope([visit()]);
    const response = await fetch(`${url}/api/batches/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': batch.batchId,
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(batch),
    });
    expect(response.status).toBe(200);
    expect(await stored()).toBe(1);
  });
});

describe('idempotency', () => {
  test('the same batch twice is stored once, and the second reply is the same, marked replayed', async () => {
    const batch = envelope([visit(), visit()]);
    const first = await postBatch(url, batch, { token });
    const second = await postBatch(url, batch, { token });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await stored()).toBe(2);
    // A third delivery changes nothing either.
    const third = await postBatch(url, batch, { token });
    expect(third.json).toEqual(first.json);
    expect(await stored()).toBe(2);
  });

  test('a replayed batch replays the original results, even for rejected records', async () => {
    const batch = envelope([visit(), visit({ naam: 'Jan' })]);
    const first = await postBatch(url, batch, { token });
    const second = await postBatch(url, batch, { token });
    expect(second.json).toEqual(first.json);
    expect(await stored()).toBe(1);
  });

  test('the same batchId with another body is refused with 422 and stores nothing', async () => {
    const batch = envelope([visit()]);
    await postBatch(url, batch, { token });
    const changed = { ...batch, records: [visit(), visit()] };
    const reply = await postBatch(url, changed, { token });
    expect(expectError(reply, 422)).toMatch(/batchId/);
    expect(await stored()).toBe(1);
  });

  test("another device's batchId does not replay that device's reply", async () => {
    const batch = envelope([visit()]);
    await postBatch(url, batch, { token });
    const other = (await server.store.createDevice('another tablet')).token;
    const reply = await postBatch(url, batch, { token: other });
    expect(expectError(reply, 422)).toMatch(/batchId/);
    expect(reply.headers.get('idempotent-replayed')).toBeNull();
    expect(await stored()).toBe(1);
  });

  test('an Idempotency-Key different from batchId is refused with 400 and stores nothing', async () => {
    const reply = await postBatch(url, envelope([visit()]), { token, key: randomUUID() });
    expect(expectError(reply, 400)).toMatch(/Idempotency-Key/);
    expect(await stored()).toBe(0);
  });

  test('a new batch with an already stored id+rev and the same content: duplicate', async () => {
    const record = visit();
    await postBatch(url, envelope([record]), { token });
    const fresh = visit();
    // Keys in another order: the same content all the same.
    const reordered = Object.fromEntries(Object.entries(record).reverse());
    const reply = await postBatch(url, envelope([reordered, fresh]), { token });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('idempotent-replayed')).toBeNull();
    expect(reply.json).toEqual({
      results: [
        { id: record.id, rev: 1, status: 'duplicate' },
        { id: fresh.id, rev: 1, status: 'accepted' },
      ],
    });
    expect(await stored()).toBe(2);
  });

  test('a new batch with an already stored id+rev and other content: conflict for that record only', async () => {
    const record = visit();
    await postBatch(url, envelope([record]), { token });
    const fresh = visit();
    const reply = await postBatch(url, envelope([{ ...record, hour: 16 }, fresh]), { token });
    expect(reply.status).toBe(200);
    const { results } = BatchReply.parse(reply.json);
    expect(results[0]).toMatchObject({ id: record.id, rev: 1, status: 'conflict' });
    expect(results[0]?.reason).toMatch(/andere inhoud/);
    expect(results[1]).toEqual({ id: fresh.id, rev: 1, status: 'accepted' });
    expect(await stored()).toBe(2);
    // Never a silent overwrite: the first content is what the server keeps.
    const row = (await server.store.allRecords()).find((r) => r.id === record.id && r.rev === 1);
    expect(JSON.parse(row?.body ?? '{}').hour).toBe(10);
  });

  test('the same id+rev twice within one batch: the second is a duplicate or a conflict', async () => {
    const record = visit();
    const reply = await postBatch(url, envelope([record, record, { ...record, hour: 9 }]), {
      token,
    });
    expect(BatchReply.parse(reply.json).results.map((r) => r.status)).toEqual([
      'accepted',
      'duplicate',
      'conflict',
    ]);
    expect(await stored()).toBe(1);
  });
});

describe('bad records in a good batch', () => {
  test('good records are stored, bad ones rejected with a Dutch reason', async () => {
    const good1 = visit();
    const good2 = visit({ hour: 11 });
    const records = [
      good1,
      visit({ naam: 'Jan Jansen' }),
      visit({ hour: 24 }),
      visit({ note: 'BSN 123456782' }),
      visit({ questions: [] }),
      good2,
      { id: randomUUID(), rev: 0, deleted: true },
      'een tekst',
      null,
    ];
    const reply = await postBatch(url, envelope(records), { token });
    expect(reply.status).toBe(200);
    const { results } = BatchReply.parse(reply.json);
    expect(results.map((r) => r.status)).toEqual([
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'accepted',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(await stored()).toBe(2);
    for (const result of results.filter((r) => r.status === 'rejected')) {
      expect(result.reason).toMatch(/^Niet geldig: /);
    }
    // Each rejection names the record it is about, where it could tell.
    expect(results[1]).toMatchObject({ id: (records[1] as { id: string }).id, rev: 1 });
    expect(results[7]).toMatchObject({ id: null, rev: null });
  });

  test('an extra field naam is refused, and the reason names it (strict records)', async () => {
    const record = visit({ naam: 'Jan' });
    const reply = await postBatch(url, envelope([record]), { token });
    const [result] = BatchReply.parse(reply.json).results;
    expect(result).toMatchObject({ id: record.id, rev: 1, status: 'rejected' });
    expect(result?.reason).toContain('naam');
    expect(await stored()).toBe(0);
  });

  test('the reason is in Dutch', async () => {
    const reply = await postBatch(url, envelope([visit({ hour: 'tien' })]), { token });
    const [result] = BatchReply.parse(reply.json).results;
    expect(result?.reason).toMatch(/hour/);
    expect(result?.reason).toMatch(/Ongeldig|verwacht|ongeldig/);
    expect(result?.reason).not.toMatch(/Invalid|expected/);
  });

  test('a reply about absurd records stays readable by the app, which then sees each refusal', async () => {
    const good = visit();
    const longKey = visit({ ['k'.repeat(5000)]: 1 });
    const records = [good, longKey, visit({ rev: 1e21 }), visit({ rev: 2 ** 53 + 2 })];
    const reply = await postBatch(url, envelope(records), { token });
    const parsed = BatchReply.safeParse(reply.json);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.results[1]?.reason?.length).toBeLessThanOrEqual(1000);
    expect(parsed.data?.results.slice(2).map((r) => [r.rev, r.status])).toEqual([
      [null, 'rejected'],
      [null, 'rejected'],
    ]);
    const refs = [good, longKey].map((r) => ({ id: r.id, rev: r.rev }));
    const decision = readReply(refs, { status: 200, retryAfter: null, body: reply.text }, 0);
    expect(decision).toMatchObject({
      kind: 'answered',
      acked: [refs[0]],
      rejected: [{ ...refs[1], reason: expect.stringContaining('Onbekende key') }],
    });
    expect(await stored()).toBe(1);
  });

  test('a record with a note guarded by the privacy guard is rejected on the server too', async () => {
    const reply = await postBatch(
      url,
      envelope([visit({ note: 'IBAN NL91ABNA0417164300 graag' })]),
      {
        token,
      },
    );
    const [result] = BatchReply.parse(reply.json).results;
    expect(result?.status).toBe('rejected');
    expect(result?.reason).toContain('note');
    expect(await stored()).toBe(0);
  });
});

describe('finding 9: the privacy guard on the server', () => {
  test.each([
    ['a BSN with a zero-width space', { note: 'bsn 1234\u200B56782' }, /herkenbaar/],
    ['a full-width ＠', { note: 'mail jan＠example.nl' }, /herkenbaar/],
    ['an (at) spelling', { note: 'mail jan(at)example.nl' }, /herkenbaar/],
    ['a soft hyphen in a phone number', { note: 'bel 06\u00AD12345678' }, /herkenbaar/],
    ['a no-break space in a postcode', { note: '1234\u00A0AB 12' }, /herkenbaar/],
    ['a NUL in the note', { note: 'tekst\u0000verborgen' }, /onzichtbare tekens/],
    ['a right-to-left override in the note', { note: 'brief\u202Efdp.exe' }, /onzichtbare tekens/],
    ['an escape in the location', { location: 'Centrum\u001b[2J' }, /onzichtbare tekens/],
  ])('%s is rejected with a Dutch reason and not stored', async (_what, over, reason) => {
    const record = visit(over);
    const reply = await postBatch(url, envelope([record]), { token });
    const [result] = BatchReply.parse(reply.json).results;
    expect(result).toMatchObject({ id: record.id, status: 'rejected' });
    expect(result?.reason).toMatch(reason);
    expect(await stored()).toBe(0);
  });

  test('a clean note with an @-free "at" is accepted', async () => {
    const reply = await postBatch(url, envelope([visit({ note: 'Uitleg at the desk, 👩‍💻.' })]), {
      token,
    });
    expect(BatchReply.parse(reply.json).results[0]?.status).toBe('accepted');
  });
});

describe('bad requests store nothing', () => {
  test('malformed JSON → 400', async () => {
    const reply = await postBatch(url, '{"batchId": "x", "records": [', { token, key: null });
    expect(expectError(reply, 400)).toMatch(/JSON/);
    expect(await stored()).toBe(0);
  });

  test.each([
    ['batchId not a UUID', envelope([visit()], { batchId: 'batch-1' })],
    ['deviceId a number', envelope([visit()], { deviceId: 12 })],
    ['records an object', envelope([], { records: { 0: visit() } })],
    ['no records', envelope([])],
    ['an extra envelope field', envelope([visit()], { user: 'jan' })],
    ['a JSON array', [visit()]],
    ['JSON null', null],
    ['too many records', envelope(Array.from({ length: 501 }, () => ({})))],
  ])('wrong envelope (%s) → 400 with a readable reason', async (_name, body) => {
    const reply = await postBatch(url, body, { token, key: null });
    expect(expectError(reply, 400)).toMatch(/^Niet geldig/);
    expect(await stored()).toBe(0);
  });

  test('the reason says which envelope field is wrong', async () => {
    const reply = await postBatch(url, envelope([visit()], { batchId: 'batch-1' }), {
      token,
      key: null,
    });
    expect(expectError(reply, 400)).toContain('batchId');
  });

  test('a 5 MB body → 413 and nothing stored', async () => {
    const records = Array.from({ length: 400 }, () => visit({ location: 'x'.repeat(80) }));
    const body = JSON.stringify(envelope(records)).padEnd(5 * 1024 * 1024, ' ');
    const reply = await postBatch(url, body, { token, key: null });
    expect(expectError(reply, 413)).toMatch(/1 MB/);
    expect(await stored()).toBe(0);
  });

  test('a body just over 1 MB sent without a length (chunked) → 413', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0)
          controller.enqueue(new TextEncoder().encode(JSON.stringify(envelope([visit()]))));
        if (sent >= 20) controller.close();
        else controller.enqueue(chunk);
        sent++;
      },
    });
    const response = await fetch(`${url}/api/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    await response.text();
    expect(await stored()).toBe(0);
  });

  test('the server still works after a too large body', async () => {
    const reply = await postBatch(url, envelope([visit()]), { token });
    expect(reply.status).toBe(200);
    expect(await stored()).toBe(1);
  });
});

describe('tokens', () => {
  test.each([
    ['no token', {}],
    ['an unknown token', { authorization: 'Bearer this-token-was-never-issued-0123456789' }],
    ['a malformed header', { authorization: `Token ${'x'.repeat(40)}` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('%s → 401 and nothing stored', async (_name, headers) => {
    const reply = await postBatch(url, envelope([visit()]), { headers });
    expect(expectError(reply, 401)).toMatch(/gekoppeld/);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer');
    expect(await stored()).toBe(0);
  });

  test('a revoked token → 401 and nothing stored; other devices keep working', async () => {
    const revoked = await server.store.createDevice('tablet-2');
    const other = await server.store.createDevice('tablet-3');
    expect((await postBatch(url, envelope([visit()]), { token: revoked.token })).status).toBe(200);
    expect(await server.store.revokeDevice('tablet-2')).toBe(1);
    const reply = await postBatch(url, envelope([visit()]), { token: revoked.token });
    expectError(reply, 401);
    expect(await stored()).toBe(1);
    expect((await postBatch(url, envelope([visit()]), { token: other.token })).status).toBe(200);
    expect(await stored()).toBe(2);
    // Revoking again revokes nothing more.
    expect(await server.store.revokeDevice('tablet-2')).toBe(0);
  });

  test('the bearer scheme is case-insensitive', async () => {
    const reply = await postBatch(url, envelope([visit()]), {
      headers: { authorization: `bearer ${token}` },
    });
    expect(reply.status).toBe(200);
  });

  test('GET /api/device tells a device its label, and refuses without a valid token', async () => {
    const mine = await fetch(`${url}/api/device`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({ label: 'test', role: 'desk' });
    const none = await fetch(`${url}/api/device`);
    expect(none.status).toBe(401);
    expect(ErrorReply.safeParse(await none.json()).success).toBe(true);
    const wrong = await fetch(`${url}/api/device`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    await wrong.text();
    const gone = await server.store.createDevice('tablet-weg');
    await server.store.revokeDevice(gone.device.id);
    const revoked = await fetch(`${url}/api/device`, {
      headers: { authorization: `Bearer ${gone.token}` },
    });
    expect(revoked.status).toBe(401);
    await revoked.text();
  });

  test('the store keeps only a hash of each token', async () => {
    const { token: secret, device } = await server.store.createDevice('tablet-hash');
    const listed = (await server.store.listDevices()).find((d) => d.id === device.id);
    expect(listed).toEqual({ ...device, revoked_at: null });
    expect(JSON.stringify(await server.store.listDevices())).not.toContain(secret);
  });
});

describe('other API routes', () => {
  test('GET /api/health answers ok', async () => {
    const response = await fetch(`${url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  // A file swapped away under a running server is SQLite's problem; PostgreSQL has no file.
  test.runIf(TEST_DATABASE === 'sqlite')(
    'GET /api/health tells the truth: 503 once the database file was swapped away',
    async () => {
      const own = mkdtempSync(join(tmpdir(), 'balie-health-'));
      const file = join(own, 'balie.sqlite');
      const other = await startServer({ store: await openTestStore({ file }) });
      try {
        const before = await fetch(`${other.url}/api/health`);
        expect(before.status).toBe(200);
        await before.text();
        renameSync(file, `${file}.weg`);
        writeFileSync(file, '');
        const after = await fetch(`${other.url}/api/health`);
        expect(after.status).toBe(503);
        expect(((await after.json()) as { error: string }).error).toMatch(/databasebestand/);
      } finally {
        await other.close();
        rmSync(own, { recursive: true, force: true });
      }
    },
  );

  test('an unknown /api route is a 404 in JSON', async () => {
    const response = await fetch(`${url}/api/x`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(ErrorReply.safeParse(await response.json()).success).toBe(true);
  });

  test('GET /api/batches is a 404, not a listing', async () => {
    const response = await fetch(`${url}/api/batches`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
    await response.text();
  });

  test('without a static dir, a page request is 405 in JSON', async () => {
    const response = await fetch(`${url}/some/page`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(ErrorReply.safeParse(await response.json()).success).toBe(true);
  });

  test('the dev token is not offered when none is configured', async () => {
    const response = await fetch(`${url}/api/dev-device`);
    expect(response.status).toBe(404);
    await response.text();
  });
});
