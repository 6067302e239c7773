// Calendar days as `YYYY-MM-DD`: adding days and years, weekdays, ISO weeks.
// Pure. A day is a date on the calendar, not a moment: arithmetic runs in UTC, so no time zone
// or clock change can shift it.

const DAY_MS = 86_400_000;

function toUtc(day: string): number {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date);
}

function fromUtc(moment: number): string {
  return new Date(moment).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** Whole days from `from` to `to`; 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The same date `years` later or earlier; 29 February becomes the 28th in a common year. */
export function addYears(day: string, years: number): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const last = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return fromUtc(Date.UTC(year + years, month - 1, Math.min(date, last)));
}

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export function weekdayOf(day: string): number {
  return ((new Date(toUtc(day)).getUTCDay() + 6) % 7) + 1;
}

/** The ISO week: weeks start on Monday and belong to the year that holds their Thursday. */
export function isoWeekOf(day: string): { readonly year: number; readonly week: number } {
  const thursday = addDays(day, 4 - weekdayOf(day));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week };
}

/** `2026-W53`: sorts in time order. */
export function weekKey(day: string): string {
  const { year, week } = isoWeekOf(day);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of ISO week `week` of `year` (4 January is always in week 1). */
export function mondayOfWeek(year: number, week: number): string {
  const january4 = `${year}-01-04`;
  return addDays(january4, 1 - weekdayOf(january4) + 7 * (week - 1));
}

/** 52 or 53. */
export function weeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`).week;
}
