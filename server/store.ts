// The endpoint's database (SQLite): registration revisions, replayable batch replies, devices,
// and the branch's published sociale kaart. Each batch is stored in one transaction; each
// (id, rev) at most once.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { parseUploadRecord, type RecordResult } from '../src/core/schema';
import { canonicalJson } from './canonical';
import { describeIssues } from './reasons';

const SCHEMA = `
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = NORMAL;
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

export interface DeviceRow {
  readonly id: string;
  readonly label: string;
  readonly created_at: string;
  readonly revoked_at: string | null;
}

export interface PublishedMap {
  readonly body: string;
  /** A strong validator: the hash of the body, quoted as HTTP wants it. */
  readonly etag: string;
  readonly partners: number;
  readonly publishedAt: string;
}

export type IngestOutcome =
  | { readonly kind: 'stored'; readonly results: RecordResult[]; readonly replayed: boolean }
  | { readonly kind: 'key-reused' };

export type Store = ReturnType<typeof openStore>;

export function openStore(file: string) {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.exec(SCHEMA);
  const inode = file === ':memory:' ? undefined : statSync(file).ino;

  const findRecord = db.prepare<[string, number], { content_hash: string }>(
    'SELECT content_hash FROM records WHERE id = ? AND rev = ?',
  );
  const insertRecord = db.prepare(
    `INSERT INTO records (id, rev, deleted, location, day, body, content_hash, device_id, batch_id, received_at)
     VALUES (@id, @rev, @deleted, @location, @day, @body, @hash, @deviceId, @batchId, @receivedAt)`,
  );
  const findBatch = db.prepare<[string], { body_hash: string; reply: string; device_id: string }>(
    'SELECT body_hash, reply, device_id FROM batches WHERE batch_id = ?',
  );
  const insertBatch = db.prepare(
    'INSERT INTO batches (batch_id, device_id, body_hash, reply, received_at) VALUES (?, ?, ?, ?, ?)',
  );

  const ingest = db.transaction(
    (batchId: string, deviceId: string, bodyHash: string, records: unknown[]): IngestOutcome => {
      const earlier = findBatch.get(batchId);
      if (earlier) {
        // A reply is only replayed to the device it was given to.
        if (earlier.body_hash !== bodyHash || earlier.device_id !== deviceId) {
          return { kind: 'key-reused' };
        }
        return { kind: 'stored', results: JSON.parse(earlier.reply), replayed: true };
      }
      const receivedAt = new Date().toISOString();
      const results = records.map((value) => storeRecord(value, deviceId, batchId, receivedAt));
      insertBatch.run(batchId, deviceId, bodyHash, JSON.stringify(results), receivedAt);
      return { kind: 'stored', results, replayed: false };
    },
  );

  function storeRecord(
    value: unknown,
    deviceId: string,
    batchId: string,
    receivedAt: string,
  ): RecordResult {
    const parsed = parseUploadRecord(value);
    if (!parsed.success) {
      const { id, rev } = looseRef(value);
      return { id, rev, status: 'rejected', reason: describeIssues(parsed.error.issues) };
    }
    const record = parsed.data;
    const body = canonicalJson(record);
    const hash = sha256(body);
    const existing = findRecord.get(record.id, record.rev);
    const ref = { id: record.id, rev: record.rev };
    if (existing) {
      return existing.content_hash === hash
        ? { ...ref, status: 'duplicate' }
        : {
            ...ref,
            status: 'conflict',
            reason: 'De server heeft deze versie van de registratie al, met een andere inhoud.',
          };
    }
    const live = 'deleted' in record ? null : record;
    insertRecord.run({
      id: record.id,
      rev: record.rev,
      deleted: live ? 0 : 1,
      location: live?.location ?? null,
      day: live?.day ?? null,
      body,
      hash,
      deviceId,
      batchId,
      receivedAt,
    });
    return { ...ref, status: 'accepted' };
  }

  const insertDevice = db.prepare(
    'INSERT INTO devices (id, label, token_hash, created_at) VALUES (?, ?, ?, ?)',
  );
  const deviceByHash = db.prepare<[string], DeviceRow>(
    'SELECT id, label, created_at, revoked_at FROM devices WHERE token_hash = ?',
  );

  const putMap = db.prepare(
    `INSERT INTO map (id, body, etag, partners, device_id, published_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET body = excluded.body, etag = excluded.etag,
       partners = excluded.partners, device_id = excluded.device_id, published_at = excluded.published_at`,
  );
  const getMap = db.prepare<[], PublishedMap>(
    'SELECT body, etag, partners, published_at AS publishedAt FROM map WHERE id = 1',
  );

  return {
    /** Replaces the published map; the caller checked the body. */
    publishMap(body: string, partners: number, deviceId: string): PublishedMap {
      const map: PublishedMap = {
        body,
        etag: `"${sha256(body).slice(0, 32)}"`,
        partners,
        publishedAt: new Date().toISOString(),
      };
      putMap.run(map.body, map.etag, map.partners, deviceId, map.publishedAt);
      return map;
    },

    publishedMap(): PublishedMap | undefined {
      return getMap.get();
    },

    ingest(batchId: string, deviceId: string, bodyHash: string, records: unknown[]) {
      return ingest(batchId, deviceId, bodyHash, records);
    },

    /** Creates a device and returns its token; only the token's hash is kept. */
    createDevice(label: string): { device: DeviceRow; token: string } {
      const token = randomBytes(32).toString('base64url');
      const device: DeviceRow = {
        id: randomUUID(),
        label,
        created_at: new Date().toISOString(),
        revoked_at: null,
      };
      insertDevice.run(device.id, label, sha256(token), device.created_at);
      return { device, token };
    },

    /** The device a bearer token belongs to, unless unknown or revoked. */
    deviceForToken(token: string): DeviceRow | undefined {
      const device = deviceByHash.get(sha256(token));
      return device && device.revoked_at === null ? device : undefined;
    },

    listDevices(): DeviceRow[] {
      return db
        .prepare<[], DeviceRow>(
          'SELECT id, label, created_at, revoked_at FROM devices ORDER BY created_at',
        )
        .all();
    },

    /** Revokes by id or label; returns how many devices it revoked. */
    revokeDevice(idOrLabel: string): number {
      return db
        .prepare(
          'UPDATE devices SET revoked_at = ? WHERE (id = ? OR label = ?) AND revoked_at IS NULL',
        )
        .run(new Date().toISOString(), idOrLabel, idOrLabel).changes;
    },

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

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function looseRef(value: unknown): { id: string | null; rev: number | null } {
  const object =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    id: typeof object.id === 'string' ? object.id.slice(0, 100) : null,
    // Only a safe integer: the app's reply schema (z.int()) refuses 1e21 and would ack nothing.
    rev: Number.isSafeInteger(object.rev) ? (object.rev as number) : null,
  };
}
