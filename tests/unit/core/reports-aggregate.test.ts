import { describe, expect, test } from 'vitest';
import type { Question } from '../../../src/core/registration/schema';
import { aggregate, startReport } from '../../../src/core/reports/aggregate';
import { change, compare } from '../../../src/core/reports/compare';
import { daysOf, rangePeriod } from '../../../src/core/reports/period';
import {
  type DeletedRow,
  type LiveRow,
  latestRevisions,
  type ReportRow,
} from '../../../src/core/reports/rows';
import { seriesOf } from '../../../src/core/reports/tally';
import { visitContent } from '../../support/visits';

let next = 0;
/** A live row with a fresh id unless one is given. */
function visit(over: Partial<LiveRow> = {}): LiveRow {
  next += 1;
  return { ...visitContent(), id: `v${next}`, rev: 1, ...over };
}

function gone(id: string, rev: number): DeletedRow {
  return { id, rev, deleted: true };
}

function question(over: Partial<Question> = {}): Question {
  return { domain: 'digitale-overheid', topic: 'digid', organisations: [], help: [], ...over };
}

describe('which visits count', () => {
  const a1 = visit({ id: 'a', rev: 1, channel: 'balie' });
  const a2 = visit({ id: 'a', rev: 2, channel: 'telefoon' });
  const b1 = visit({ id: 'b', rev: 1 });
  test.each<[string, ReportRow[], number, Record<string, number>]>([
    ['nothing', [], 0, {}],
    ['one visit', [a1], 1, { balie: 1 }],
    ['the latest revision only', [a1, a2], 1, { telefoon: 1 }],
    ['the latest revision, whatever the order', [a2, a1], 1, { telefoon: 1 }],
    ['a duplicate revision once', [a2, a2, a1, a2], 1, { telefoon: 1 }],
    ['a deleted visit nowhere', [a1, a2, gone('a', 3)], 0, {}],
    ['a tombstone older than an edit does not delete it', [gone('a', 1), a2], 1, { telefoon: 1 }],
    ['other visits still', [a1, gone('a', 2), b1], 1, { balie: 1 }],
  ])('%s', (_name, revisions, visits, byChannel) => {
    const report = aggregate(latestRevisions(revisions));
    expect(report.visits).toBe(visits);
    expect(report.byChannel).toEqual(byChannel);
  });

  test('latest-only rows: a repeated (id, rev) counts once, another rev of a counted id throws', () => {
    const report = startReport();
    report.add(a1);
    report.add(a1);
    expect(report.finish().visits).toBe(1);
    expect(() => report.add(a2)).toThrow(/latestRevisions/);
  });

  test('a tombstone on the device (deleted flag) counts nowhere', () => {
    expect(aggregate([gone('x', 4), b1]).visits).toBe(1);
  });
});

describe('the period, both ends included', () => {
  const rows = ['2025-02-28', '2025-03-01', '2025-03-15', '2025-03-31', '2025-04-01'].map((day) =>
    visit({ day }),
  );
  test.each([
    [{ from: '2025-03-01', to: '2025-03-31' }, ['2025-03-01', '2025-03-15', '2025-03-31']],
    [{ from: '2025-03-31', to: '2025-03-31' }, ['2025-03-31']],
    [{ from: '2025-04-01' }, ['2025-04-01']],
    [{ to: '2025-02-28' }, ['2025-02-28']],
    [{}, ['2025-02-28', '2025-03-01', '2025-03-15', '2025-03-31', '2025-04-01']],
  ])('%j', (scope, days) => {
    expect(Object.keys(aggregate(rows, scope).byDay)).toEqual(days);
  });

  test('one location', () => {
    const both = [visit({ location: 'a' }), visit({ location: 'b' }), visit({ location: 'b' })];
    expect(aggregate(both, { location: 'b' }).visits).toBe(2);
    expect(aggregate(both).byLocation).toEqual({ a: 1, b: 2 });
  });
});

describe('what counts per visit and per question', () => {
  const rows = [
    visit({
      day: '2025-03-03',
      hour: 10,
      channel: 'balie',
      duration: '15-30',
      needs: ['meekijken', 'overheidstaal', 'meekijken'],
      questions: [
        question({
          topic: 'digid',
          digidStep: 'activeren',
          organisations: ['gemeente', 'belastingdienst'],
          help: ['uitleg', 'samen-gedaan'],
          referral: { kind: 'organisatie-zelf', warm: true },
        }),
        question({
          topic: 'toeslagen',
          organisations: ['belastingdienst', 'belastingdienst'],
          help: ['cursus'],
          course: 'digisterker',
          referral: { kind: 'formulierenhulp', warm: false },
        }),
      ],
    }),
    visit({
      day: '2025-03-04',
      hour: 14,
      channel: 'telefoon',
      needs: [],
      questions: [question({ domain: 'bibliotheek', topic: 'e-books', help: ['informatie'] })],
    }),
  ];
  const report = aggregate(rows);

  test.each<[keyof typeof report, unknown]>([
    ['visits', 2],
    ['questions', 3],
    ['byChannel', { balie: 1, telefoon: 1 }],
    ['byDuration', { '15-30': 1, 'tot-15': 1 }],
    ['byNeeds', { meekijken: 1, overheidstaal: 1 }],
    ['byDomain', { bibliotheek: 1, 'digitale-overheid': 2 }],
    ['byTopic', { digid: 1, 'e-books': 1, toeslagen: 1 }],
    ['byDigidStep', { activeren: 1 }],
    ['byOrganisation', { belastingdienst: 2, gemeente: 1 }],
    ['byHelp', { cursus: 1, informatie: 1, 'samen-gedaan': 1, uitleg: 1 }],
    ['byCourse', { digisterker: 1 }],
    ['byReferralKind', { formulierenhulp: 1, 'organisatie-zelf': 1 }],
    ['byReferralWarmth', { koud: 1, warm: 1 }],
    ['byDay', { '2025-03-03': 1, '2025-03-04': 1 }],
    ['byWeek', { '2025-W10': 2 }],
  ])('%s', (key, expected) => {
    expect(report[key]).toEqual(expected);
  });

  test('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  test('an option id that is also an Object property name is just a key', () => {
    const odd = aggregate([visit({ channel: 'constructor' }), visit({ channel: 'constructor' })]);
    expect(odd.byChannel).toEqual({ constructor: 2 });
  });
});

describe('heatmap', () => {
  test.each([
    // [day, hour, weekday]: the weekday comes from the calendar day, never from a moment.
    ['2025-03-03', 9, 1],
    ['2025-03-09', 16, 7],
    // The last Sundays of March and October: the clock changes at 02:00/03:00 that night.
    ['2025-03-30', 2, 7],
    ['2025-10-26', 2, 7],
    ['2025-10-26', 3, 7],
    ['2026-12-31', 23, 4],
    ['2027-01-01', 0, 5],
  ])('%s at hour %i lands on weekday %i', (day, hour, weekday) => {
    const { heatmap } = aggregate([visit({ day, hour })]);
    expect(heatmap).toHaveLength(7);
    expect(heatmap.every((hours) => hours.length === 24)).toBe(true);
    expect(heatmap[weekday - 1]?.[hour]).toBe(1);
    expect(heatmap.flat().reduce((sum, n) => sum + n, 0)).toBe(1);
  });

  test('the clock-change Sunday counts its hour bands as stored, once each', () => {
    const night = [1, 2, 2, 3].map((hour) => visit({ day: '2025-10-26', hour }));
    expect(aggregate(night).heatmap[6]?.slice(0, 5)).toEqual([0, 1, 2, 1, 0]);
    expect(aggregate(night).byDay).toEqual({ '2025-10-26': 4 });
  });
});

describe('a streaming accumulator gives the same report', () => {
  test('fed one by one', () => {
    const rows = Array.from({ length: 200 }, (_, i) =>
      visit({ day: `2025-03-${String((i % 28) + 1).padStart(2, '0')}`, hour: i % 24 }),
    );
    const streamed = startReport({ from: '2025-03-10' });
    for (const row of rows) streamed.add(row);
    expect(streamed.finish()).toEqual(aggregate(rows, { from: '2025-03-10' }));
  });
});

describe('series and compare', () => {
  test('a day series fills the days without visits', () => {
    const report = aggregate([visit({ day: '2025-03-02' }), visit({ day: '2025-03-02' })]);
    const days = daysOf(rangePeriod('2025-03-01', '2025-03-03'));
    expect(seriesOf(report.byDay, days)).toEqual([0, 2, 0]);
  });

  test.each([
    [10, 8, 2, 25],
    [8, 10, -2, -20],
    [3, 3, 0, 0],
    [1, 3, -2, -66.7],
    [4, 0, 4, null],
  ])('%i against %i: %i (%s %)', (current, previous, difference, percent) => {
    expect(change(current, previous)).toEqual({ current, previous, difference, percent });
  });

  test('compares visits, questions and each domain of either period', () => {
    const now = aggregate([visit(), visit()]);
    const before = aggregate([
      visit({ questions: [question({ domain: 'bibliotheek', topic: 'e-books' })] }),
    ]);
    expect(compare(now, before)).toEqual({
      visits: { current: 2, previous: 1, difference: 1, percent: 100 },
      questions: { current: 2, previous: 1, difference: 1, percent: 100 },
      byDomain: {
        bibliotheek: { current: 0, previous: 1, difference: -1, percent: -100 },
        'digitale-overheid': { current: 2, previous: 0, difference: 2, percent: null },
      },
    });
  });
});
