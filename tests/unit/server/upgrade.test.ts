// No silent loss across the organisation upgrade: a database made by the previous version
// (free-text locations, devices without an organisation) opens and migrates, its tokens keep
// working, and records written by the previous app (free-text location) upload after the
// update: mapped to the location made from that text, or rejected with a reason, never dropped.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../../../server/app';
import { DEFAULT_ORGANISATION_NAME } from '../../../server/migrations';
import { UNKNOWN_LOCATION } from '../../../server/record-location';
import { sha256 } from '../../../server/secrets';
import { BatchReply } from '../../../src/core/upload/reply';
import { envelope, openTestStore, postBatch, visit } from './helpers';

let dir: string;
let server: RunningServer;
const TOKEN = 'token-van-de-vorige-versie-0123456789abcdef';

/** The tables as version 3 (before the organisation) left them. */
function previousVersionDatabase(file: string): void {
  const db = new Database(file);
  db.exec(`
    PRAGMA journal_mode = WAL;
    CREATE TABLE devices (id TEXT PRIMARY KEY, label TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL, revoked_at TEXT,
      role TEXT NOT NULL DEFAULT 'desk' CHECK (role IN ('desk', 'manager')));
    CREATE TABLE records (id TEXT NOT NULL, rev INTEGER NOT NULL, deleted INTEGER NOT NULL, location TEXT,
      day TEXT, body TEXT NOT NULL, content_hash TEXT NOT NULL, device_id TEXT NOT NULL,
      batch_id TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (id, rev)) WITHOUT ROWID;
    CREATE INDEX records_by_location_day ON records (location, day);
    CREATE TABLE batches (batch_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, body_hash TEXT NOT NULL,
      reply TEXT NOT NULL, received_at TEXT NOT NULL, reply_bytes INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE map (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL, etag TEXT NOT NULL,
      partners INTEGER NOT NULL, device_id TEXT NOT NULL, published_at TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1);
    CREATE TABLE map_versions (version INTEGER PRIMARY KEY, body TEXT NOT NULL, etag TEXT NOT NULL,
      partners INTEGER NOT NULL, device_id TEXT NOT NULL, published_at TEXT NOT NULL, restored_from INTEGER);
    PRAGMA user_version = 3;
  `);
  // Created long ago and not used since: it must keep working after the upgrade.
  db.prepare('INSERT INTO devices (id, label, token_hash, created_at) VALUES (?, ?, ?, ?)').run(
    'd1',
    'balie 1e etage',
    sha256(TOKEN),
    '2025-01-01T00:00:00.000Z',
  );
  const insert = db.prepare(
    `INSERT INTO records (id, rev, deleted, location, day, body, content_hash, device_id, batch_id, received_at)
     VALUES (?, 1, 0, ?, '2026-10-01', '{}', 'h', 'd1', 'b', ?)`,
  );
  insert.run('a', 'Bibliotheek Centrum', '2026-10-01T10:00:00.000Z');
  insert.run('b', 'bibliotheek  centrum', '2026-10-02T10:00:00.000Z');
  insert.run('c', 'Spreekuur De Linde', '2026-10-03T10:00:00.000Z');
  insert.run('d', 'Bibliotheek Centrum', '2026-10-04T10:00:00.000Z');
  db.close();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'balie-upgrade-'));
  mkdirSync(join(dir, 'data'));
  const file = join(dir, 'data', 'balie.sqlite');
  previousVersionDatabase(file);
  server = await startServer({ store: await openTestStore({ file }) });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the migration makes one organisation and one location per distinct free text', async () => {
  const organisation = await server.store.org.organisation();
  expect(organisation.name).toBe(DEFAULT_ORGANISATION_NAME);
  const locations = await server.store.org.locations(organisation.id);
  expect(locations.map((location) => location.name)).toEqual([
    'Bibliotheek Centrum',
    'Spreekuur De Linde',
  ]);
  expect(locations.every((location) => location.active)).toBe(true);
  // The device sits where it registered last.
  const [device] = await server.store.org.devices(organisation.id);
  expect(device?.locationId).toBe(locations[0]?.id);
});

test('an existing token keeps working, in the new organisation', async () => {
  const me = await fetch(`${server.url}/api/device`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(me.status).toBe(200);
  const body = (await me.json()) as { label: string; organisation: { name: string } };
  expect(body.label).toBe('balie 1e etage');
  expect(body.organisation.name).toBe(DEFAULT_ORGANISATION_NAME);
});

test("the previous app's outbox uploads: known names mapped, unknown ones rejected with the reason, none lost", async () => {
  const records = [
    visit({ location: 'Bibliotheek Centrum' }),
    visit({ location: 'spreekuur de linde' }),
    visit({ location: 'Bibliotheek Oost' }),
    { id: visit().id, rev: 2, deleted: true },
  ];
  const reply = await postBatch(server.url, envelope(records), { token: TOKEN });
  expect(reply.status).toBe(200);
  const { results } = BatchReply.parse(reply.json);
  // Every record is answered: accepted (stored with its location id) or rejected with a reason
  // the device shows and keeps; nothing is acknowledged without being stored.
  expect(results).toHaveLength(records.length);
  expect(results.map((result) => result.status)).toEqual([
    'accepted',
    'accepted',
    'rejected',
    'accepted',
  ]);
  expect(results[2]?.reason).toBe(UNKNOWN_LOCATION('Bibliotheek Oost'));
  const db = new Database(join(dir, 'data', 'balie.sqlite'), { readonly: true });
  const stored = db
    .prepare<[], { id: string; location: string | null; location_id: string | null }>(
      'SELECT id, location, location_id FROM records ORDER BY received_at',
    )
    .all();
  db.close();
  const ids = new Map(
    (await server.store.org.locations((await server.store.org.organisation()).id)).map(
      (location) => [location.name, location.id],
    ),
  );
  const byId = new Map(stored.map((row) => [row.id, row]));
  // Old rows got their location id in the migration; new ones on arrival.
  expect(byId.get('b')?.location_id).toBe(ids.get('Bibliotheek Centrum'));
  expect(byId.get('c')?.location_id).toBe(ids.get('Spreekuur De Linde'));
  expect(byId.get(records[0]?.id ?? '')?.location_id).toBe(ids.get('Bibliotheek Centrum'));
  expect(byId.get(records[1]?.id ?? '')?.location_id).toBe(ids.get('Spreekuur De Linde'));
  expect(byId.has(records[2]?.id ?? '')).toBe(false);
  // The record as the device sent it is kept whole (its free text too).
  expect(byId.get(records[1]?.id ?? '')?.location).toBe('spreekuur de linde');
  // The manager names the location; the device resends the refused record, now accepted.
  const organisation = (await server.store.org.organisation()).id;
  const oost = await server.store.org.addLocation(organisation, {
    name: 'Bibliotheek Oost',
    gemeente: 'Utrecht',
    kind: 'vaste-balie',
    hours: '',
    staffing: '',
  });
  if (oost === 'taken') throw new Error('taken');
  const again = await postBatch(server.url, envelope([records[2]]), { token: TOKEN });
  expect(BatchReply.parse(again.json).results[0]?.status).toBe('accepted');
});
