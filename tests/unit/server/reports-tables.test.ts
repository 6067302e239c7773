// The report tables under the route: kept at ingest (a larger generated set, revisions in any
// order, equal to the core, from the day counts and from the per-visit rows alike), a lower
// revision after a higher one changes nothing, a tombstone leaves no answers and no counts,
// and migration 5 fills the tables from stored records the same way.

import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { openStore, type Sender, type Store } from '../../../server/store';
import { aggregate } from '../../../src/core/reports/aggregate';
import { latestRevisions } from '../../../src/core/reports/rows';
import { asRows, generateRevisions, makeVisit, random, shuffled } from './reports-data';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

function setUp(file: string) {
  const store = openStore(file);
  const organisation = store.org.organisation().id;
  const locations = ['Centrum', 'Oost', 'Zuid'].map((name) => {
    const made = store.org.addLocation(organisation, {
      name,
      gemeente: 'Utrecht',
      kind: 'vaste-balie',
      hours: '',
      staffing: '',
    });
    if (made === 'taken') throw new Error('taken');
    return made.id;
  });
  const device: Sender = {
    id: store.createDevice('balie').device.id,
    organisation_id: organisation,
  };
  return { store, organisation, locations, device };
}

function ingestAll(store: Store, device: Sender, revisions: readonly unknown[]): void {
  for (let i = 0; i < revisions.length; i += 100) {
    const outcome = store.ingest(
      randomUUID(),
      device,
      randomUUID(),
      revisions.slice(i, i + 100) as unknown[],
    );
    if (outcome.kind !== 'stored') throw new Error('not stored');
    const refused = outcome.results.filter((result) => result.status !== 'accepted');
    expect(refused).toEqual([]);
  }
}

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'balie-reports-')), 'balie.sqlite');

test('kept at ingest: 2,000 visits with revisions in any order equal the core, per location too', () => {
  const { store, organisation, locations, device } = setUp(tempFile());
  const revisions = generateRevisions(7, 2000, locations);
  ingestAll(store, device, shuffled(revisions, 8));
  const latest = latestRevisions(asRows(revisions));
  const { perLocation, ...total } = store.report({ organisationId: organisation, ...YEAR });
  expect(total).toEqual(aggregate(latest, YEAR));
  for (const location of locations) {
    expect(perLocation[location]).toEqual(aggregate(latest, { ...YEAR, location }));
  }
  // Every channel asked for: the same report, counted from the per-visit rows instead.
  const channels = ['balie', 'telefoon', 'afspraak'];
  expect(store.report({ organisationId: organisation, ...YEAR, channels })).toEqual({
    ...total,
    perLocation,
  });
  store.close();
}, 60_000);

test('a lower revision after a higher one changes nothing; a tombstone leaves no answers', () => {
  const file = tempFile();
  const { store, organisation, locations, device } = setUp(file);
  const next = random(3);
  const id = randomUUID();
  const second = { ...makeVisit(next, id, 2, locations), day: '2026-05-04' };
  const first = { ...makeVisit(next, id, 1, locations), day: '2026-05-05' };
  ingestAll(store, device, [second]);
  ingestAll(store, device, [first]);
  const report = store.report({ organisationId: organisation, ...YEAR });
  expect(report.byDay).toEqual({ '2026-05-04': 1 });
  expect(report.questions).toBe(second.questions.length);

  const db = new Database(file, { readonly: true });
  const answers = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM report_answers WHERE visit_id = ?',
  );
  expect(answers.get(id)?.n).toBeGreaterThan(0);
  ingestAll(store, device, [{ id, rev: 3, deleted: true }]);
  expect(answers.get(id)?.n).toBe(0);
  expect(db.prepare('SELECT COUNT(*) AS n FROM report_counts WHERE n <> 0').get()).toEqual({
    n: 0,
  });
  expect(
    db.prepare('SELECT rev, deleted, day FROM report_visits WHERE visit_id = ?').get(id),
  ).toEqual({ rev: 3, deleted: 1, day: null });
  expect(store.report({ organisationId: organisation, ...YEAR }).visits).toBe(0);
  db.close();
  store.close();
});

test('migration 5 fills the report tables from stored records, as ingest would have', () => {
  const file = tempFile();
  const { store, organisation, locations, device } = setUp(file);
  const revisions = generateRevisions(11, 500, locations);
  ingestAll(store, device, shuffled(revisions, 12));
  const before = store.report({ organisationId: organisation, ...YEAR });
  store.close();

  // As the previous version left the file: no report tables, user_version 4.
  const db = new Database(file);
  db.exec(
    'DROP TABLE report_answers; DROP TABLE report_visits; DROP TABLE report_counts; PRAGMA user_version = 4;',
  );
  // A record an old version stored without a readable body counts nowhere, and breaks nothing.
  db.prepare(
    `INSERT INTO records (id, rev, deleted, location, location_id, day, body, content_hash, device_id, batch_id, received_at)
     VALUES (?, 1, 0, 'Centrum', ?, '2026-06-01', '{}', 'h', ?, 'b', '2026-06-01T10:00:00.000Z')`,
  ).run(randomUUID(), locations[0], device.id);
  db.close();

  const reopened = openStore(file);
  const after = reopened.report({ organisationId: organisation, ...YEAR });
  expect(after).toEqual(before);
  const { perLocation: _perLocation, ...total } = after;
  expect(total).toEqual(aggregate(latestRevisions(asRows(revisions)), YEAR));
  reopened.close();
}, 30_000);
