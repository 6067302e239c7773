// The uploader (src/data/sync.ts) against scripted endpoint replies, with a fixed clock.

import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Device } from '../../../src/core/upload/enrolment';
import { DEFAULT_BATCH_LIMIT } from '../../../src/core/upload/outbox';
import { BalieDb } from '../../../src/data/db';
import { countQueued, readRetryState } from '../../../src/data/desk-reads';
import { saveVisit } from '../../../src/data/desk-writes';
import { type Locks, runSync, type SyncDeps } from '../../../src/data/sync';
import { visitContent } from '../../support/visits';

const device: Device = {
  endpoint: 'https://balie.example/api',
  token: 'a-token-of-sixteen-chars',
  deviceId: randomUUID(),
  location: 'Bibliotheek Teststad',
};

type Script = (body: {
  batchId: string;
  records: { id: string; rev: number }[];
}) => Response | Error;

let db: BalieDb;
let clock: number;
let requests: { batchId: string; ids: string[]; headers: Headers; body: string }[];

function deps(script: Script, locks: Locks = freeLocks()): SyncDeps {
  return {
    db,
    readDevice: async () => device,
    fetch: async (_input, init) => {
      const body = JSON.parse(String(init?.body));
      requests.push({
        batchId: body.batchId,
        ids: body.records.map((r: { id: string }) => r.id),
        headers: new Headers(init?.headers),
        body: String(init?.body),
      });
      const answer = script(body);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    locks,
    now: () => clock,
    random: () => 0.5,
    newId: randomUUID,
  };
}

function freeLocks(): Locks {
  let held = false;
  return {
    async request(_name, _options, callback) {
      if (held) return callback(null);
      held = true;
      try {
        return await callback({});
      } finally {
        held = false;
      }
    },
  };
}

const acceptAll: Script = (body) =>
  Response.json({
    results: body.records.map((r) => ({ id: r.id, rev: r.rev, status: 'accepted' })),
  });

async function saveMany(count: number) {
  for (let i = 0; i < count; i++) {
    await saveVisit(
      db.desk,
      { id: randomUUID(), content: visitContent(), partners: [null] },
      clock + i,
    );
  }
}

beforeEach(async () => {
  db = new BalieDb(`test-${randomUUID()}`);
  await db.open();
  clock = Date.parse('2026-11-23T16:00:00Z');
  requests = [];
});

afterEach(async () => {
  await db.delete();
});

describe('runSync', () => {
  test('uploads everything in batches with the protocol headers, then records the success', async () => {
    await saveMany(2 * DEFAULT_BATCH_LIMIT + 50);
    const result = await runSync(deps(acceptAll), 'manual');
    expect(result).toEqual({ outcome: 'done', sent: 2 * DEFAULT_BATCH_LIMIT + 50 });
    expect(requests.map((r) => r.ids.length)).toEqual([
      DEFAULT_BATCH_LIMIT,
      DEFAULT_BATCH_LIMIT,
      50,
    ]);
    const [first] = requests;
    expect(first?.headers.get('idempotency-key')).toBe(first?.batchId);
    expect(first?.headers.get('authorization')).toBe(`Bearer ${device.token}`);
    expect(await countQueued(db.desk)).toBe(0);
    expect(await readRetryState(db.desk)).toMatchObject({
      attempts: 0,
      lastSuccessAt: clock,
      lastError: null,
    });
  });

  test('a plain endpoint that answers 204 with no body acknowledges the batch', async () => {
    await saveMany(3);
    const result = await runSync(
      deps(() => new Response(null, { status: 204 })),
      'manual',
    );
    expect(result.sent).toBe(3);
    expect(await countQueued(db.desk)).toBe(0);
  });

  test('a 500 keeps everything, backs off, and the next try resends the very same batch', async () => {
    await saveMany(5);
    const failing = await runSync(
      deps(() => new Response('boom', { status: 500 })),
      'manual',
    );
    expect(failing.outcome).toBe('failed');
    expect(await countQueued(db.desk)).toBe(5);
    const retry = await readRetryState(db.desk);
    expect(retry.attempts).toBe(1);
    expect(retry.lastError).toMatchObject({ code: 'server-error', status: 500 });
    expect(retry.nextTryAt).toBeGreaterThan(clock);

    // The timer waits for the back-off; coming online does not.
    expect((await runSync(deps(acceptAll), 'timer')).outcome).toBe('waiting');
    expect((await runSync(deps(acceptAll), 'online')).outcome).toBe('done');
    expect(requests[1]?.batchId).toBe(requests[0]?.batchId);
    expect(requests[1]?.body).toBe(requests[0]?.body);
    expect(await db.batches.count()).toBe(0);
  });

  test('a failure while the next batch was already taken: the next run sends each batch once, under its own id', async () => {
    await saveMany(DEFAULT_BATCH_LIMIT + 10);
    const failing = await runSync(
      deps(() => new Response('boom', { status: 500 })),
      'manual',
    );
    expect(failing.outcome).toBe('failed');
    expect(requests).toHaveLength(1);
    expect(await db.batches.count()).toBe(2);

    expect(await runSync(deps(acceptAll), 'online')).toEqual({
      outcome: 'done',
      sent: DEFAULT_BATCH_LIMIT + 10,
    });
    const [first, ...again] = requests;
    expect(again).toHaveLength(2);
    expect(again.find((r) => r.batchId === first?.batchId)?.body).toBe(first?.body);
    const ids = again.flatMap((r) => r.ids);
    expect(new Set(ids).size).toBe(DEFAULT_BATCH_LIMIT + 10);
    expect(ids).toHaveLength(DEFAULT_BATCH_LIMIT + 10);
    expect(await db.batches.count()).toBe(0);
    expect(await db.queue.count()).toBe(0);
  });

  test('a 413 for one of two open batches leaves the other open, sent again under its own id', async () => {
    await saveMany(DEFAULT_BATCH_LIMIT + 10);
    await runSync(
      deps(() => new Response('boom', { status: 500 })),
      'manual',
    );
    const [sent] = requests;
    const open = (await db.batches.toArray()).map((row) => row.batchId);
    expect(open).toHaveLength(2);

    let refused = '';
    const tooLargeOnce: Script = (body) => {
      if (refused) return acceptAll(body);
      refused = body.batchId;
      return new Response('', { status: 413 });
    };
    expect((await runSync(deps(tooLargeOnce), 'online')).outcome).toBe('done');
    const other = open.find((id) => id !== refused);
    const again = requests.slice(2).find((r) => r.batchId === other);
    expect(again).toBeDefined();
    if (other === sent?.batchId) expect(again?.body).toBe(sent?.body);
    expect(await db.queue.count()).toBe(0);
  });

  test('a network error or time-out keeps every record', async () => {
    await saveMany(2);
    const result = await runSync(
      deps(() => new TypeError('fetch failed')),
      'manual',
    );
    expect(result.outcome).toBe('failed');
    expect((await readRetryState(db.desk)).lastError?.code).toBe('network');
    expect(await countQueued(db.desk)).toBe(2);
  });

  test('413 splits the batch until the endpoint accepts it', async () => {
    await saveMany(8);
    const script: Script = (body) =>
      body.records.length > 2 ? new Response('', { status: 413 }) : acceptAll(body);
    const result = await runSync(deps(script), 'manual');
    expect(result).toEqual({ outcome: 'done', sent: 8 });
    expect(requests.map((r) => r.ids.length)).toEqual([8, 4, 2, 2, 2, 2]);
  });

  test('a single record that is still too large is refused locally, not dropped', async () => {
    await saveMany(1);
    const result = await runSync(
      deps(() => new Response('', { status: 413 })),
      'manual',
    );
    expect(result.outcome).toBe('done');
    const [entry] = await db.queue.toArray();
    expect(entry?.state).toBe('rejected');
    expect(entry?.reasonCode).toBe('too-large');
  });

  test('429 with Retry-After makes even the button wait until then', async () => {
    await saveMany(1);
    const busy = () => new Response('', { status: 429, headers: { 'retry-after': '120' } });
    await runSync(deps(busy), 'manual');
    expect((await readRetryState(db.desk)).waitUntil).toBe(clock + 120_000);
    expect((await runSync(deps(acceptAll), 'manual')).outcome).toBe('waiting');
    clock += 121_000;
    expect((await runSync(deps(acceptAll), 'manual')).outcome).toBe('done');
  });

  test('401 stops uploading until the device is linked again, keeping every record', async () => {
    await saveMany(2);
    await runSync(
      deps(() => new Response('', { status: 401 })),
      'manual',
    );
    expect((await readRetryState(db.desk)).blocked).toBe(true);
    expect((await runSync(deps(acceptAll), 'online')).outcome).toBe('waiting');
    expect(await countQueued(db.desk)).toBe(2);
  });

  test('a 2xx that is not a readable reply (a captive portal) acknowledges nothing', async () => {
    await saveMany(2);
    const portal = () => new Response('<html>Log in op het wifi-netwerk</html>', { status: 200 });
    expect((await runSync(deps(portal), 'manual')).outcome).toBe('failed');
    expect(await countQueued(db.desk)).toBe(2);
    expect((await readRetryState(db.desk)).lastError?.code).toBe('unreadable-reply');
  });

  test('records the reply leaves out stay queued and count as a failed try', async () => {
    await saveMany(2);
    const partial: Script = (body) =>
      Response.json({
        results: body.records.slice(0, 1).map((r) => ({ ...r, status: 'accepted' })),
      });
    expect((await runSync(deps(partial), 'manual')).outcome).toBe('failed');
    expect(await countQueued(db.desk)).toBe(1);
  });

  test('only one uploader runs at a time', async () => {
    await saveMany(1);
    const locks = freeLocks();
    let release = () => {};
    let uploading = () => {};
    // Waits for the first uploader to be inside its upload (holding the lock), not for a time.
    const inside = new Promise<void>((resolve) => {
      uploading = resolve;
    });
    const slow: Script = (body) => acceptAll(body);
    const first = runSync(
      {
        ...deps(slow, locks),
        fetch: async (input, init) => {
          await new Promise<void>((resolve) => {
            release = resolve;
            uploading();
          });
          return deps(slow).fetch(input, init);
        },
      },
      'manual',
    );
    await inside;
    expect(await runSync(deps(acceptAll, locks), 'manual')).toEqual({ outcome: 'busy', sent: 0 });
    release();
    expect((await first).outcome).toBe('done');
  });

  test('nothing to send and not enrolled are told apart', async () => {
    expect((await runSync(deps(acceptAll), 'manual')).outcome).toBe('nothing-to-send');
    const unenrolled = { ...deps(acceptAll), readDevice: async () => undefined };
    expect((await runSync(unenrolled, 'manual')).outcome).toBe('not-enrolled');
  });
});
