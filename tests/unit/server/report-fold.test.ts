// Folding on SQLite (report-fold.ts): a batch commits only its records; a report read folds
// what is pending first and is exact at once; records the process stored but never folded (it
// stopped) are folded at the next start; a file of the previous version (7 steps ago: 6) opens
// with its watermark at its last record; and a pause in the uploads folds them by itself.

import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Sender, Store } from '../../../server/store';
import { aggregate } from '../../../src/core/reports/aggregate';
import { latestRevisions } from '../../../src/core/reports/rows';
import { openTestStore, TEST_DATABASE } from './helpers';
import { asRows, generateRevisions, shuffled } from './reports-data';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

async function setUp(file: string) {
  const store = await openTestStore({ file });
  const organisationId = (await store.org.organisation()).id;
  const made = await store.org.addLocation(organisationId, {
    name: 'Centrum',
    gemeente: 'Utrecht',
    kind: 'vaste-balie',
    hours: '',
    staffing: '',
  });
  if (made === 'taken') throw new Error('taken');
  const device: Sender = {
    id: (await store.createDevice('balie')).device.id,
    organisation_id: organisationId,
  };
  return { store, organisationId, locations: [made.id], device };
}

async function ingestAll(store: Store, device: Sender, revisions: readonly unknown[]) {
  for (let i = 0; i < revisions.length; i += 100) {
    const outcome = await store.ingest(randomUUID(), device, randomUUID(), [
      ...revisions.slice(i, i + 100),
    ]);
    if (outcome.kind !== 'stored') throw new Error('not stored');
  }
}

/** Straight from the file, as no route reads it: the watermark and the counted visits. */
function fileState(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const one = (text: string) => (db.prepare(text).get() as { n: number }).n;
    return {
      upTo: one('SELECT up_to AS n FROM report_folded'),
      lastRecord: one('SELECT MAX(rowid) AS n FROM records'),
      visits: one("SELECT COALESCE(SUM(n), 0) AS n FROM report_counts WHERE kind = 'visits'"),
    };
  } finally {
    db.close();
  }
}

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'balie-fold-')), 'balie.sqlite');

describe.runIf(TEST_DATABASE === 'sqlite')('folding the report tables on SQLite', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('a batch leaves the report tables alone; the next report read folds it and is exact', async () => {
    const file = tempFile();
    const { store, organisationId, locations, device } = await setUp(file);
    const revisions = generateRevisions(31, 300, locations);
    await ingestAll(store, device, shuffled(revisions, 32));
    const pending = fileState(file);
    expect(pending.upTo).toBe(0);
    expect(pending.visits).toBe(0);

    const { perLocation: _perLocation, ...total } = await store.report({
      organisationId,
      ...YEAR,
    });
    expect(total).toEqual(aggregate(latestRevisions(asRows(revisions)), YEAR));
    const folded = fileState(file);
    expect(folded.upTo).toBe(folded.lastRecord);
    expect(folded.visits).toBe(total.visits);
    expect(await store.foldReports()).toBe(0);
    await store.close();
  });

  test('records stored but never folded (the process stopped) are folded at the next start', async () => {
    const file = tempFile();
    const { store, organisationId, locations, device } = await setUp(file);
    const revisions = generateRevisions(33, 2500, locations);
    await ingestAll(store, device, shuffled(revisions, 34));
    await store.close();
    expect(fileState(file).upTo).toBe(0);

    const reopened = await openTestStore({ file });
    // Folded at start, before any read: more than one page of records.
    const state = fileState(file);
    expect(state.upTo).toBe(state.lastRecord);
    expect(state.lastRecord).toBeGreaterThan(2000);
    const expected = aggregate(latestRevisions(asRows(revisions)), YEAR);
    expect(state.visits).toBe(expected.visits);
    const { perLocation: _perLocation, ...total } = await reopened.report({
      organisationId,
      ...YEAR,
    });
    expect(total).toEqual(expected);
    await reopened.close();
  }, 60_000);

  test('a file of the previous version opens with its watermark at its last record', async () => {
    const file = tempFile();
    const { store, organisationId, locations, device } = await setUp(file);
    await ingestAll(store, device, generateRevisions(35, 200, locations));
    const before = await store.report({ organisationId, ...YEAR });
    await store.close();
    // As version 6 left it: every record in the report tables, no watermark.
    const db = new Database(file);
    db.exec('DROP TABLE report_folded; PRAGMA user_version = 6;');
    db.close();

    const reopened = await openTestStore({ file });
    const state = fileState(file);
    expect(state.upTo).toBe(state.lastRecord);
    expect(await reopened.foldReports()).toBe(0);
    expect(await reopened.report({ organisationId, ...YEAR })).toEqual(before);
    await reopened.close();
  });

  test('when uploads pause, what they stored is folded without a read', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const file = tempFile();
    const { store, locations, device } = await setUp(file);
    await ingestAll(store, device, generateRevisions(37, 150, locations));
    expect(fileState(file).upTo).toBe(0);
    await vi.advanceTimersByTimeAsync(2_000);
    // Whatever the timer started has ended once this runs (one transaction at a time).
    expect(await store.foldReports()).toBe(0);
    const state = fileState(file);
    expect(state.upTo).toBe(state.lastRecord);
    await store.close();
  });
});
