// The database's shape over time: each step brings a file made by an older version one
// version further (PRAGMA user_version). Existing rows are carried over, never dropped; a
// table may be rebuilt in a new layout (step 6), its rows counted before and after.

import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { checkMap, etagFor } from './map-body';
import { addFoldWatermark } from './report-fold';
import { REPORT_SCHEMA } from './report-tables';
import { fillReportTables } from './report-upkeep';

/**
 * Brings a file made by an older version up to date, step by step (PRAGMA user_version), so
 * existing databases open; each step runs in its own transaction.
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
    // 6: tables that take a batch's rows at their end (issue 14), with every row carried over.
    (db) => appendingLayout(db),
    // 7: the report tables are folded in after a batch commits, up to a watermark (issue 14).
    (db) => addFoldWatermark(db),
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
 * Migration 6. `records` becomes a rowid table: a batch's bodies go to its end instead of to a
 * random place in the (id, rev) tree (which stays, as a narrow unique index); the unused index
 * by free-text location goes. Visits get a number and their answers are keyed by it
 * (REPORT_SCHEMA); a file that got the report tables from migration 5 of this version has them.
 */
function appendingLayout(db: Database.Database): void {
  const count = (table: string) =>
    db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n ?? 0;
  const tables = ['records', 'report_visits', 'report_answers', 'report_counts'];
  const before = tables.map(count);
  db.exec(`
    CREATE TABLE records_6 (
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
      location_id TEXT,
      PRIMARY KEY (id, rev)
    );
    INSERT INTO records_6 (${RECORD_NAMES}) SELECT ${RECORD_NAMES} FROM records ORDER BY received_at, id, rev;
    DROP TABLE records;
    ALTER TABLE records_6 RENAME TO records;
  `);
  const answerColumns = db.prepare<[], { name: string }>('PRAGMA table_info(report_answers)').all();
  if (answerColumns.some((column) => column.name === 'visit_id')) {
    db.exec(`
      ALTER TABLE report_visits RENAME TO report_visits_5;
      ALTER TABLE report_answers RENAME TO report_answers_5;
      ALTER TABLE report_counts RENAME TO report_counts_5;
      DROP INDEX report_visits_by_day;
      DROP INDEX report_answers_by_day;
      ${REPORT_SCHEMA}
      INSERT INTO report_visits (${VISIT_NAMES}) SELECT ${VISIT_NAMES} FROM report_visits_5 ORDER BY day, visit_id;
      INSERT INTO report_answers (visit_no, question_no, kind, value, organisation_id, day, location_id)
        SELECT v.visit_no, a.question_no, a.kind, a.value, a.organisation_id, a.day, a.location_id
        FROM report_answers_5 a JOIN report_visits v ON v.visit_id = a.visit_id;
      INSERT INTO report_counts SELECT * FROM report_counts_5;
      DROP TABLE report_visits_5;
      DROP TABLE report_answers_5;
      DROP TABLE report_counts_5;
    `);
  }
  const after = tables.map(count);
  if (after.join() !== before.join()) {
    throw new Error(`Migration 6 would change the number of rows (${before} → ${after}).`);
  }
}

const RECORD_NAMES =
  'id, rev, deleted, location, day, body, content_hash, device_id, batch_id, received_at, location_id';
const VISIT_NAMES =
  'visit_id, organisation_id, rev, deleted, day, weekday, hour, location_id, channel, duration';

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
