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
import type { Sender, Store } from '../../../server/store';
import { aggregate } from '../../../src/core/reports/aggregate';
import { latestRevisions } from '../../../src/core/reports/rows';
import { openTestStore, queryTestDatabase, TEST_DATABASE } from './helpers';
import { asRows, generateRevisions, makeVisit, random, shuffled } from './reports-data';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

async function setUp(file: string) {
  const store = await openTestStore({ file });
  const organisation = (await store.org.organisation()).id;
  const locations: string[] = [];
  for (const name of ['Centrum', 'Oost', 'Zuid']) {
    const made = await store.org.addLocation(organisation, {
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
    organisation_id: organisation,
  };
  return { store, organisation, locations, device };
}

async function ingestAll(
  store: Store,
  device: Sender,
  revisions: readonly unknown[],
): Promise<void> {
  for (let i = 0; i < revisions.length; i += 100) {
    const outcome = await store.ingest(
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

test('kept at ingest: 2,000 visits with revisions in any order equal the core, per location too', async () => {
  const { store, organisation, locations, device } = await setUp(tempFile());
  const revisions = generateRevisions(7, 2000, locations);
  await ingestAll(store, device, shuffled(revisions, 8));
  const latest = latestRevisions(asRows(revisions));
  const { perLocation, ...total } = await store.report({ organisationId: organisation, ...YEAR });
  expect(total).toEqual(aggregate(latest, YEAR));
  for (const location of locations) {
    expect(perLocation[location]).toEqual(aggregate(latest, { ...YEAR, location }));
  }
  // Every channel asked for: the same report, counted from the per-visit rows instead.
  const channels = ['balie', 'telefoon', 'afspraak'];
  expect(await store.report({ organisationId: organisation, ...YEAR, channels })).toEqual({
    ...total,
    perLocation,
  });
  await store.close();
}, 60_000);

test('a lower revision after a higher one changes nothing; a tombstone leaves no answers', async () => {
  const file = tempFile();
  const { store, organisation, locations, device } = await setUp(file);
  const next = random(3);
  const id = randomUUID();
  const second = { ...makeVisit(next, id, 2, locations), day: '2026-05-04' };
  const first = { ...makeVisit(next, id, 1, locations), day: '2026-05-05' };
  await ingestAll(store, device, [second]);
  await ingestAll(store, device, [first]);
  const report = await store.report({ organisationId: organisation, ...YEAR });
  expect(report.byDay).toEqual({ '2026-05-04': 1 });
  expect(report.questions).toBe(second.questions.length);

  const answers = () =>
    queryTestDatabase(
      file,
      'SELECT COUNT(*) AS n FROM report_answers a JOIN report_visits v USING (visit_no) WHERE v.visit_id = ?',
      [id],
    );
  expect((await answers())[0]).not.toEqual({ n: 0 });
  await ingestAll(store, device, [{ id, rev: 3, deleted: true }]);
  // SQLite folds the batch into the report tables later; a report read would fold it first.
  await store.foldReports();
  expect(await answers()).toEqual([{ n: 0 }]);
  expect(
    await queryTestDatabase(file, 'SELECT COUNT(*) AS n FROM report_counts WHERE n <> 0'),
  ).toEqual([{ n: 0 }]);
  expect(
    await queryTestDatabase(
      file,
      'SELECT rev, deleted, day FROM report_visits WHERE visit_id = ?',
      [id],
    ),
  ).toEqual([{ rev: 3, deleted: 1, day: null }]);
  expect((await store.report({ organisationId: organisation, ...YEAR })).visits).toBe(0);
  await store.close();
});

// Migration 5 is SQLite's own history: PostgreSQL starts with the report tables.
test.runIf(TEST_DATABASE === 'sqlite')(
  'migration 5 fills the report tables from stored records, as ingest would have',
  async () => {
    const file = tempFile();
    const { store, organisation, locations, device } = await setUp(file);
    const revisions = generateRevisions(11, 500, locations);
    await ingestAll(store, device, shuffled(revisions, 12));
    const before = await store.report({ organisationId: organisation, ...YEAR });
    await store.close();

    // As the previous version left the file: no report tables, user_version 4.
    const db = new Database(file);
    db.exec(
      'DROP TABLE report_answers; DROP TABLE report_visits; DROP TABLE report_counts; DROP TABLE report_folded; PRAGMA user_version = 4;',
    );
    // A record an old version stored without a readable body counts nowhere, and breaks nothing.
    db.prepare(
      `INSERT INTO records (id, rev, deleted, location, location_id, day, body, content_hash, device_id, batch_id, received_at)
     VALUES (?, 1, 0, 'Centrum', ?, '2026-06-01', '{}', 'h', ?, 'b', '2026-06-01T10:00:00.000Z')`,
    ).run(randomUUID(), locations[0], device.id);
    db.close();

    const reopened = await openTestStore({ file });
    const after = await reopened.report({ organisationId: organisation, ...YEAR });
    expect(after).toEqual(before);
    const { perLocation: _perLocation, ...total } = after;
    expect(total).toEqual(aggregate(latestRevisions(asRows(revisions)), YEAR));
    await reopened.close();
  },
  30_000,
);
