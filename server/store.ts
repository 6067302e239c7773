// The endpoint's database (SQLite): registration revisions, replayable batch replies, devices,
// and the branch's published sociale kaart. Each batch is stored in one transaction; each
// (id, rev) at most once.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson } from '../src/core/canonical';
import { parseUploadRecord, type RecordResult } from '../src/core/upload/batch';
import { checkMap } from './map-body';
import { describeIssues } from './reasons';

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

/** A desk device registers and uploads; a manager may also publish the sociale kaart. */
export const ROLES = ['desk', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export interface DeviceRow {
  readonly id: string;
  readonly label: string;
  readonly role: Role;
  readonly created_at: string;
  readonly revoked_at: string | null;
}

export interface PublishedMap {
  readonly body: string;
  /** A strong validator: the hash of the body, quoted as HTTP wants it. */
  readonly etag: string;
  readonly partners: number;
  readonly publishedAt: string;
  /** Counts every publish and restore: 1, 2, … */
  readonly version: number;
}

export interface MapVersion {
  readonly version: number;
  readonly etag: string;
  readonly partners: number;
  readonly publishedAt: string;
  /** The label of the device that published it. */
  readonly publishedBy: string;
  /** The version this one restored, or null for a publish. */
  readonly restoredFrom: number | null;
}

/** What the writer expects the current map to be: its ETag, or `none` for a first publish. */
export type MapPrecondition = { readonly etag: string } | 'none';

export type MapWrite =
  | { readonly kind: 'published'; readonly map: PublishedMap }
  /** The current map is not the one expected (or there is none / no such version). */
  | { readonly kind: 'stale'; readonly current: PublishedMap | undefined }
  | { readonly kind: 'no-version' };

/** How many versions of the map are kept; older ones are removed as new ones come in. */
export const MAP_VERSIONS_KEPT = 20;

export type IngestOutcome =
  | { readonly kind: 'stored'; readonly results: RecordResult[]; readonly replayed: boolean }
  | { readonly kind: 'key-reused' };

export type Store = ReturnType<typeof openStore>;

export const FOREIGN_VISIT =
  'Deze registratie is eerder door een ander apparaat verstuurd. Alleen dat apparaat mag haar wijzigen of verwijderen.';

export function openStore(file: string) {
  if (file !== ':memory:') keepPrivate(file);
  const db = new Database(file);
  db.exec(SCHEMA);
  migrate(db);
  if (file !== ':memory:') keepPrivate(file);
  const inode = file === ':memory:' ? undefined : statSync(file).ino;

  const findRecord = db.prepare<[string, number], { content_hash: string }>(
    'SELECT content_hash FROM records WHERE id = ? AND rev = ?',
  );
  const findOwner = db.prepare<[string], { device_id: string }>(
    'SELECT device_id FROM records WHERE id = ? ORDER BY rev LIMIT 1',
  );
  const insertRecord = db.prepare(
    `INSERT INTO records (id, rev, deleted, location, day, body, content_hash, device_id, batch_id, received_at)
     VALUES (@id, @rev, @deleted, @location, @day, @body, @hash, @deviceId, @batchId, @receivedAt)`,
  );
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
    (rawBatchId: string, deviceId: string, bodyHash: string, records: unknown[]): IngestOutcome => {
      const batchId = rawBatchId.toLowerCase();
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
      const reply = JSON.stringify(results);
      insertBatch.run(batchId, deviceId, bodyHash, reply, Buffer.byteLength(reply), receivedAt);
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
    // UUIDs are compared and stored in lower case, so one visit sent as "ABC…" and "abc…" is
    // one visit; the reply names the id as the device sent it, so the device finds its record.
    const ref = { id: parsed.data.id, rev: parsed.data.rev };
    const record = { ...parsed.data, id: parsed.data.id.toLowerCase() };
    // A visit belongs to the device that first sent it: no other device may add revisions or
    // tombstones to it. (Organisations will widen this to the devices of one organisation.)
    const owner = findOwner.get(record.id);
    if (owner && owner.device_id !== deviceId) {
      return { ...ref, status: 'rejected', reason: FOREIGN_VISIT };
    }
    const body = canonicalJson(record);
    const hash = sha256(body);
    const existing = findRecord.get(record.id, record.rev);
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
    'INSERT INTO devices (id, label, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const deviceByHash = db.prepare<[string], DeviceRow>(
    'SELECT id, label, role, created_at, revoked_at FROM devices WHERE token_hash = ?',
  );

  const putMap = db.prepare(
    `INSERT INTO map (id, body, etag, partners, device_id, published_at, version) VALUES (1, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET body = excluded.body, etag = excluded.etag, partners = excluded.partners,
       device_id = excluded.device_id, published_at = excluded.published_at, version = excluded.version`,
  );
  const getMap = db.prepare<[], PublishedMap>(
    'SELECT body, etag, partners, published_at AS publishedAt, version FROM map WHERE id = 1',
  );
  const insertVersion = db.prepare(
    'INSERT INTO map_versions (version, body, etag, partners, device_id, published_at, restored_from) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const getVersion = db.prepare<[number], { body: string; partners: number; etag: string }>(
    'SELECT body, partners, etag FROM map_versions WHERE version = ?',
  );
  const pruneVersions = db.prepare('DELETE FROM map_versions WHERE version <= ?');

  /** Writes a new current map and its version, if the precondition still holds. */
  const writeMap = db.transaction(
    (
      body: string,
      partners: number,
      deviceId: string,
      expected: MapPrecondition,
      restoredFrom: number | null,
    ): MapWrite => {
      const current = getMap.get();
      const holds = expected === 'none' ? current === undefined : current?.etag === expected.etag;
      if (!holds) return { kind: 'stale', current };
      const map: PublishedMap = {
        body,
        etag: etagFor(body),
        partners,
        publishedAt: new Date().toISOString(),
        version: (current?.version ?? 0) + 1,
      };
      putMap.run(map.body, map.etag, map.partners, deviceId, map.publishedAt, map.version);
      insertVersion.run(
        map.version,
        map.body,
        map.etag,
        map.partners,
        deviceId,
        map.publishedAt,
        restoredFrom,
      );
      pruneVersions.run(map.version - MAP_VERSIONS_KEPT);
      return { kind: 'published', map };
    },
  );

  return {
    /** Publishes a checked map (Balie's own writing of it) if the current one is `expected`. */
    publishMap(
      body: string,
      partners: number,
      deviceId: string,
      expected: MapPrecondition,
    ): MapWrite {
      return writeMap(body, partners, deviceId, expected, null);
    },

    /** Makes an earlier version the current map again, as a new version. */
    restoreMapVersion(version: number, deviceId: string, expected: MapPrecondition): MapWrite {
      const earlier = getVersion.get(version);
      if (!earlier) return { kind: 'no-version' };
      return writeMap(earlier.body, earlier.partners, deviceId, expected, version);
    },

    publishedMap(): PublishedMap | undefined {
      return getMap.get();
    },

    /** The kept versions, newest first. */
    mapVersions(): MapVersion[] {
      return db
        .prepare<[], MapVersion>(
          `SELECT v.version, v.etag, v.partners, v.published_at AS publishedAt,
             COALESCE(d.label, '') AS publishedBy, v.restored_from AS restoredFrom
           FROM map_versions v LEFT JOIN devices d ON d.id = v.device_id ORDER BY v.version DESC`,
        )
        .all();
    },

    mapVersion(version: number): { body: string; etag: string } | undefined {
      return getVersion.get(version);
    },

    ingest(batchId: string, deviceId: string, bodyHash: string, records: unknown[]) {
      return ingest(batchId, deviceId, bodyHash, records);
    },

    /** Bytes of batch replies stored for a device since a moment (ISO time). */
    replyBytesSince(deviceId: string, since: string): number {
      return replyBytes.get(deviceId, since)?.bytes ?? 0;
    },

    /** Creates a device and returns its token; only the token's hash is kept. */
    createDevice(label: string, role: Role = 'desk'): { device: DeviceRow; token: string } {
      const token = randomBytes(32).toString('base64url');
      const device: DeviceRow = {
        id: randomUUID(),
        label,
        role,
        created_at: new Date().toISOString(),
        revoked_at: null,
      };
      insertDevice.run(device.id, label, role, sha256(token), device.created_at);
      return { device, token };
    },

    /** The device a bearer token belongs to, unless unknown or revoked. */
    deviceForToken(token: string): DeviceRow | undefined {
      const device = deviceByHash.get(sha256(token));
      return device && device.revoked_at === null ? device : undefined;
    },

    setRole(id: string, role: Role): void {
      db.prepare('UPDATE devices SET role = ? WHERE id = ?').run(role, id);
    },

    listDevices(): DeviceRow[] {
      return db
        .prepare<[], DeviceRow>(
          'SELECT id, label, role, created_at, revoked_at FROM devices ORDER BY created_at',
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
 * Brings a file made by an older version up to date, step by step (PRAGMA user_version), so
 * existing databases open: tables and columns are only ever added.
 */
function migrate(db: Database.Database): void {
  const steps: ((db: Database.Database) => void)[] = [
    // 1: device roles; every existing device is a desk device.
    (db) => {
      const columns = db.prepare<[], { name: string }>('PRAGMA table_info(devices)').all();
      if (!columns.some((column) => column.name === 'role')) {
        db.exec(
          "ALTER TABLE devices ADD COLUMN role TEXT NOT NULL DEFAULT 'desk' CHECK (role IN ('desk', 'manager'))",
        );
      }
    },
    // 2: the size of each stored reply, for the per-device quota.
    (db) => {
      db.exec(`
        ALTER TABLE batches ADD COLUMN reply_bytes INTEGER NOT NULL DEFAULT 0;
        UPDATE batches SET reply_bytes = length(CAST(reply AS BLOB));
        CREATE INDEX batches_by_device_time ON batches (device_id, received_at, reply_bytes);
      `);
    },
    // 3: earlier versions of the published map, so a manager can restore one. The current
    // map (stored as uploaded before) is rewritten the way every publish is now written.
    (db) => {
      db.exec(`
        CREATE TABLE map_versions (
          version INTEGER PRIMARY KEY,
          body TEXT NOT NULL,
          etag TEXT NOT NULL,
          partners INTEGER NOT NULL,
          device_id TEXT NOT NULL,
          published_at TEXT NOT NULL,
          restored_from INTEGER
        );
        ALTER TABLE map ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      `);
      const current = db
        .prepare<[], { body: string; device_id: string; published_at: string }>(
          'SELECT body, device_id, published_at FROM map WHERE id = 1',
        )
        .get();
      if (!current) return;
      const checked = checkMap(current.body, false);
      if (!checked.ok) {
        db.exec('DELETE FROM map');
        return;
      }
      const etag = etagFor(checked.body);
      db.prepare('UPDATE map SET body = ?, etag = ?, partners = ?, version = 1').run(
        checked.body,
        etag,
        checked.partners,
      );
      db.prepare(
        'INSERT INTO map_versions (version, body, etag, partners, device_id, published_at) VALUES (1, ?, ?, ?, ?, ?)',
      ).run(checked.body, etag, checked.partners, current.device_id, current.published_at);
    },
  ];
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let step = version; step < steps.length; step++) {
    db.transaction(() => {
      steps[step]?.(db);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
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

function etagFor(body: string): string {
  return `"${sha256(body).slice(0, 32)}"`;
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
