// Opening hours and walk-in hours (weekly, "1st Tuesday", dated exceptions) and "nu open".
// Pure. The caller passes the moment; hours are read in the device's local time, the desk's.
// Hand-written, not rrule: Balie's hours are a weekly table (rrule would need its
// UTC-as-local trick and 13 KB for ~80 lines); hsds-schedule.ts maps RRULE parts onto it.

import * as z from 'zod/mini';
import { dayOf } from '../day';

export const Time = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/));

/** A closing time at or before the opening time is on the next day: 22:00–02:00, 00:00–00:00. */
export const Period = z.strictObject({ opens: Time, closes: Time });
export type Period = z.infer<typeof Period>;

/** Weeks of the month a period is limited to: 1–5, or −1 for the last. */
const WeekOfMonth = z.int().check(
  z.gte(-1),
  z.lte(5),
  z.refine((week) => week !== 0),
);

export const WeeklyPeriod = z.strictObject({
  /** ISO weekday: 1 is Monday, 7 is Sunday. */
  day: z.int().check(z.gte(1), z.lte(7)),
  opens: Time,
  closes: Time,
  /** "Elke eerste en derde dinsdag": only these weeks of the month. */
  weeks: z.optional(z.array(WeekOfMonth).check(z.minLength(1), z.maxLength(5))),
});
export type WeeklyPeriod = z.infer<typeof WeeklyPeriod>;

/** Replaces the weekly table from `from` to `to` (inclusive): a holiday, special hours. */
export const DatedHours = z
  .strictObject({
    from: z.iso.date(),
    to: z.iso.date(),
    /** Empty when closed all day. */
    periods: z.array(Period).check(z.maxLength(6)),
    note: z.optional(z.string().check(z.maxLength(200))),
  })
  .check(z.refine((dated) => dated.from <= dated.to));
export type DatedHours = z.infer<typeof DatedHours>;

export const Hours = z.strictObject({
  weekly: z.array(WeeklyPeriod).check(z.maxLength(60)),
  exceptions: z.array(DatedHours).check(z.maxLength(200)),
  /** What the table cannot say, in the source's words. */
  note: z.optional(z.string().check(z.maxLength(500))),
});
export type Hours = z.infer<typeof Hours>;

export const NO_HOURS: Hours = { weekly: [], exceptions: [] };

/** The day names the hours parser reads ("ma" is a prefix of "maandag"); Monday first. */
export const DAY_NAMES = 'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag'.split(' ');

export type OpeningStatus =
  | { readonly state: 'unknown' }
  /** `until` is null when no closing time falls in the coming week. */
  | { readonly state: 'open'; readonly until: number | null }
  /** `opensAt` is null when nothing opens within the horizon. */
  | { readonly state: 'closed'; readonly opensAt: number | null };

interface Span {
  readonly start: number;
  readonly end: number;
}

export function hasHours(hours: Hours): boolean {
  return hours.weekly.length > 0 || hours.exceptions.length > 0;
}

export function isOpenAt(hours: Hours, moment: number): boolean {
  return spansAround(hours, moment, 0).some((span) => span.start <= moment && moment < span.end);
}

/** Open until when, or closed until when, looking `horizonDays` ahead (a summer closure fits). */
export function openingStatus(hours: Hours, moment: number, horizonDays = 62): OpeningStatus {
  if (!hasHours(hours)) return { state: 'unknown' };
  const spans = spansAround(hours, moment, horizonDays);
  let current = spans.find((span) => span.start <= moment && moment < span.end);
  if (current === undefined) {
    const next = spans.find((span) => span.start > moment);
    return { state: 'closed', opensAt: next?.start ?? null };
  }
  // Back-to-back periods (12:00–17:00 after 09:00–12:00, or a night past midnight) are one opening.
  for (const span of spans) {
    if (span.start <= current.end && span.end > current.end) current = span;
  }
  const weekAhead = moment + 7 * 24 * 3_600_000;
  return { state: 'open', until: current.end > weekAhead ? null : current.end };
}

/** Sorts periods and exceptions, so equal hours are equal data. */
export function sortHours(hours: Hours): Hours {
  const weekly = [...hours.weekly].sort(
    (a, b) =>
      a.day - b.day ||
      String(a.weeks ?? '').localeCompare(String(b.weeks ?? '')) ||
      a.opens.localeCompare(b.opens),
  );
  const exceptions = [...hours.exceptions].sort(
    (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
  return { ...hours, weekly, exceptions };
}

/** Every span that starts from the day before `moment` to `daysAhead` days after, by start. */
function spansAround(hours: Hours, moment: number, daysAhead: number): Span[] {
  const now = new Date(moment);
  const spans: Span[] = [];
  for (let offset = -1; offset <= daysAhead; offset++) {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
    for (const period of periodsOn(hours, day)) spans.push(spanOf(day, period));
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * What holds on one calendar day (`YYYY-MM-DD`): the periods of the narrowest exception that
 * covers it (so Koningsdag inside a closed summer still counts), with that exception, or else
 * the week's periods for that weekday in that week of the month.
 */
export function hoursOn(
  hours: Hours,
  day: string,
): { readonly periods: readonly (Period | WeeklyPeriod)[]; readonly exception?: DatedHours } {
  const exception = hours.exceptions
    .filter((dated) => dated.from <= day && day <= dated.to)
    .sort((a, b) => rangeLength(a) - rangeLength(b))[0];
  if (exception !== undefined) return { periods: exception.periods, exception };
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  const noon = new Date(year, month - 1, date, 12);
  const weekday = noon.getDay() === 0 ? 7 : noon.getDay();
  return {
    periods: hours.weekly.filter(
      (period) =>
        period.day === weekday && (period.weeks ?? [0]).some((week) => inWeek(noon, week)),
    ),
  };
}

function periodsOn(hours: Hours, day: Date): readonly Period[] {
  return hoursOn(hours, dayOf(day.getTime())).periods;
}

/** Week 0 stands for every week; −1 is the last such weekday of the month. */
function inWeek(day: Date, week: number): boolean {
  if (week === 0) return true;
  const date = day.getDate();
  if (week > 0) return Math.ceil(date / 7) === week;
  const daysInMonth = new Date(day.getFullYear(), day.getMonth() + 1, 0).getDate();
  return date + 7 > daysInMonth;
}

function spanOf(day: Date, period: Period): Span {
  const [opensHour, opensMinute] = period.opens.split(':').map(Number);
  const [closesHour, closesMinute] = period.closes.split(':').map(Number);
  const nextDay = period.closes <= period.opens ? 1 : 0;
  const at = (plusDays: number, hour = 0, minute = 0) =>
    new Date(day.getFullYear(), day.getMonth(), day.getDate() + plusDays, hour, minute).getTime();
  return { start: at(0, opensHour, opensMinute), end: at(nextDay, closesHour, closesMinute) };
}

function rangeLength(dated: DatedHours): number {
  return Date.parse(dated.to) - Date.parse(dated.from);
}
