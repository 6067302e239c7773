// HSDS schedules (RFC 5545 RRULE parts) read as Balie's hours. (Written back: schedule-write.ts.)
// Pure. Only what Balie's hours can say is taken over: weekly days, "1st Tuesday" days and
// dated exceptions. Any other rule part is reported by its field name, never guessed at.

import { shorten } from '../partners/cleaning';
import {
  type DatedHours,
  type Hours,
  type Period,
  sortHours,
  type WeeklyPeriod,
} from '../partners/hours';
import type { IssueDetail, ScheduleProblem } from '../partners/issues';
import { type HsdsJson, readNumber, readText } from './record';

/** How Balie marks walk-in hours in `attending_type`; other files may say it in English. */
export const WALK_IN_ATTENDING = 'inloopspreekuur (walk-in)';
const WALK_IN = /inloop|walk[- ]?in|drop[- ]?in/i;
/** RRULE's day names, Monday first as Balie's days are. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const UNSUPPORTED = ['until', 'count', 'byweekno', 'bymonthday', 'byyearday'];

export interface SchedulesRead {
  readonly opening: Hours;
  readonly walkIn: Hours;
  /** Each schedule that was not taken over whole, and why. */
  readonly warnings: readonly IssueDetail[];
}

interface Draft {
  readonly weekly: WeeklyPeriod[];
  readonly exceptions: DatedHours[];
  readonly notes: string[];
}

/** Reads a partner's schedules; the same schedule listed twice (service and location) counts once. */
export function hoursFromSchedules(schedules: readonly HsdsJson[]): SchedulesRead {
  const seen = new Set<string>();
  const opening: Draft = { weekly: [], exceptions: [], notes: [] };
  const walkIn: Draft = { weekly: [], exceptions: [], notes: [] };
  const warnings: IssueDetail[] = [];
  for (const schedule of schedules) {
    const id = readText(schedule, 'id');
    if (id !== undefined && seen.has(id)) continue;
    if (id !== undefined) seen.add(id);
    const draft = WALK_IN.test(readText(schedule, 'attending_type') ?? '') ? walkIn : opening;
    const problem = readSchedule(schedule, draft);
    if (problem !== undefined) {
      const name = nameOf(schedule);
      warnings.push({
        code: 'schedule-partial',
        field: 'openingHours',
        problem,
        ...(name === undefined ? {} : { schedule: name }),
      });
    }
  }
  return { opening: finish(opening), walkIn: finish(walkIn), warnings };
}

function readSchedule(schedule: HsdsJson, draft: Draft): ScheduleProblem | undefined {
  const freq = readText(schedule, 'freq')?.toUpperCase();
  const interval = readNumber(schedule, 'interval') ?? 1;
  const period = readPeriod(schedule);
  const description = readText(schedule, 'description');
  const from = readText(schedule, 'valid_from')?.slice(0, 10);
  if (freq === undefined && from !== undefined) {
    const to = readText(schedule, 'valid_to')?.slice(0, 10) ?? from;
    const note = readText(schedule, 'notes');
    let dated = draft.exceptions.find((known) => known.from === from && known.to === to);
    if (dated === undefined) {
      dated = note === undefined ? { from, to, periods: [] } : { from, to, periods: [], note };
      draft.exceptions.push(dated);
    }
    if (period !== undefined) dated.periods.push(period);
    return undefined;
  }
  if (freq === undefined) {
    if (description !== undefined) draft.notes.push(description);
    return period === undefined ? undefined : { code: 'times-without-days' };
  }
  const weekly = (freq === 'WEEKLY' || freq === 'MONTHLY') && interval === 1;
  if (!weekly || period === undefined) {
    if (description !== undefined) draft.notes.push(description);
    return weekly ? { code: 'no-times' } : { code: 'other-frequency', freq, interval };
  }
  const days = readDays(schedule, freq);
  if (!(days instanceof Map)) return days;
  for (const [day, weeks] of days) {
    draft.weekly.push(weeks.includes(0) ? { day, ...period } : { day, ...period, weeks });
  }
  const ignored = [...UNSUPPORTED, 'valid_from', 'valid_to'].filter(
    (key) => readText(schedule, key) !== undefined,
  );
  return ignored.length === 0 ? undefined : { code: 'parts-ignored', parts: ignored };
}

/** BYDAY as weekday → weeks of the month (0: every week), or what is wrong. */
function readDays(schedule: HsdsJson, freq: string): Map<number, number[]> | ScheduleProblem {
  const days = new Map<number, number[]>();
  const byday = readText(schedule, 'byday');
  const dtstart = readText(schedule, 'dtstart');
  const items = byday?.toUpperCase().split(/\s*,\s*/) ?? [];
  if (items.length === 0 && dtstart !== undefined && /^\d{4}-\d{2}-\d{2}/.test(dtstart)) {
    const weekday = new Date(`${dtstart.slice(0, 10)}T12:00:00`).getDay();
    items.push(WEEKDAYS[(weekday + 6) % 7] ?? 'MO');
  }
  if (items.length === 0) return { code: 'no-days' };
  for (const item of items) {
    const match = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    const week = Number(match?.[1] ?? 0);
    if (match === null || week < -1 || week > 5 || (week !== 0 && freq !== 'MONTHLY')) {
      return { code: 'day-unreadable', day: item };
    }
    const day = WEEKDAYS.indexOf(match[2] ?? '') + 1;
    days.set(day, [...(days.get(day) ?? []), week]);
  }
  return days;
}

function readPeriod(schedule: HsdsJson): Period | undefined {
  const opens = readTime(readText(schedule, 'opens_at'));
  const closes = readTime(readText(schedule, 'closes_at'));
  return opens === undefined || closes === undefined ? undefined : { opens, closes };
}

/** "10:00", "10:00:00", "10:00:00+01:00" to "10:00"; 24:00 is midnight at the end of the day. */
function readTime(text: string | undefined): string | undefined {
  const match = /^(\d{1,2}):(\d{2})/.exec(text ?? '');
  if (match === null) return undefined;
  const hour = match[1] === '24' && match[2] === '00' ? 0 : Number(match[1]);
  if (hour > 23 || Number(match[2]) > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${match[2]}`;
}

/** The schedule's description, or its id; undefined when it has neither. */
function nameOf(schedule: HsdsJson): string | undefined {
  const description = readText(schedule, 'description');
  return description === undefined ? readText(schedule, 'id') : shorten(description, 40);
}

function finish(draft: Draft): Hours {
  const note = draft.notes.filter(Boolean).join(' ').slice(0, 500);
  const hours: Hours = { weekly: draft.weekly, exceptions: draft.exceptions };
  return sortHours(note === '' ? hours : { ...hours, note });
}
