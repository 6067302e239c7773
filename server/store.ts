// The endpoint's database (SQLite): registration revisions and replayable batch replies. Device
// tokens are device-store.ts, the published sociale kaart map-store.ts, the organisation's own
// tables org-store.ts and manager-store.ts, the report tables report-tables.ts. Each batch is stored in one transaction; each (id, rev) at most once.

import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson } from '../src/core/canonical';
import { type ClientInfo, parseUploadRecord } from '../src/core/upload/batch';
import type { RecordResult } from '../src/core/upload/reply';
import { openDeviceStore } from './device-store';
import { openManagerStore } from './manager-store';
import { openMapStore } from './map-store';
import { locationKey, migrate } from './migrations';
import { openOrgStore } from './org-store';
import { describeIssues } from './reasons';
import { reportQueries } from './report-query';
import { reportUpkeep, visitFacts } from './report-tables';
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

export const FOREIGN_VISIT =
  'Deze registratie is eerder door een ander apparaat verstuurd. Alleen dat apparaat mag haar wijzigen of verwijderen.';

export interface StoreOptions {
  /** The clock (ms since 1970); tests pass a fake one for 24 hours, 180 days and lockouts. */
  readonly now?: () => number;
}

export const UNKNOWN_LOCATION = (text: string) =>
  `Onbekende locatie '${text}'. Kies in Balie de juiste locatie en verstuur opnieuw.`;
export const FOREIGN_LOCATION =
  'Deze locatie hoort niet bij uw organisatie of bestaat niet. Kies in Balie de juiste locatie en verstuur opnieuw.';
export const CLOSED_LOCATION = (name: string) =>
  `De locatie '${name}' is gesloten. Kies in Balie een andere locatie en verstuur opnieuw.`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function openStore(file: string, options: StoreOptions = {}) {
  const now = options.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  if (file !== ':memory:') keepPrivate(file);
  const db = new Database(file);
  db.exec(SCHEMA);
  migrate(db, now);
  if (file !== ':memory:') keepPrivate(file);
  const inode = file === ':memory:' ? undefined : statSync(file).ino;

  const findRecord = db.prepare<[string, number], { content_hash: string }>(
    'SELECT content_hash FROM records WHERE id = ? AND rev = ?',
  );
  const findOwner = db.prepare<[string], { organisation_id: string | null }>(
    `SELECT d.organisation_id FROM records r LEFT JOIN devices d ON d.id = r.device_id
     WHERE r.id = ? ORDER BY r.rev LIMIT 1`,
  );
  const insertRecord = db.prepare(
    `INSERT INTO records (id, rev, deleted, location, location_id, day, body, content_hash, device_id, batch_id, received_at)
     VALUES (@id, @rev, @deleted, @location, @locationId, @day, @body, @hash, @deviceId, @batchId, @receivedAt)`,
  );
  const locationById = db.prepare<[string, string], { id: string; name: string; active: number }>(
    'SELECT id, name, active FROM locations WHERE id = ? AND organisation_id = ?',
  );
  const locationByKey = db.prepare<[string, string], { id: string; name: string; active: number }>(
    'SELECT id, name, active FROM locations WHERE name_key = ? AND organisation_id = ?',
  );
  const keepReport = reportUpkeep(db);
  const noteUpload = db.prepare(
    `UPDATE devices SET last_upload_at = ?, last_seen_at = ?,
       app_version = COALESCE(?, app_version), unsent_at_last_upload = ? WHERE id = ?`,
  );

  /**
   * The location id a record names: version 2 sends an id of the device's organisation,
   * version 1 the branch's name as free text (mapped when it equals a location's name).
   */
  function resolveLocation(
    value: string,
    organisationId: string,
  ): { ok: true; id: string } | { ok: false; reason: string } {
    const found = UUID.test(value)
      ? locationById.get(value.toLowerCase(), organisationId)
      : locationByKey.get(locationKey(value), organisationId);
    if (!found) {
      return { ok: false, reason: UUID.test(value) ? FOREIGN_LOCATION : UNKNOWN_LOCATION(value) };
    }
    if (found.active !== 1) return { ok: false, reason: CLOSED_LOCATION(found.name) };
    return { ok: true, id: found.id };
  }
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

  function storeRecord(
    value: unknown,
    device: Sender,
    batchId: string,
    receivedAt: string,
  ): RecordResult {
    const deviceId = device.id;
    const parsed = parseUploadRecord(value);
    if (!parsed.success) {
      const { id, rev } = looseRef(value);
      return { id, rev, status: 'rejected', reason: describeIssues(parsed.error.issues) };
    }
    // UUIDs are compared and stored in lower case, so one visit sent as "ABC…" and "abc…" is
    // one visit; the reply names the id as the device sent it, so the device finds its record.
    const ref = { id: parsed.data.id, rev: parsed.data.rev };
    const record = { ...parsed.data, id: parsed.data.id.toLowerCase() };
    // A visit belongs to the organisation of the device that first sent it: a device of
    // another organisation may not add revisions or tombstones to it. (A device linked anew
    // after a revoke is a new device of the same organisation, and may send its old outbox.)
    const owner = findOwner.get(record.id);
    if (owner && owner.organisation_id !== device.organisation_id) {
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
    // Checked only for a revision not stored yet: a resent one answers as before, even when
    // its location has since been closed.
    const location = live ? resolveLocation(live.location, device.organisation_id) : undefined;
    if (location && !location.ok) return { ...ref, status: 'rejected', reason: location.reason };
    insertRecord.run({
      id: record.id,
      rev: record.rev,
      deleted: live ? 0 : 1,
      location: live?.location ?? null,
      locationId: location?.id ?? null,
      day: live?.day ?? null,
      body,
      hash,
      deviceId,
      batchId,
      receivedAt,
    });
    keepReport({
      id: record.id,
      rev: record.rev,
      organisationId: device.organisation_id,
      locationId: location?.id ?? null,
      visit: live ? (visitFacts(live) ?? null) : null,
    });
    return { ...ref, status: 'accepted' };
  }

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

function looseRef(value: unknown): { id: string | null; rev: number | null } {
  const object =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    id: typeof object.id === 'string' ? object.id.slice(0, 100) : null,
    // Only a safe integer: the app's reply schema (z.int()) refuses 1e21 and would ack nothing.
    rev: Number.isSafeInteger(object.rev) ? (object.rev as number) : null,
  };
}
