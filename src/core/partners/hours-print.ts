// Hours written back as a spreadsheet cell: "ma-vr 09:00-17:00; 25-12-2025 gesloten (Kerst)".
// Pure. It writes the form hours-text.ts reads, so an exported sheet re-imports unchanged; for a
// visitor (the referral slip) it writes whole words: "maandag t/m vrijdag 09:00–17:00".

import { DAY_NAMES, type Hours, type Period, sortHours } from './hours';

const DAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];

/** The office's short form (read back by hours-text.ts), or whole words for a visitor. */
export type HoursStyle = 'office' | 'visitor';

export function printHoursText(hours: Hours, style: HoursStyle = 'office'): string {
  const sorted = sortHours(hours);
  const perDay = new Map<string, { day: number; weeks: readonly number[]; periods: Period[] }>();
  for (const { day, weeks = [], opens, closes } of sorted.weekly) {
    const key = `${day}|${weeks}`;
    const slot = perDay.get(key) ?? { day, weeks, periods: [] };
    slot.periods.push({ opens, closes });
    perDay.set(key, slot);
  }
  const groups = new Map<string, { days: number[]; weeks: readonly number[]; times: string }>();
  for (const { day, weeks, periods } of perDay.values()) {
    const times = printPeriods(periods, style);
    const group = groups.get(`${weeks}|${times}`) ?? { days: [], weeks, times };
    group.days.push(day);
    groups.set(`${weeks}|${times}`, group);
  }
  const entries = [...groups.values()].map(({ days, weeks, times }) => {
    const ordinals = weeks.map((week) => (week < 0 ? 'laatste' : `${week}e`)).join(' en ');
    return `${ordinals ? `${ordinals} ` : ''}${printDays(days, style)} ${times}`;
  });
  for (const { from, to, periods, note } of sorted.exceptions) {
    const range = from === to ? printDate(from) : `${printDate(from)} t/m ${printDate(to)}`;
    const times = periods.length === 0 ? 'gesloten' : printPeriods(periods, style);
    entries.push(`${range} ${times}${note ? ` (${printNote(note)})` : ''}`);
  }
  if (sorted.note) entries.push(`(${printNote(sorted.note)})`);
  return entries.join('; ');
}

/** `YYYY-MM-DD` as a Dutch office writes it: 25-12-2025. */
export function printDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}-${month}-${year}`;
}

function printPeriods(periods: readonly Period[], style: HoursStyle): string {
  const dash = style === 'visitor' ? '–' : '-';
  return periods
    .map(({ opens, closes }) => `${opens}${dash}${closes === '00:00' ? '24:00' : closes}`)
    .join(', ');
}

/**
 * Runs of three or more days as "ma-vr", the rest listed: "ma, wo, vr-zo"; for a visitor
 * "maandag t/m vrijdag", "maandag, woensdag en vrijdag t/m zondag".
 */
function printDays(days: readonly number[], style: HoursStyle): string {
  const names = style === 'visitor' ? DAY_NAMES : DAYS;
  const through = style === 'visitor' ? ' t/m ' : '-';
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run !== undefined && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const items = runs.flatMap((run) =>
    run.length >= 3
      ? [`${names[(run[0] ?? 1) - 1]}${through}${names[(run.at(-1) ?? 1) - 1]}`]
      : run.map((day) => names[day - 1] ?? ''),
  );
  return style === 'office' ? items.join(', ') : AND_LIST.format(items);
}

const AND_LIST = new Intl.ListFormat('nl', { type: 'conjunction' });

/** A note sits in parentheses inside a list split on semicolons, so it may hold neither. */
function printNote(note: string): string {
  return note.replace(/[()]/g, '').replace(/[;\n]+/g, ',');
}
