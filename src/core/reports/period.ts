// Report periods: vandaag, deze week, maand, kwartaal, jaar or a range of days, with the period
// before and the same period a year earlier. Pure. Callers pass today as `YYYY-MM-DD`.
// Every period is whole calendar days, `from` and `to` inclusive.

import * as z from 'zod/mini';
import { addDays, addYears, daysBetween, isoWeekOf, mondayOfWeek, weeksInYear } from './calendar';

export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type CalendarKind = Exclude<PeriodKind, 'range'>;

export interface Period {
  readonly kind: PeriodKind;
  readonly from: string;
  readonly to: string;
}

/** The longest range a report may ask for: ten years and change. */
export const MAX_RANGE_DAYS = 3_700;

/** A period as it crosses a boundary (a report request to the endpoint, a URL). */
export const PeriodQuery = z.strictObject({ from: z.iso.date(), to: z.iso.date() }).check(
  z.refine((query) => query.from <= query.to, 'De einddatum ligt vóór de begindatum.'),
  z.refine(
    (query) => daysBetween(query.from, query.to) < MAX_RANGE_DAYS,
    'Kies een periode van hoogstens tien jaar.',
  ),
);

/** The calendar period of `kind` that holds `day`: its week runs Monday to Sunday (ISO). */
export function periodOf(kind: CalendarKind, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  switch (kind) {
    case 'day':
      return { kind, from: day, to: day };
    case 'week': {
      const { year: weekYear, week } = isoWeekOf(day);
      const monday = mondayOfWeek(weekYear, week);
      return { kind, from: monday, to: addDays(monday, 6) };
    }
    case 'month':
      return { kind, ...months(year, month, 1) };
    case 'quarter':
      return { kind, ...months(year, month - ((month - 1) % 3), 3) };
    case 'year':
      return { kind, ...months(year, 1, 12) };
  }
}

/** `count` whole months from month `first` (1–12) of `year`. */
function months(year: number, first: number, count: number): { from: string; to: string } {
  const after = first - 1 + count;
  const next = monthStart(year + Math.floor(after / 12), (after % 12) + 1);
  return { from: monthStart(year, first), to: addDays(next, -1) };
}

function monthStart(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** A range of days; `from` after `to` is swapped rather than refused. */
export function rangePeriod(from: string, to: string): Period {
  return from <= to ? { kind: 'range', from, to } : { kind: 'range', from: to, to: from };
}

/** The period just before, of the same kind: last week, last month, or as many days before. */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'range') {
    const length = daysBetween(period.from, period.to) + 1;
    return { kind: 'range', from: addDays(period.from, -length), to: addDays(period.from, -1) };
  }
  return periodOf(period.kind, addDays(period.from, -1));
}

/**
 * The same period a year earlier. A week is the same ISO week number (week 53 becomes week 52
 * in a year without one); a day or range is the same dates (29 February becomes the 28th).
 */
export function samePeriodLastYear(period: Period): Period {
  switch (period.kind) {
    case 'week': {
      const { year, week } = isoWeekOf(period.from);
      const monday = mondayOfWeek(year - 1, Math.min(week, weeksInYear(year - 1)));
      return { kind: 'week', from: monday, to: addDays(monday, 6) };
    }
    case 'range':
      return { kind: 'range', from: addYears(period.from, -1), to: addYears(period.to, -1) };
    default:
      return periodOf(period.kind, addYears(period.from, -1));
  }
}

/** Every day of the period, in order. */
export function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) days.push(day);
  return days;
}

export function holds(period: Period, day: string): boolean {
  return period.from <= day && day <= period.to;
}
