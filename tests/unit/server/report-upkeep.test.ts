// The report upkeep's plan for one batch (pure): only each visit's highest new revision counts,
// a stored higher revision wins, a replaced revision's counts are taken off, a tombstone keeps
// its row and counts nowhere, and counts come out in key order (PostgreSQL locks them so).

import { expect, test } from 'vitest';
import type { ReportEntry, VisitFacts } from '../../../server/report-tables';
import { planUpkeep, type StoredVisit } from '../../../server/report-upkeep';

const facts = (channel: string, topic: string): VisitFacts => ({
  day: '2026-11-23',
  hour: 10,
  channel,
  duration: 'tot-15',
  answers: [[1, 'topic', topic]],
});
const entry = (rev: number, visit: VisitFacts | null): ReportEntry => ({
  id: 'v1',
  rev,
  organisationId: 'org',
  locationId: 'loc',
  visit,
});
const stored = (rev: number): StoredVisit => ({
  visit_no: 7,
  organisation_id: 'org',
  rev,
  deleted: 0,
  day: '2026-11-23',
  hour: 10,
  location_id: 'loc',
  channel: 'balie',
  duration: 'tot-15',
  answers: [{ kind: 'topic', value: 'digid' }],
});
const counts = (plan: ReturnType<typeof planUpkeep>) =>
  Object.fromEntries(plan.counts.map((row) => [`${row[3]}:${row[4]}`, row[5]]));

test('revisions 1, 3 and 2 of a new visit in one batch: only revision 3 is counted', () => {
  const plan = planUpkeep(
    [
      entry(1, facts('balie', 'digid')),
      entry(3, facts('telefoon', 'toeslagen')),
      entry(2, facts('mail', 'uwv')),
    ],
    new Map(),
  );
  expect(plan.visits).toHaveLength(1);
  expect(plan.visits[0]?.[2]).toBe(3);
  expect(plan.answers).toEqual([['v1', 1, 'topic', 'toeslagen', 'org', '2026-11-23', 'loc']]);
  expect(counts(plan)).toEqual({
    'channel:telefoon': 1,
    'duration:tot-15': 1,
    'hour:1-10': 1,
    'topic:toeslagen': 1,
    'visits:': 1,
  });
  expect(plan.cleared).toEqual([]);
});

test('a new revision takes the stored one off; equal facts cancel out to nothing', () => {
  const plan = planUpkeep([entry(2, facts('telefoon', 'digid'))], new Map([['v1', stored(1)]]));
  expect(plan.cleared).toEqual([7]);
  expect(counts(plan)).toEqual({ 'channel:balie': -1, 'channel:telefoon': 1 });
  const keys = plan.counts.map((row) => row.slice(0, 5).join('\u0000'));
  expect(keys).toEqual([...keys].sort());
});

test('a lower or equal revision than the stored one changes nothing', () => {
  const plan = planUpkeep([entry(2, facts('telefoon', 'uwv'))], new Map([['v1', stored(2)]]));
  expect(plan).toEqual({ visits: [], cleared: [], answers: [], counts: [] });
});

test('a tombstone keeps the row, marked deleted, and takes every count off', () => {
  const plan = planUpkeep([entry(2, null)], new Map([['v1', stored(1)]]));
  expect(plan.visits).toEqual([['v1', 'org', 2, 1, null, null, null, null, null, null]]);
  expect(plan.answers).toEqual([]);
  expect(Object.values(counts(plan)).every((n) => n === -1)).toBe(true);
  expect(counts(plan)['visits:']).toBe(-1);
});
