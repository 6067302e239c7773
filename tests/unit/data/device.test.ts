// The device's side of the organisation against a real IndexedDB implementation: a contact
// with the endpoint (facts, lists, a revoked token), a refused location fixed as a new
// revision, the batch's client info kept for a resend, and the PIN's slow hash.

import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { hideOption, NO_CUSTOMISATION } from '../../../src/core/registration/catalogue';
import type { Device } from '../../../src/core/upload/enrolment';
import { BalieDb } from '../../../src/data/db';
import { readCustomisation, readRetryState } from '../../../src/data/desk-reads';
import { saveVisit } from '../../../src/data/desk-writes';
import { contactEndpoint } from '../../../src/data/linking';
import { changeCustomisation } from '../../../src/data/list-writes';
import { readPin, savePin } from '../../../src/data/lock-settings';
import { hashPin, pinMatches } from '../../../src/data/pin';
import { retryWithLocation } from '../../../src/data/registration-writes';
import { readDevice, saveDevice } from '../../../src/data/settings';
import { runSync } from '../../../src/data/sync';
import { applyAnswer, claimBatch } from '../../../src/data/upload-writes';
import { visitContent } from '../../support/visits';

const CENTRUM = { id: '5b2f8c1e-7d3a-4e6b-9f0c-2a4d6e8f1b3c', name: 'Bibliotheek Centrum' };
const LOPEND = { id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d', name: 'Lopend IDO' };

const device: Device = {
  endpoint: 'https://balie.example.nl/api',
  token: 't'.repeat(43),
  location: 'Bibliotheek Centrum',
  deviceId: '0b7e4f52-1a9c-4d8e-a3f6-5c2d9e8b7a14',
};

let db: BalieDb;

beforeEach(async () => {
  db = new BalieDb(`test-${randomUUID()}`);
  await db.open();
  await saveDevice(device);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json(body, { status })),
  );
}

const reply = (revision: number) => ({
  device: { id: randomUUID(), label: 'Tablet', role: 'desk' },
  organisation: { id: randomUUID(), name: 'Bibliotheek Rivierenland' },
  location: { ...CENTRUM, gemeente: 'Houten', kind: 'vaste-balie', active: true },
  locations: [CENTRUM, LOPEND, { id: 'not-a-uuid', name: 'Kapot' }],
  catalogue: { revision, hidden: ['channels:telefoon'], added: [] },
  screenLock: { minutes: 5 },
});

describe('a contact with the endpoint', () => {
  test('takes in the location id, locations, role and lock, and the organisation lists', async () => {
    answer(200, reply(3));
    const result = await contactEndpoint(db, device, 1_000);
    expect(result.contact).toBe('updated');
    expect(await readDevice()).toMatchObject({
      locationId: CENTRUM.id,
      organisation: 'Bibliotheek Rivierenland',
      role: 'desk',
      locations: [CENTRUM, LOPEND],
      screenLock: { minutes: 5 },
      listsRevision: 3,
    });
    expect(await readCustomisation(db.desk)).toEqual({
      revision: 3,
      hidden: ['channels:telefoon'],
      added: [],
    });
  });

  test('keeps the local lists while the organisation has sent none (revision 0)', async () => {
    await changeCustomisation(db, (current) => hideOption(current, 'needs', 'meekijken'));
    const local = await readCustomisation(db.desk);
    answer(200, reply(0));
    await contactEndpoint(db, device, 1_000);
    expect(await readCustomisation(db.desk)).toEqual(local);
    expect(local).not.toEqual(NO_CUSTOMISATION);
  });

  test('a revoked token stops uploading and keeps everything', async () => {
    await saveVisit(db.desk, { id: randomUUID(), content: visitContent(), partners: [null] }, 1);
    answer(401, { error: 'Dit apparaat is ontkoppeld door de beheerder.', code: 'revoked' });
    expect((await contactEndpoint(db, device, 2_000)).contact).toBe('refused');
    expect(await readRetryState(db.desk)).toMatchObject({
      blocked: true,
      lastError: { code: 'auth', status: 401, at: 2_000 },
    });
    expect(await db.queue.count()).toBe(1);
    expect(await readDevice()).toEqual(device);
  });

  test('no answer changes nothing', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    expect((await contactEndpoint(db, device, 1)).contact).toBe('unreachable');
    expect((await readRetryState(db.desk)).blocked).toBe(false);
  });

  test('an answer for a token the device no longer has is not kept (linked again meanwhile)', async () => {
    answer(200, reply(1));
    await saveDevice({ ...device, token: 'n'.repeat(43) });
    await contactEndpoint(db, device, 1);
    expect(await readDevice()).not.toHaveProperty('locationId');
  });
});

describe('a visit refused for its location', () => {
  test('is queued again as a new revision with the chosen location id', async () => {
    const id = randomUUID();
    const content = visitContent({ location: 'Oude vestiging' });
    await saveVisit(db.desk, { id, content, partners: [null] }, 1);
    const batch = await claimBatch(db, {
      limit: 10,
      maxBytes: 100_000,
      newBatchId: randomUUID,
      client: (records) => ({ version: '0.2.0', unsent: records }),
    });
    if (!batch) throw new Error('expected a batch');
    await applyAnswer(db, batch, {
      acked: [],
      rejected: [{ id, rev: 1, reason: "Onbekende locatie 'Oude vestiging'." }],
      conflicts: [],
      unanswered: [],
    });
    expect(await retryWithLocation(db, { id, rev: 1 }, LOPEND.id, 5)).toBe(true);
    const entries = await db.queue.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ rev: 2, state: 'queued', record: { location: LOPEND.id } });
    expect((await db.visits.get(id))?.content.location).toBe(LOPEND.id);
    // A queued record is not "fixed" again.
    expect(await retryWithLocation(db, { id, rev: 2 }, CENTRUM.id, 6)).toBe(false);
  });
});

describe("a batch's client info", () => {
  test('is made once per batch, so a resend is the very same body', async () => {
    await saveVisit(db.desk, { id: randomUUID(), content: visitContent(), partners: [null] }, 1);
    const claim = (version: string) =>
      claimBatch(db, {
        limit: 10,
        maxBytes: 100_000,
        newBatchId: randomUUID,
        client: (records) => ({ version, unsent: records + 2 }),
      });
    const first = await claim('0.2.0');
    const again = await claim('0.3.0');
    expect(first?.client).toEqual({ version: '0.2.0', unsent: 3 });
    expect(again?.batchId).toBe(first?.batchId);
    expect(again?.client).toEqual(first?.client);
    if (!first) throw new Error('expected a batch');
    await applyAnswer(db, first, {
      acked: [],
      rejected: [],
      conflicts: [],
      unanswered: first.entries,
    });
    const next = await claim('0.3.0');
    expect(next?.batchId).not.toBe(first?.batchId);
    expect(next?.client).toEqual({ version: '0.3.0', unsent: 3 });
  });
});

describe('the batch envelope', () => {
  test("tells the app's version and how many records were still unsent", async () => {
    for (let i = 0; i < 3; i++) {
      await saveVisit(db.desk, { id: randomUUID(), content: visitContent(), partners: [null] }, i);
    }
    const bodies: { client?: unknown; records: { id: string; rev: number }[] }[] = [];
    const result = await runSync(
      {
        db,
        readDevice: async () => device,
        fetch: async (_input, init) => {
          const body = JSON.parse(String(init?.body));
          bodies.push(body);
          return Response.json({
            results: body.records.map((r: { id: string; rev: number }) => ({
              ...r,
              status: 'accepted',
            })),
          });
        },
        locks: { request: (_name, _options, callback) => callback({}) },
        now: () => 10,
        random: () => 0.5,
        newId: randomUUID,
      },
      'manual',
    );
    expect(result.sent).toBe(3);
    expect(bodies[0]?.client).toEqual({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      unsent: 3,
    });
  });
});

describe('the screen lock PIN', () => {
  test('is kept as a salted PBKDF2 hash that only the right PIN matches', async () => {
    const stored = await hashPin('2468');
    expect(stored.iterations).toBeGreaterThanOrEqual(100_000);
    expect(JSON.stringify(stored)).not.toContain('2468');
    expect((await hashPin('2468')).salt).not.toBe(stored.salt);
    await savePin(stored);
    const read = await readPin();
    expect(read).toEqual(stored);
    expect(await pinMatches('2468', stored)).toBe(true);
    expect(await pinMatches('2469', stored)).toBe(false);
  });
});
