// Finding 5 and part of 8: a batch the endpoint acknowledged is on disk, the data files
// are the server user's only, and a database made by an older version still opens. The real server process is killed with SIGKILL right after
// its reply, then the file is opened again.

import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addTestLocation, envelope, openTestStore, postBatch, visit } from './helpers';
import { spawnServer } from './process';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'balie-durable-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('commits are synced before the reply: WAL with synchronous = FULL', async () => {
  const store = await openTestStore({ file: join(dir, 'settings', 'balie.sqlite') });
  expect(await store.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
  await store.close();
});

test('an acknowledged batch is there after SIGKILL right after the reply', async () => {
  const data = join(dir, 'killed');
  const setup = await openTestStore({ file: join(data, 'balie.sqlite') });
  await addTestLocation(setup);
  const { token } = await setup.createDevice('tablet', 'desk');
  await setup.close();

  const server = await spawnServer({ BALIE_DATA_DIR: data });
  const records = Array.from({ length: 200 }, (_, i) => visit({ hour: 8 + (i % 10) }));
  const batch = envelope(records);
  const reply = await postBatch(server.url, batch, { token });
  // Killed the moment the reply is read: no clean shutdown, no checkpoint.
  server.child.kill('SIGKILL');
  expect((await server.exited).signal).toBe('SIGKILL');
  expect(reply.status).toBe(200);
  const acked = (reply.json as { results: { status: string }[] }).results;
  expect(acked.every((result) => result.status === 'accepted')).toBe(true);

  const db = new Database(join(data, 'balie.sqlite'), { readonly: true });
  const ids = db
    .prepare<[string], { id: string }>('SELECT id FROM records WHERE batch_id = ?')
    .all(batch.batchId);
  const stored = new Set(ids.map((row) => row.id));
  db.close();
  expect(records.every((record) => stored.has(record.id))).toBe(true);
  expect(stored.size).toBe(200);
}, 30_000);

test('the data directory is 0700 and the database files are 0600', async () => {
  const data = join(dir, 'private');
  const store = await openTestStore({ file: join(data, 'balie.sqlite') });
  await store.createDevice('x', 'desk');
  for (const file of ['balie.sqlite', 'balie.sqlite-wal', 'balie.sqlite-shm']) {
    expect((statSync(join(data, file)).mode & 0o777).toString(8), file).toBe('600');
  }
  expect((statSync(data).mode & 0o777).toString(8)).toBe('700');
  await store.close();
});

test('a database made before roles existed opens, and its devices are desk devices', async () => {
  const file = join(dir, 'old', 'balie.sqlite');
  mkdirSync(join(dir, 'old'));
  const db = new Database(file);
  db.exec(`
    CREATE TABLE devices (id TEXT PRIMARY KEY, label TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL, revoked_at TEXT);
    CREATE TABLE map (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL, etag TEXT NOT NULL,
      partners INTEGER NOT NULL, device_id TEXT NOT NULL, published_at TEXT NOT NULL);
    INSERT INTO devices VALUES ('d1', 'oude balie', 'hash', '2026-01-01T00:00:00.000Z', NULL);
  `);
  db.close();
  const store = await openTestStore({ file });
  expect(await store.listDevices()).toEqual([
    {
      id: 'd1',
      label: 'oude balie',
      role: 'desk',
      created_at: '2026-01-01T00:00:00.000Z',
      revoked_at: null,
    },
  ]);
  await store.close();
  // Opening again runs no step twice.
  await (await openTestStore({ file })).close();
});
