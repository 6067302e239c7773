// The database's shape over time: each step brings a file made by an older version one
// version further (PRAGMA user_version). Tables and columns are only ever added; existing
// rows are carried over, never dropped.

import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { checkMap, etagFor } from './map-body';
import { fillReportTables } from './report-upkeep';

/**
 * Brings a file made by an older version up to date, step by step (PRAGMA user_version), so
 * existing databases open: tables and columns are only ever added.
 */
export function migrate(db: Database.Database, now: () => number = Date.now): void {
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
    // 4: the organisation (issue 10). Everything that was there joins one organisation; each
    // distinct free-text location already stored becomes a location, so old records map.
    (db) => organise(db, new Date(now()).toISOString()),
    // 5: the report tables (issue 12), filled from the latest revision of every stored visit.
    (db) => fillReportTables(db),
  ];
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let step = version; step < steps.length; step++) {
    db.transaction(() => {
      steps[step]?.(db);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}

/** Where an organisation's things live; a location's name is matched case- and space-blind. */
const ORGANISATION_SCHEMA = `
  CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    screen_lock_minutes INTEGER,
    created_at TEXT NOT NULL
  );
  CREATE TABLE locations (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    gemeente TEXT NOT NULL,
    kind TEXT NOT NULL,
    hours TEXT NOT NULL DEFAULT '',
    staffing TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    UNIQUE (organisation_id, name_key)
  );
  CREATE TABLE managers (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  -- Sessions by the SHA-256 of the cookie value: a copy of the database signs nobody in.
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    manager_id TEXT NOT NULL REFERENCES managers (id),
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
  );
  CREATE INDEX sessions_by_manager ON sessions (manager_id);
  -- Failed sign-ins per name and per address, for slowing down and locking.
  CREATE TABLE login_failures (key TEXT NOT NULL, at TEXT NOT NULL);
  CREATE INDEX login_failures_by_key ON login_failures (key, at);
  CREATE TABLE koppelcodes (
    code_hash TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    location_id TEXT NOT NULL REFERENCES locations (id),
    label TEXT NOT NULL,
    role TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    device_id TEXT
  );
  CREATE TABLE catalogues (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
    revision INTEGER NOT NULL,
    hidden TEXT NOT NULL,
    added TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
  );
  CREATE INDEX audit_by_organisation ON audit (organisation_id, id);
  ALTER TABLE devices ADD COLUMN organisation_id TEXT;
  ALTER TABLE devices ADD COLUMN location_id TEXT;
  ALTER TABLE devices ADD COLUMN last_seen_at TEXT;
  ALTER TABLE devices ADD COLUMN last_upload_at TEXT;
  ALTER TABLE devices ADD COLUMN app_version TEXT;
  ALTER TABLE devices ADD COLUMN unsent_at_last_upload INTEGER;
  ALTER TABLE records ADD COLUMN location_id TEXT;
  ALTER TABLE map ADD COLUMN organisation_id TEXT;
  ALTER TABLE map_versions ADD COLUMN organisation_id TEXT;
`;

export const DEFAULT_ORGANISATION_NAME = 'Mijn bibliotheek';

/** How location names are compared: NFKC, lower case, runs of spaces as one, trimmed. */
export function locationKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function organise(db: Database.Database, at: string): void {
  db.exec(ORGANISATION_SCHEMA);
  const organisation = randomUUID();
  db.prepare('INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)').run(
    organisation,
    DEFAULT_ORGANISATION_NAME,
    at,
  );
  // Existing tokens keep working: their clock of 180 unused days starts now.
  db.prepare('UPDATE devices SET organisation_id = ?, last_seen_at = ?').run(organisation, at);
  db.prepare('UPDATE map SET organisation_id = ?').run(organisation);
  db.prepare('UPDATE map_versions SET organisation_id = ?').run(organisation);
  // One location per distinct text (as the manager would see it: case and spaces aside), named
  // as it was written most often. The gemeente is not known: the manager fills it in.
  const texts = db
    .prepare<[], { location: string; n: number }>(
      'SELECT location, COUNT(*) AS n FROM records WHERE location IS NOT NULL GROUP BY location ORDER BY n DESC, location',
    )
    .all();
  const ids = new Map<string, string>();
  const insert = db.prepare(
    `INSERT INTO locations (id, organisation_id, name, name_key, gemeente, kind, created_at)
     VALUES (?, ?, ?, ?, '', 'vaste-balie', ?)`,
  );
  const mapRecords = db.prepare('UPDATE records SET location_id = ? WHERE location = ?');
  for (const { location } of texts) {
    const key = locationKey(location);
    let id = ids.get(key);
    if (id === undefined) {
      id = randomUUID();
      ids.set(key, id);
      insert.run(id, organisation, location.trim() || location, key, at);
    }
    mapRecords.run(id, location);
  }
  // A device's own location: where it registered last.
  db.exec(`
    UPDATE devices SET location_id = (
      SELECT r.location_id FROM records r WHERE r.device_id = devices.id AND r.location_id IS NOT NULL
      ORDER BY r.received_at DESC LIMIT 1)
  `);
}
