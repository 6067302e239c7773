// The endpoint's database (SQLite): opening and migrating it, and each batch stored in one
// transaction with a replayable reply (one record at a time: record-writer.ts). Device tokens
// are device-store.ts, the published map map-store.ts, the organisation org-store.ts and
// manager-store.ts, the report tables report-tables.ts.

import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ClientInfo } from '../src/core/upload/batch';
import type { RecordResult } from '../src/core/upload/reply';
import { openDeviceStore } from './device-store';
import { openManagerStore } from './manager-store';
import { openMapStore } from './map-store';
import { migrate } from './migrations';
import { openOrgStore } from './org-store';
import { openRecordWriter } from './record-writer';
import { reportQueries } from './report-query';
import { sha256 } from './secrets';

export { sha256 };

// synchronous = FULL: in WAL mode every commit is synced to disk before better-sqlite3
// returns, so a reply is only sent for a batch that survives a power cut. NORMAL may lose the
// last commits in an OS crash after the device was told they were stored, and the device then
// forgets them. The measured cost is in docs/protocol.md ("Durability").
const SCHEMA = `
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = FULL;
  CREATE TABLE IF NOT EXISTS devices (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE TABLE IF NOT EXISTS records (
    id TEXT NOT NULL,
    rev INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    location TEXT,
    day TEXT,
    body TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    device_id TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (id, rev)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS records_by_location_day ON records (location, day);
  CREATE TABLE IF NOT EXISTS batches (
    batch_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    reply TEXT NOT NULL,
    received_at TEXT NOT NULL
  );
  -- The sociale kaart as last published: one row, replaced whole by each publish.
  CREATE TABLE IF NOT EXISTS map (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    body TEXT NOT NULL,
    etag TEXT NOT NULL,
    partners INTEGER NOT NULL,
    device_id TEXT NOT NULL,
    published_at TEXT NOT NULL
  );
`;

/** The sending device, as far as storing a batch needs it. */
export interface Sender {
  readonly id: string;
  readonly organisation_id: string;
}

export type IngestOutcome =
  | { readonly kind: 'stored'; readonly results: RecordResult[]; readonly replayed: boolean }
  | { readonly kind: 'key-reused' };

export type Store = ReturnType<typeof openStore>;

export interface StoreOptions {
  /** The clock (ms since 1970); tests pass a fake one for 24 hours, 180 days and lockouts. */
  readonly now?: () => number;
}

export function openStore(file: string, options: StoreOptions = {}) {
  const now = options.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  if (file !== ':memory:') keepPrivate(file);
  const db = new Database(file);
  db.exec(SCHEMA);
  migrate(db, now);
  if (file !== ':memory:') keepPrivate(file);
  const inode = file === ':memory:' ? undefined : statSync(file).ino;

  const noteUpload = db.prepare(
    `UPDATE devices SET last_upload_at = ?, last_seen_at = ?,
       app_version = COALESCE(?, app_version), unsent_at_last_upload = ? WHERE id = ?`,
  );
  const storeRecord = openRecordWriter(db);
  const findBatch = db.prepare<[string], { body_hash: string; reply: string; device_id: string }>(
    'SELECT body_hash, reply, device_id FROM batches WHERE batch_id = ?',
  );
  const insertBatch = db.prepare(
    'INSERT INTO batches (batch_id, device_id, body_hash, reply, reply_bytes, received_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const replyBytes = db.prepare<[string, string], { bytes: number }>(
    'SELECT COALESCE(SUM(reply_bytes), 0) AS bytes FROM batches WHERE device_id = ? AND received_at >= ?',
  );

  const ingest = db.transaction(
    (
      rawBatchId: string,
      device: Sender,
      bodyHash: string,
      records: unknown[],
      client: ClientInfo | undefined,
    ): IngestOutcome => {
      const batchId = rawBatchId.toLowerCase();
      const deviceId = device.id;
      const receivedAt = iso();
      noteUpload.run(
        receivedAt,
        receivedAt,
        client?.version ?? null,
        client?.unsent ?? null,
        deviceId,
      );
      const earlier = findBatch.get(batchId);
      if (earlier) {
        // A reply is only replayed to the device it was given to.
        if (earlier.body_hash !== bodyHash || earlier.device_id !== deviceId) {
          return { kind: 'key-reused' };
        }
        return { kind: 'stored', results: JSON.parse(earlier.reply), replayed: true };
      }
      const results = records.map((value) => storeRecord(value, device, batchId, receivedAt));
      const reply = JSON.stringify(results);
      insertBatch.run(batchId, deviceId, bodyHash, reply, Buffer.byteLength(reply), receivedAt);
      return { kind: 'stored', results, replayed: false };
    },
  );

  const org = openOrgStore(db, now);
  const managers = openManagerStore(db, now);
  const maps = openMapStore(db, iso, () => org.organisation().id);
  const devices = openDeviceStore(db, now, () => org.organisation().id);

  return {
    /** The organisation, its locations, koppelcodes, devices, answer lists and audit log. */
    org,
    /** Managers, their sessions and failed sign-ins. */
    managers,

    /** The organisation's report over a period, from the report tables (report-query.ts). */
    report: reportQueries(db),

    ...maps,

    /** Stores a batch from `device`; `client` is what the app said about itself. */
    ingest(
      batchId: string,
      device: Sender,
      bodyHash: string,
      records: unknown[],
      client?: ClientInfo,
    ) {
      return ingest(batchId, device, bodyHash, records, client);
    },

    /** Bytes of batch replies stored for a device since a moment (ISO time). */
    replyBytesSince(deviceId: string, since: string): number {
      return replyBytes.get(deviceId, since)?.bytes ?? 0;
    },

    ...devices,

    /** Why the store cannot take batches now, or undefined when it can. */
    healthProblem(): string | undefined {
      try {
        db.prepare('SELECT COUNT(*) FROM devices').get();
        if (inode !== undefined && statSync(file).ino !== inode) {
          return 'Het databasebestand is vervangen of weggehaald terwijl de server draaide.';
        }
        return undefined;
      } catch {
        return 'De database is niet bereikbaar.';
      }
    },

    /** How commits reach the disk, for the durability test. */
    durability(): { journalMode: string; synchronous: number } {
      return {
        journalMode: db.pragma('journal_mode', { simple: true }) as string,
        synchronous: db.pragma('synchronous', { simple: true }) as number,
      };
    },

    countRecords(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM records').get() as { n: number }).n;
    },

    /** Every stored revision, for tests and exports. */
    allRecords(): { id: string; rev: number; deleted: number; body: string }[] {
      return db
        .prepare<[], { id: string; rev: number; deleted: number; body: string }>(
          'SELECT id, rev, deleted, body FROM records ORDER BY id, rev',
        )
        .all();
    },

    close() {
      db.close();
    },
  };
}

/**
 * The data directory and files are for the server's user only (registrations, token hashes).
 * A new directory is made 0700; the database file is made 0600 before SQLite opens it, so the
 * -wal and -shm files SQLite creates next to it get the same mode; older files are tightened.
 * An existing directory is left as it is: it may be one the operator chose (or /tmp).
 */
function keepPrivate(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path) && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  }
}
