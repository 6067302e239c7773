import { describe, expect, test } from 'vitest';
import {
  addDays,
  addYears,
  isoWeekOf,
  weekdayOf,
  weekKey,
  weeksInYear,
} from '../../../src/core/reports/calendar';
import {
  type CalendarKind,
  daysOf,
  holds,
  PeriodQuery,
  periodOf,
  previousPeriod,
  rangePeriod,
  samePeriodLastYear,
} from '../../../src/core/reports/period';

describe('ISO weeks', () => {
  test.each([
    // 2026 starts on a Thursday, so it has a week 53 that ends in 2027.
    ['2026-12-28', 2026, 53],
    ['2026-12-31', 2026, 53],
    ['2027-01-03', 2026, 53],
    ['2027-01-04', 2027, 1],
    // 2024-12-30 is a Monday whose Thursday is in 2025: week 1 of 2025.
    ['2024-12-29', 2024, 52],
    ['2024-12-30', 2025, 1],
    ['2025-01-01', 2025, 1],
    // 2021-01-03 is a Sunday still in week 53 of 2020.
    ['2021-01-03', 2020, 53],
    ['2021-01-04', 2021, 1],
    ['2025-03-30', 2025, 13],
  ])('%s lies in ISO year %i, week %i', (day, year, week) => {
    expect(isoWeekOf(day)).toEqual({ year, week });
  });

  test('week keys sort in time order and name the ISO year', () => {
    expect(weekKey('2027-01-03')).toBe('2026-W53');
    expect(weekKey('2025-03-03')).toBe('2025-W10');
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
  });

  test.each([
    ['2025-03-03', 1],
    ['2025-03-09', 7],
    ['2025-03-30', 7], // the spring clock change
    ['2025-10-26', 7], // the autumn clock change
    ['2024-02-29', 4],
  ])('%s is ISO weekday %i', (day, weekday) => {
    expect(weekdayOf(day)).toBe(weekday);
  });
});

describe('calendar arithmetic', () => {
  test.each([
    ['2025-03-29', 1, '2025-03-30'],
    ['2025-03-30', 1, '2025-03-31'], // a 23-hour day in Amsterdam is still one day
    ['2025-10-26', 1, '2025-10-27'], // and so is a 25-hour day
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
  ])('%s plus %i days is %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });

  test('a year before 29 February is the 28th', () => {
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2025-03-31', -1)).toBe('2024-03-31');
  });
});

describe('periodOf', () => {
  test.each<[CalendarKind, string, string, string]>([
    ['day', '2025-03-05', '2025-03-05', '2025-03-05'],
    ['week', '2025-03-05', '2025-03-03', '2025-03-09'],
    ['week', '2027-01-02', '2026-12-28', '2027-01-03'],
    ['week', '2025-03-03', '2025-03-03', '2025-03-09'],
    ['week', '2025-03-09', '2025-03-03', '2025-03-09'],
    ['month', '2024-02-10', '2024-02-01', '2024-02-29'],
    ['month', '2025-12-31', '2025-12-01', '2025-12-31'],
    ['quarter', '2025-05-17', '2025-04-01', '2025-06-30'],
    ['quarter', '2025-12-01', '2025-10-01', '2025-12-31'],
    ['quarter', '2025-01-01', '2025-01-01', '2025-03-31'],
    ['year', '2025-07-01', '2025-01-01', '2025-12-31'],
  ])('%s of %s runs %s to %s', (kind, today, from, to) => {
    expect(periodOf(kind, today)).toEqual({ kind, from, to });
  });
});

describe('previousPeriod and samePeriodLastYear', () => {
  test.each([
    [periodOf('day', '2025-03-01'), '2025-02-28', '2025-02-28', '2024-03-01', '2024-03-01'],
    // Week 1 of 2027; week 1 of 2026 starts in December 2025.
    [periodOf('week', '2027-01-06'), '2026-12-28', '2027-01-03', '2025-12-29', '2026-01-04'],
    // Week 53 of 2026 has no twin in 2025: the year before, it is week 52.
    [periodOf('week', '2026-12-30'), '2026-12-21', '2026-12-27', '2025-12-22', '2025-12-28'],
    [periodOf('month', '2025-03-15'), '2025-02-01', '2025-02-28', '2024-03-01', '2024-03-31'],
    [periodOf('month', '2025-01-15'), '2024-12-01', '2024-12-31', '2024-01-01', '2024-01-31'],
    [periodOf('quarter', '2025-02-01'), '2024-10-01', '2024-12-31', '2024-01-01', '2024-03-31'],
    [periodOf('year', '2025-06-01'), '2024-01-01', '2024-12-31', '2024-01-01', '2024-12-31'],
    [
      rangePeriod('2025-03-10', '2025-03-16'),
      '2025-03-03',
      '2025-03-09',
      '2024-03-10',
      '2024-03-16',
    ],
    [
      rangePeriod('2024-02-29', '2024-03-01'),
      '2024-02-27',
      '2024-02-28',
      '2023-02-28',
      '2023-03-01',
    ],
  ])('%j', (period, previousFrom, previousTo, lastYearFrom, lastYearTo) => {
    const previous = previousPeriod(period);
    expect([previous.from, previous.to, previous.kind]).toEqual([
      previousFrom,
      previousTo,
      period.kind,
    ]);
    const lastYear = samePeriodLastYear(period);
    expect([lastYear.from, lastYear.to, lastYear.kind]).toEqual([
      lastYearFrom,
      lastYearTo,
      period.kind,
    ]);
  });

  test('a range and its previous period are equally long', () => {
    const period = rangePeriod('2025-03-20', '2025-04-02');
    expect(daysOf(previousPeriod(period))).toHaveLength(daysOf(period).length);
  });
});

describe('daysOf and holds', () => {
  test('lists every day, both ends included, over a year end and a clock change', () => {
    expect(daysOf(periodOf('week', '2026-12-31'))).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(daysOf(rangePeriod('2025-03-29', '2025-03-31'))).toEqual([
      '2025-03-29',
      '2025-03-30',
      '2025-03-31',
    ]);
    expect(daysOf(periodOf('year', '2024-05-05'))).toHaveLength(366);
  });

  test('holds both ends and nothing outside', () => {
    const march = periodOf('month', '2025-03-10');
    expect(
      ['2025-02-28', '2025-03-01', '2025-03-31', '2025-04-01'].map((d) => holds(march, d)),
    ).toEqual([false, true, true, false]);
  });

  test('a range given back to front is put right', () => {
    expect(rangePeriod('2025-03-16', '2025-03-10')).toEqual({
      kind: 'range',
      from: '2025-03-10',
      to: '2025-03-16',
    });
  });
});

describe('PeriodQuery', () => {
  test.each([
    [{ from: '2025-01-01', to: '2025-12-31' }, true],
    [{ from: '2025-03-01', to: '2025-03-01' }, true],
    [{ from: '2025-03-02', to: '2025-03-01' }, false],
    [{ from: '2025-02-30', to: '2025-03-01' }, false],
    [{ from: '2015-01-01', to: '2025-12-31' }, false],
    [{ from: '2025-01-01', to: '2025-12-31', location: 'x' }, false],
  ])('%j valid: %s', (query, valid) => {
    expect(PeriodQuery.safeParse(query).success).toBe(valid);
  });
});
