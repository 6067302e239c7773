// The endpoint's store: the `Store` interface every route, CLI and test uses (all async), and
// the SQLite store behind it: opening, migrating and keeping the file private. The rest, batch
// ingest included, is build-store.ts over the Sql driver (sqlite-sql.ts); PostgreSQL builds the
// same store (pg-store.ts).

import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ClientInfo } from '../src/core/upload/batch';
import type { RecordResult } from '../src/core/upload/reply';
import { buildStore } from './build-store';
import type { DeviceRow, Role, TokenCheck, TokenDevice } from './device-store';
import type { ManagerStore } from './manager-store';
import type { MapPrecondition, MapVersion, MapWrite, PublishedMap } from './map-store';
import { migrate } from './migrations';
import type { OrgStore } from './org-store';
import { foldPending, withFolding } from './report-fold';
import type { OrganisationReport, ReportFilter } from './report-query';
import { sha256 } from './secrets';
import type { Dialect } from './sql';
import { SqliteSql } from './sqlite-sql';

export { sha256 };

/** The sending device, as far as storing a batch needs it. */
export interface Sender {
  readonly id: string;
  readonly organisation_id: string;
}

export type IngestOutcome =
  | { readonly kind: 'stored'; readonly results: RecordResult[]; readonly replayed: boolean }
  | { readonly kind: 'key-reused' };

/** Everything the endpoint keeps, whichever database holds it. */
export interface Store {
  readonly dialect: Dialect;
  /** The organisation, its locations, koppelcodes, devices, answer lists and audit log. */
  readonly org: OrgStore;
  /** Managers, their sessions and failed sign-ins. */
  readonly managers: ManagerStore;
  /** The organisation's report over a period, from the report tables (report-query.ts). */
  report(filter: ReportFilter): Promise<OrganisationReport>;
  /**
   * Brings the report tables up to every stored record; resolves to how many records it folded
   * in (SQLite, report-fold.ts; a report does this itself). PostgreSQL keeps them at ingest: 0.
   */
  foldReports(): Promise<number>;

  /** Publishes a checked map (Balie's own writing of it) if the current one is `expected`. */
  publishMap(
    body: string,
    partners: number,
    deviceId: string,
    expected: MapPrecondition,
  ): Promise<MapWrite>;
  /** Makes an earlier version the current map again, as a new version. */
  restoreMapVersion(
    version: number,
    deviceId: string,
    expected: MapPrecondition,
  ): Promise<MapWrite>;
  publishedMap(): Promise<PublishedMap | undefined>;
  /** The kept versions, newest first. */
  mapVersions(): Promise<MapVersion[]>;
  mapVersion(version: number): Promise<{ body: string; etag: string } | undefined>;

  /** Stores a batch from `device`; `client` is what the app said about itself. */
  ingest(
    batchId: string,
    device: Sender,
    bodyHash: string,
    records: unknown[],
    client?: ClientInfo,
  ): Promise<IngestOutcome>;
  /** Bytes of batch replies stored for a device since a moment (ISO time). */
  replyBytesSince(deviceId: string, since: string): Promise<number>;

  /** A device of the organisation (of `locationId`, else the first) and its token. */
  createDevice(
    label: string,
    role?: Role,
    locationId?: string | null,
  ): Promise<{ device: DeviceRow; token: string }>;
  /** What a bearer token is: a device, or why not (unknown, revoked, unused 180 days). */
  checkToken(token: string): Promise<TokenCheck>;
  /** The device a bearer token belongs to, unless unknown, revoked or expired. */
  deviceForToken(token: string): Promise<TokenDevice | undefined>;
  setRole(id: string, role: Role): Promise<void>;
  listDevices(): Promise<DeviceRow[]>;
  /** Revokes by id or label; returns how many devices it revoked. */
  revokeDevice(idOrLabel: string): Promise<number>;

  /** Why the store cannot take batches now, or undefined when it can. */
  healthProblem(): Promise<string | undefined>;
  /** How commits reach the disk, for the durability test (SQLite: its PRAGMAs). */
  durability(): Promise<{ journalMode: string; synchronous: number }>;
  countRecords(): Promise<number>;
  /** Every stored revision, for tests and exports. */
  allRecords(): Promise<{ id: string; rev: number; deleted: number; body: string }[]>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** The clock (ms since 1970); tests pass a fake one for 24 hours, 180 days and lockouts. */
  readonly now?: () => number;
}

// synchronous = FULL: in WAL mode every commit is synced to disk before better-sqlite3
// returns, so a reply is only sent for a batch that survives a power cut. NORMAL may lose the
// last commits in an OS crash after the device was told they were stored, and the device then
// forgets them. The measured cost is in docs/protocol.md ("Durability").
// wal_autocheckpoint = 10000 pages (~40 MB of WAL) instead of 1000: a batch dirties many pages
// (random ids in records and the report tables), and checkpointing ten times less often writes
// a page changed by several batches once. Commits are synced all the same. Measured in-process,
// 3 × 10,000 records: 2.3 / 3.6 / 4.0 s → 1.7 / 2.2 / 2.6 s.
const PRAGMAS = `
  PRAGMA journal_mode = WAL;
  PRAGMA synchronous = FULL;
  PRAGMA wal_autocheckpoint = 10000;
`;

/** The first version's tables, for a new file (user_version 0); migrate() takes it from there. */
const FIRST_TABLES = `
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

/** Opens (or makes) the SQLite file, brings it up to date, and builds the store on it. */
export async function openSqliteStore(file: string, options: StoreOptions = {}): Promise<Store> {
  const now = options.now ?? Date.now;
  if (file !== ':memory:') keepPrivate(file);
  const db = new Database(file);
  db.exec(PRAGMAS);
  if (db.pragma('user_version', { simple: true }) === 0) db.exec(FIRST_TABLES);
  migrate(db, now);
  if (file !== ':memory:') keepPrivate(file);
  const inode = file === ':memory:' ? undefined : statSync(file).ino;
  const sql = new SqliteSql(db);
  // Records stored but not yet in the report tables (the process stopped before it folded them).
  await foldPending(sql);

  const store = buildStore(sql, options, {
    problem: () =>
      inode !== undefined && statSync(file).ino !== inode
        ? 'Het databasebestand is vervangen of weggehaald terwijl de server draaide.'
        : undefined,
    durability: () =>
      sql.serial((handle) => ({
        journalMode: handle.pragma('journal_mode', { simple: true }) as string,
        synchronous: handle.pragma('synchronous', { simple: true }) as number,
      })),
  });
  return withFolding(store, sql);
}

/**
 * A consistent copy of the SQLite file while the endpoint runs (SQLite's online backup), made
 * private like the file itself. Refuses to overwrite an existing file.
 */
export async function backupSqlite(file: string, target: string): Promise<void> {
  if (existsSync(target)) throw new Error(`${target} bestaat al; kies een nieuw bestand.`);
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    keepPrivate(target);
    await db.backup(target);
  } finally {
    db.close();
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
