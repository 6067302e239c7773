// The period of the Overzicht as it sits in the address: `?periode=week&dag=2026-11-23`, or
// `?periode=anders&van=…&tot=…`. Shareable and kept on reload; a bad address falls back to today.

import { addDays, daysBetween } from '../../core/reports/calendar';
import {
  type CalendarKind,
  type Period,
  type PeriodKind,
  PeriodQuery,
  periodOf,
  rangePeriod,
} from '../../core/reports/period';

const SLUGS: Readonly<Record<PeriodKind, string>> = {
  day: 'dag',
  week: 'week',
  month: 'maand',
  quarter: 'kwartaal',
  year: 'jaar',
  range: 'anders',
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function periodFromQuery(query: Readonly<Record<string, string>>, today: string): Period {
  const kind = (Object.keys(SLUGS) as PeriodKind[]).find((key) => SLUGS[key] === query.periode);
  if (kind === 'range') {
    const range = PeriodQuery.safeParse({ from: query.van, to: query.tot });
    return range.success ? rangePeriod(range.data.from, range.data.to) : periodOf('week', today);
  }
  const day = query.dag !== undefined && DAY.test(query.dag) ? query.dag : today;
  return periodOf(kind ?? 'week', day);
}

export function periodHref(period: Period, base = '/overzicht'): string {
  const query =
    period.kind === 'range'
      ? `periode=anders&van=${period.from}&tot=${period.to}`
      : `periode=${SLUGS[period.kind]}&dag=${period.from}`;
  return `${base}?${query}`;
}

/** The calendar period of `kind` that holds today. */
export function currentPeriod(kind: CalendarKind, today: string): Period {
  return periodOf(kind, today);
}

/** The period after this one, of the same kind and length. */
export function nextPeriod(period: Period): Period {
  if (period.kind !== 'range') return periodOf(period.kind, addDays(period.to, 1));
  const length = daysBetween(period.from, period.to) + 1;
  return rangePeriod(addDays(period.to, 1), addDays(period.to, length));
}
