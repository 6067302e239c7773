// The organisation's reports kept on the device: read back per question, one answer per
// question (the newest), at most KEEP_REPORTS questions, and a damaged entry counts as absent
// without losing the others.

import { createStore, get, set } from 'idb-keyval';
import { beforeEach, describe, expect, test } from 'vitest';
import { aggregate } from '../../../src/core/reports/aggregate';
import { OrgReport } from '../../../src/core/reports/org-report';
import {
  forgetKeptReports,
  KEEP_REPORTS,
  keepReport,
  readKeptReport,
} from '../../../src/data/report-keep';
import { visitContent } from '../../support/visits';

const store = () => createStore('balie-settings', 'settings');
const KEY = 'org-reports';

function report(visits: number) {
  const rows = Array.from({ length: visits }, (_, n) => ({
    ...visitContent(),
    id: `v${n}`,
    rev: 1,
  }));
  // As it came over the wire: parsed from JSON.
  return OrgReport.parse({
    ...aggregate(rows),
    from: '2026-11-23',
    to: '2026-11-29',
    perLocation: {},
    byGemeente: {},
    locations: [],
  });
}

const kept = (query: string, visits: number, fetchedAt = 1_000) => ({
  query,
  fetchedAt,
  current: report(visits),
  previous: report(0),
  lastYear: report(0),
});

beforeEach(async () => {
  await set(KEY, undefined, store());
});

describe('kept organisation reports', () => {
  test('nothing kept: no match and no latest', async () => {
    expect(await readKeptReport('from=2026-11-23&to=2026-11-29')).toEqual({
      match: undefined,
      latest: undefined,
    });
  });

  test('a question reads its own answer back; a newer answer replaces the older', async () => {
    await keepReport(kept('a', 3, 1_000));
    await keepReport(kept('b', 5, 2_000));
    await keepReport(kept('a', 4, 3_000));
    const a = await readKeptReport('a');
    expect(a.match?.current.visits).toBe(4);
    expect(a.match?.fetchedAt).toBe(3_000);
    expect(a.latest).toEqual({ query: 'a', fetchedAt: 3_000 });
    expect((await readKeptReport('b')).match?.current.visits).toBe(5);
    expect(((await get(KEY, store())) as unknown[]).length).toBe(2);
  });

  test(`at most ${KEEP_REPORTS} questions, the oldest forgotten`, async () => {
    for (let n = 0; n <= KEEP_REPORTS; n++) await keepReport(kept(`q${n}`, 1, n));
    expect((await readKeptReport('q0')).match).toBeUndefined();
    expect((await readKeptReport(`q${KEEP_REPORTS}`)).match).toBeDefined();
    expect(((await get(KEY, store())) as unknown[]).length).toBe(KEEP_REPORTS);
  });

  test('a damaged entry is absent, the others still read; a damaged list is nothing', async () => {
    await set(KEY, [{ ...kept('bad', 1), current: { visits: 'veel' } }, kept('good', 2)], store());
    expect((await readKeptReport('bad')).match).toBeUndefined();
    expect((await readKeptReport('good')).match?.current.visits).toBe(2);
    await keepReport(kept('new', 3));
    expect(((await get(KEY, store())) as unknown[]).length).toBe(2);
    await set(KEY, 'kapot', store());
    expect(await readKeptReport('good')).toEqual({ match: undefined, latest: undefined });
  });

  test('signing out forgets them all', async () => {
    await keepReport(kept('a', 3));
    await forgetKeptReports();
    expect(await readKeptReport('a')).toEqual({ match: undefined, latest: undefined });
  });
});
