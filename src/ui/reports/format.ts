// How the Overzicht writes numbers, days and periods: Dutch formats ("1.234", "23 nov.",
// "week 48, 2026 (23–29 november 2026)", "4e kwartaal 2026"). Days are calendar days, so no time zone shifts them.

import { isoWeekOf, weekdayOf } from '../../core/reports/calendar';
import type { Period } from '../../core/reports/period';

import { formatCount } from '../text';

export { formatCount };

const numbers = new Intl.NumberFormat('nl-NL');
const longDay = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDay = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short' });
const monthYear = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric' });
const WEEKDAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];

function dateOf(day: string): Date {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

/** A difference with its sign, and a real minus sign ("−2") rather than a hyphen. */
export function formatDifference(difference: number): string {
  if (difference === 0) return '0';
  return `${difference > 0 ? '+' : '−'}${numbers.format(Math.abs(difference))}`;
}

export function formatLongDay(day: string): string {
  return longDay.format(dateOf(day));
}

/** "ma 23 nov.": a day on a chart's axis and in its table. */
export function formatShortDay(day: string): string {
  return `${WEEKDAYS[weekdayOf(day) - 1] ?? ''} ${shortDay.format(dateOf(day))}`;
}

/** "week 48" from `2026-W48`. */
export function formatWeekKey(key: string): string {
  return `week ${Number(key.slice(6))}`;
}

/** "Periode ervoor: week 47, 2026 (16–22 november 2026)": a period with what it is to the report. */
export function formatNamedPeriod(name: string, period: Period): string {
  return `${name}: ${formatPeriod(period)}`;
}

/** The period as a heading reads it: "week 49, 2026 (30 november – 6 december 2026)". */
export function formatPeriod(period: Period): string {
  switch (period.kind) {
    case 'day':
      return formatLongDay(period.from);
    case 'week': {
      const { year, week } = isoWeekOf(period.from);
      return `week ${week}, ${year} (${longDay.formatRange(dateOf(period.from), dateOf(period.to))})`;
    }
    case 'month':
      return monthYear.format(dateOf(period.from));
    case 'quarter':
      return `${Math.floor(Number(period.from.slice(5, 7)) / 3) + 1}e kwartaal ${period.from.slice(0, 4)}`;
    case 'year':
      return period.from.slice(0, 4);
    case 'range':
      return period.from === period.to
        ? formatLongDay(period.from)
        : `${formatLongDay(period.from)} t/m ${formatLongDay(period.to)}`;
  }
}
