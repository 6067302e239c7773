// The Overzicht's reads against a real IndexedDB implementation: only the period's days, by
// the day index; tombstones count nowhere; progress over several periods; and the
// Bibliotheekmonitor check-offs, parsed on read and pruned after 400 days.

import { randomUUID } from 'node:crypto';
import { createStore, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { VisitContent } from '../../../src/core/registration/schema';
import type { Period } from '../../../src/core/reports/period';
import { readCopied, saveCopied } from '../../../src/data/copied-settings';
import { BalieDb, type VisitRow } from '../../../src/data/db';
import {
  countRows,
  type ReadProgress,
  readLiveRows,
  readReports,
} from '../../../src/data/report-reads';
import { visitContent } from '../../support/visits';

let db: BalieDb;

beforeEach(async () => {
  db = new BalieDb(`test-${randomUUID()}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

function row(content: Partial<VisitContent>, deleted: 0 | 1 = 0): VisitRow {
  return {
    id: randomUUID(),
    rev: deleted ? 2 : 1,
    content: visitContent(content),
    partners: [null],
    createdAt: 0,
    updatedAt: 0,
    deleted,
    frozenRev: deleted ? 1 : 0,
  };
}

const week: Period = { kind: 'week', from: '2026-11-23', to: '2026-11-29' };
const weekBefore: Period = { kind: 'week', from: '2026-11-16', to: '2026-11-22' };

describe('reading a period', () => {
  test('counts only the days of the period, through the day index', async () => {
    await db.visits.bulkAdd([
      row({ day: '2026-11-22' }),
      row({ day: '2026-11-23', hour: 10 }),
      row({ day: '2026-11-29', hour: 15 }),
      row({ day: '2026-11-30' }),
    ]);
    const where = vi.spyOn(db.visits, 'where');
    const scan = vi.spyOn(db.visits, 'toArray');
    const each = vi.spyOn(db.visits, 'each');
    const [report] = await readReports(db, [week]);
    expect(report?.visits).toBe(2);
    expect(report?.byDay).toEqual({ '2026-11-23': 1, '2026-11-29': 1 });
    expect(report?.heatmap[0]?.[10]).toBe(1);
    expect(report?.heatmap[6]?.[15]).toBe(1);
    expect(where.mock.calls.map(([index]) => String(index))).toContain('content.day');
    expect(where.mock.calls.every(([index]) => String(index) === 'content.day')).toBe(true);
    expect(scan).not.toHaveBeenCalled();
    expect(each).not.toHaveBeenCalled();
  });

  test('a tombstoned visit counts nowhere and is never exported', async () => {
    const gone = row(
      {
        day: '2026-11-24',
        questions: [
          { domain: 'bibliotheek', topic: 'e-books', organisations: [], help: ['uitleg'] },
        ],
      },
      1,
    );
    await db.visits.bulkAdd([row({ day: '2026-11-24' }), gone]);
    const [report] = await readReports(db, [week]);
    expect(report?.visits).toBe(1);
    expect(report?.questions).toBe(1);
    expect(report?.byDomain).toEqual({ 'digitale-overheid': 1 });
    expect(report?.byTopic).not.toHaveProperty('e-books');
    expect((await readLiveRows(db, week)).map((live) => live.id)).not.toContain(gone.id);
    // The index count does include it: progress counts rows read, tombstones too.
    expect(await countRows(db, week)).toBe(2);
  });

  test('several periods are read one after the other, with progress over all of them', async () => {
    const rows = [
      ...Array.from({ length: 30 }, (_, index) =>
        row({ day: `2026-11-${String(1 + index).padStart(2, '0')}` }),
      ),
    ];
    await db.visits.bulkAdd(rows);
    const seen: ReadProgress[] = [];
    const [now, before] = await readReports(db, [week, weekBefore], (progress) =>
      seen.push(progress),
    );
    expect(now?.visits).toBe(7);
    expect(before?.visits).toBe(7);
    expect(seen.at(-1)).toEqual({ done: 14, total: 14 });
    expect(seen.map((progress) => progress.done)).toEqual(
      [...seen.map((p) => p.done)].sort((a, b) => a - b),
    );
  });

  test('a year of a busy branch streams in slices, with progress along the way', async () => {
    const days = Array.from({ length: 365 }, (_, index) => {
      const date = new Date(Date.UTC(2025, 0, 1 + index));
      return date.toISOString().slice(0, 10);
    });
    await db.visits.bulkAdd(days.flatMap((day) => [row({ day }), row({ day, hour: 14 })]));
    const seen: number[] = [];
    const [report] = await readReports(
      db,
      [{ kind: 'year', from: '2025-01-01', to: '2025-12-31' }],
      (progress) => seen.push(progress.done),
    );
    expect(report?.visits).toBe(730);
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.at(-1)).toBe(730);
  });

  test('an empty period reads as nothing, without failing', async () => {
    const [report] = await readReports(db, [week]);
    expect(report?.visits).toBe(0);
    expect(await readLiveRows(db, week)).toEqual([]);
  });
});

describe('Bibliotheekmonitor check-offs', () => {
  const raw = (value: unknown) =>
    set('monitor-copied', value, createStore('balie-settings', 'settings'));

  beforeEach(async () => {
    await raw({});
  });

  test('are kept per visit and can be taken back', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await saveCopied(a, '2026-11-23', true, '2026-11-30');
    await saveCopied(b, '2026-11-24', true, '2026-11-30');
    await saveCopied(a, '2026-11-23', false, '2026-11-30');
    expect(await readCopied()).toEqual({ [b]: '2026-11-24' });
  });

  test('older than 400 days are forgotten at the next check-off', async () => {
    const old = randomUUID();
    await saveCopied(old, '2025-01-02', true, '2025-01-10');
    await saveCopied(randomUUID(), '2026-11-24', true, '2026-11-30');
    expect(Object.keys(await readCopied())).not.toContain(old);
  });

  test('a damaged value reads as nothing checked', async () => {
    await raw({ 'not-a-visit': 'yesterday' });
    expect(await readCopied()).toEqual({});
    await raw('garbage');
    expect(await readCopied()).toEqual({});
  });
});
