// The appending layout (SQLite migration 6, PostgreSQL version 2) loses nothing: a database
// turned back into the previous layout, holding revisions, tombstones and reports, opens with
// every record as it was, the same reports (from the counts and from the per-visit rows), and
// takes new revisions of its old visits afterwards as exactly as before.

import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import type { Sender, Store } from '../../../server/store';
import { aggregate } from '../../../src/core/reports/aggregate';
import { latestRevisions } from '../../../src/core/reports/rows';
import { openTestStore, queryTestDatabase, TEST_DATABASE } from './helpers';
import { asRows, generateRevisions, makeVisit, random, shuffled } from './reports-data';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

/** SQLite as version 5 left it: records and the report tables keyed by the visit's id. */
const SQLITE_VERSION_5 = `
  CREATE TABLE records_5 (id TEXT NOT NULL, rev INTEGER NOT NULL, deleted INTEGER NOT NULL,
    location TEXT, day TEXT, body TEXT NOT NULL, content_hash TEXT NOT NULL, device_id TEXT NOT NULL,
    batch_id TEXT NOT NULL, received_at TEXT NOT NULL, location_id TEXT, PRIMARY KEY (id, rev)) WITHOUT ROWID;
  INSERT INTO records_5 SELECT id, rev, deleted, location, day, body, content_hash, device_id,
    batch_id, received_at, location_id FROM records;
  DROP TABLE records;
  ALTER TABLE records_5 RENAME TO records;
  CREATE INDEX records_by_location_day ON records (location, day);
  CREATE TABLE visits_5 (visit_id TEXT PRIMARY KEY, organisation_id TEXT NOT NULL, rev INTEGER NOT NULL,
    deleted INTEGER NOT NULL, day TEXT, weekday INTEGER, hour INTEGER, location_id TEXT, channel TEXT,
    duration TEXT) WITHOUT ROWID;
  INSERT INTO visits_5 SELECT visit_id, organisation_id, rev, deleted, day, weekday, hour,
    location_id, channel, duration FROM report_visits;
  CREATE TABLE answers_5 (visit_id TEXT NOT NULL, question_no INTEGER NOT NULL, kind TEXT NOT NULL,
    value TEXT NOT NULL, organisation_id TEXT NOT NULL, day TEXT NOT NULL, location_id TEXT NOT NULL,
    PRIMARY KEY (visit_id, question_no, kind, value)) WITHOUT ROWID;
  INSERT INTO answers_5 SELECT v.visit_id, a.question_no, a.kind, a.value, a.organisation_id, a.day,
    a.location_id FROM report_answers a JOIN report_visits v USING (visit_no);
  DROP TABLE report_answers;
  DROP TABLE report_visits;
  ALTER TABLE visits_5 RENAME TO report_visits;
  ALTER TABLE answers_5 RENAME TO report_answers;
  CREATE INDEX report_visits_by_day ON report_visits (organisation_id, day, location_id);
  CREATE INDEX report_answers_by_day ON report_answers (organisation_id, day, kind, value, location_id);
  DROP TABLE report_folded;
  PRAGMA user_version = 5;
`;

/** PostgreSQL as version 1 left it. */
const POSTGRES_VERSION_1 = `
  CREATE INDEX records_by_location_day ON records (location, day);
  CREATE TABLE answers_1 (visit_id TEXT NOT NULL, question_no INTEGER NOT NULL, kind TEXT NOT NULL,
    value TEXT NOT NULL, organisation_id TEXT NOT NULL, day TEXT NOT NULL, location_id TEXT NOT NULL,
    PRIMARY KEY (visit_id, question_no, kind, value));
  INSERT INTO answers_1 SELECT v.visit_id, a.question_no, a.kind, a.value, a.organisation_id, a.day,
    a.location_id FROM report_answers a JOIN report_visits v USING (visit_no);
  DROP TABLE report_answers;
  ALTER TABLE answers_1 RENAME TO report_answers;
  CREATE INDEX report_answers_by_day ON report_answers (organisation_id, day, kind, value, location_id);
  ALTER TABLE report_visits DROP COLUMN visit_no;
  UPDATE balie_schema SET version = 1;
`;

async function previousLayout(file: string): Promise<void> {
  if (TEST_DATABASE === 'postgres') {
    await queryTestDatabase(file, POSTGRES_VERSION_1);
    return;
  }
  const db = new Database(file);
  db.exec(SQLITE_VERSION_5);
  db.close();
}

const tables = (file: string) =>
  Promise.all(
    ['records', 'report_visits', 'report_answers', 'report_counts'].map(async (table) => {
      const [row] = await queryTestDatabase<{ n: number }>(
        file,
        `SELECT COUNT(*) AS n FROM ${table}`,
      );
      return `${table} ${row?.n}`;
    }),
  );

async function ingestAll(store: Store, device: Sender, revisions: readonly unknown[]) {
  for (let i = 0; i < revisions.length; i += 100) {
    const outcome = await store.ingest(randomUUID(), device, randomUUID(), [
      ...revisions.slice(i, i + 100),
    ]);
    if (outcome.kind !== 'stored') throw new Error('not stored');
    expect(outcome.results.filter((result) => result.status !== 'accepted')).toEqual([]);
  }
}

test('the previous layout opens with every record, answer and count, and takes new revisions', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'balie-layout-')), 'balie.sqlite');
  const store = await openTestStore({ file });
  const organisationId = (await store.org.organisation()).id;
  const locations: string[] = [];
  for (const name of ['Centrum', 'Oost']) {
    const made = await store.org.addLocation(organisationId, {
      name,
      gemeente: 'Utrecht',
      kind: 'vaste-balie',
      hours: '',
      staffing: '',
    });
    if (made === 'taken') throw new Error('taken');
    locations.push(made.id);
  }
  const device: Sender = {
    id: (await store.createDevice('balie')).device.id,
    organisation_id: organisationId,
  };
  const revisions = generateRevisions(21, 400, locations);
  await ingestAll(store, device, shuffled(revisions, 22));
  const filtered = { organisationId, ...YEAR, channels: ['balie'], topics: ['digid', 'toeslagen'] };
  const before = {
    report: await store.report({ organisationId, ...YEAR }),
    filtered: await store.report(filtered),
    records: await store.allRecords(),
    tables: await tables(file),
  };
  await store.close();

  await previousLayout(file);
  const reopened = await openTestStore({ file });
  // The new layout: answers keyed by the visit's number.
  expect(await queryTestDatabase(file, 'SELECT COUNT(visit_no) AS n FROM report_answers')).toEqual([
    { n: Number(before.tables[2]?.split(' ')[1]) },
  ]);
  expect(await reopened.allRecords()).toEqual(before.records);
  expect(await tables(file)).toEqual(before.tables);
  expect(await reopened.report({ organisationId, ...YEAR })).toEqual(before.report);
  expect(await reopened.report(filtered)).toEqual(before.filtered);

  // New revisions of old visits (and new visits) after the move count exactly.
  const next = random(23);
  const ids = [...new Set(revisions.map((revision) => (revision as { id: string }).id))];
  const later = [
    ...ids.slice(0, 30).map((id) => ({ ...makeVisit(next, id, 50, locations), day: '2026-06-01' })),
    ...ids.slice(30, 40).map((id) => ({ id, rev: 50, deleted: true as const })),
    ...Array.from({ length: 20 }, () => makeVisit(next, randomUUID(), 1, locations)),
  ];
  await ingestAll(reopened, device, later);
  const latest = latestRevisions(asRows([...revisions, ...later]));
  const { perLocation: _perLocation, ...total } = await reopened.report({
    organisationId,
    ...YEAR,
  });
  expect(total).toEqual(aggregate(latest, YEAR));
  await reopened.close();
}, 60_000);
