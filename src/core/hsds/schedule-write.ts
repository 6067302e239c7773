// Balie's hours written as HSDS schedules: one RRULE per group of days with the same times,
// a dated schedule per exception. Pure. Ids come from the content, so exporting twice gives
// the same file.

import { type Hours, sortHours, type WeeklyPeriod } from '../partners/hours';
import { printHoursText } from '../partners/hours-print';
import { deriveUuid } from '../partners/ids';
import { type HsdsSchedule, present } from './record';
import { WALK_IN_ATTENDING, WEEKDAYS } from './schedule';

/** Writes hours as schedules; ids come from the content, so the same hours keep the same ids. */
export function schedulesFromHours(
  partnerId: string,
  hours: Hours,
  walkIn: boolean,
): HsdsSchedule[] {
  const kind = walkIn ? 'walk-in' : 'opening';
  const attending_type = walkIn ? WALK_IN_ATTENDING : undefined;
  const groups = new Map<string, WeeklyPeriod[]>();
  for (const period of sortHours(hours).weekly) {
    const key = `${period.weeks ?? ''}|${period.opens}|${period.closes}`;
    groups.set(key, [...(groups.get(key) ?? []), period]);
  }
  const schedules: HsdsSchedule[] = [...groups.values()].map((periods) => {
    const { weeks, opens, closes } = periods[0] as WeeklyPeriod;
    const freq = weeks === undefined ? 'WEEKLY' : 'MONTHLY';
    const byday = periods
      .flatMap(({ day }) => (weeks ?? ['']).map((week) => `${week}${WEEKDAYS[day - 1]}`))
      .join(',');
    const description = printHoursText({ weekly: periods, exceptions: [] });
    const id = deriveUuid(partnerId, kind, freq, byday, opens, closes);
    return present<HsdsSchedule>({
      id,
      freq,
      interval: 1,
      byday,
      opens_at: `${opens}:00`,
      closes_at: `${closes}:00`,
      description,
      attending_type,
    });
  });
  for (const { from, to, periods, note } of hours.exceptions) {
    const dated = { valid_from: from, valid_to: to, notes: note, attending_type };
    if (periods.length === 0) {
      const id = deriveUuid(partnerId, kind, from, to, 'gesloten');
      schedules.push(present<HsdsSchedule>({ id, ...dated, description: 'Gesloten' }));
    }
    for (const { opens, closes } of periods) {
      const id = deriveUuid(partnerId, kind, from, to, opens, closes);
      const times = { opens_at: `${opens}:00`, closes_at: `${closes}:00` };
      schedules.push(present<HsdsSchedule>({ id, ...dated, ...times }));
    }
  }
  if (hours.note !== undefined) {
    const id = deriveUuid(partnerId, kind, 'note');
    schedules.push(present<HsdsSchedule>({ id, description: hours.note, attending_type }));
  }
  return schedules;
}
