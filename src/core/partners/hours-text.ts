// Hours as a person writes them in a spreadsheet cell: parsed and printed.
// Pure. "ma-vr 09:00-17:00; za 10:00-12:00; 1e en 3e di 19:00-21:00; 25-12-2025 gesloten".
// The printer writes the form the parser reads, so an exported sheet re-imports unchanged.

import { dayOf } from '../day';
import {
  DAY_NAMES,
  type DatedHours,
  type Hours,
  type Period,
  sortHours,
  type WeeklyPeriod,
} from './hours';
import type { HoursProblem } from './issues';

export type HoursParse = { ok: true; hours: Hours } | { ok: false; problem: HoursProblem };

const DAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'];
const DAY_GROUPS: Record<string, number[]> = {
  dagelijks: [1, 2, 3, 4, 5, 6, 7],
  'elke dag': [1, 2, 3, 4, 5, 6, 7],
  werkdagen: [1, 2, 3, 4, 5],
};
const ORDINALS = ['eerste', 'tweede', 'derde', 'vierde', 'vijfde'];
const ORDINAL_PREFIX =
  /^(?:(?:[1-5]e|eerste|tweede|derde|vierde|vijfde|laatste)(?:\s*,\s*|\s+en\s+|\s+))+/;
const DATE = String.raw`\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2}`;
const DATED_ENTRY = new RegExp(`^(${DATE})(?:\\s*(?:t/m|tot en met)\\s*(${DATE}))?\\s*:?\\s*(.*)$`);
const RANGE =
  /^(\d{1,2}(?:[:.]\d{2})?)\s*(?:u|uur)?\s*(?:-|tot)\s*(\d{1,2}(?:[:.]\d{2})?)\s*(?:u|uur)?$/;
interface Draft {
  readonly weekly: WeeklyPeriod[];
  readonly exceptions: DatedHours[];
  readonly notes: string[];
}

export function parseHoursText(text: string): HoursParse {
  const hours: Draft = { weekly: [], exceptions: [], notes: [] };
  for (const raw of text.split(/[;\n]+/)) {
    const problem = readEntry(raw.trim(), hours);
    if (problem !== undefined) return { ok: false, problem };
  }
  const { weekly, exceptions, notes } = hours;
  const note = notes.length > 0 ? { note: notes.join(' ') } : {};
  return { ok: true, hours: sortHours({ weekly, exceptions, ...note }) };
}

/** Adds one entry ("ma-vr 09:00-17:00", "25-12-2025 gesloten (Kerst)"), or says what is wrong. */
function readEntry(raw: string, hours: Draft): HoursProblem | undefined {
  const noted = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(raw);
  const entry = (noted?.[1] ?? raw).trim().toLowerCase().replace(/[–—]/g, '-');
  const note = noted?.[2]?.trim() || undefined;
  const dated = DATED_ENTRY.exec(entry);
  if (dated !== null) {
    const from = readDate(dated[1] ?? '');
    const to = dated[2] === undefined ? from : readDate(dated[2]);
    if (from === null || to === null) {
      return { code: 'date-invalid', text: dated[2] ?? dated[1] ?? '' };
    }
    if (to < from) return { code: 'date-order', entry: raw };
    const periods = readPeriods(dated[3] ?? '', raw);
    if (!Array.isArray(periods)) return periods;
    hours.exceptions.push(note === undefined ? { from, to, periods } : { from, to, periods, note });
    return undefined;
  }
  if (note !== undefined) hours.notes.push(note);
  if (entry === '') return undefined;
  const ordinals = ORDINAL_PREFIX.exec(entry)?.[0] ?? '';
  const rest = entry.slice(ordinals.length);
  const timeStart = rest.search(/\d|gesloten/);
  if (timeStart < 0) return { code: 'time-missing', entry: raw };
  const days = readDays(rest.slice(0, timeStart).replace(/:\s*$/, '').trim());
  if (!Array.isArray(days)) return days;
  const periods = readPeriods(rest.slice(timeStart), raw);
  if (!Array.isArray(periods)) return periods;
  const weeks = ordinals.split(/[\s,]+/).flatMap(readOrdinal);
  for (const day of days) {
    for (const period of periods) {
      hours.weekly.push(weeks.length === 0 ? { day, ...period } : { day, ...period, weeks });
    }
  }
  return undefined;
}

/** "1e" or "eerste" is 1, "laatste" is −1; "en" and the like are no week at all. */
function readOrdinal(word: string): number[] {
  if (word === 'laatste') return [-1];
  const week = /^[1-5]e$/.test(word) ? Number(word[0]) : ORDINALS.indexOf(word) + 1;
  return week > 0 ? [week] : [];
}

export function printHoursText(hours: Hours): string {
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
    const times = printPeriods(periods);
    const group = groups.get(`${weeks}|${times}`) ?? { days: [], weeks, times };
    group.days.push(day);
    groups.set(`${weeks}|${times}`, group);
  }
  const entries = [...groups.values()].map(({ days, weeks, times }) => {
    const ordinals = weeks.map((week) => (week < 0 ? 'laatste' : `${week}e`)).join(' en ');
    return `${ordinals ? `${ordinals} ` : ''}${printDays(days)} ${times}`;
  });
  for (const { from, to, periods, note } of sorted.exceptions) {
    const range = from === to ? printDate(from) : `${printDate(from)} t/m ${printDate(to)}`;
    const times = periods.length === 0 ? 'gesloten' : printPeriods(periods);
    entries.push(`${range} ${times}${note ? ` (${printNote(note)})` : ''}`);
  }
  if (sorted.note) entries.push(`(${printNote(sorted.note)})`);
  return entries.join('; ');
}

function readDays(text: string): number[] | HoursProblem {
  if (text === '') return { code: 'day-missing' };
  if (DAY_GROUPS[text]) return DAY_GROUPS[text];
  const days: number[] = [];
  const ranged = text.replace(/\s*(?:t\/m|tot en met)\s*/g, '-');
  for (const item of ranged.split(/\s*(?:,|\/|&|\ben\b)\s*/).filter(Boolean)) {
    const [first, last, extra] = item.split(/\s*-\s*/);
    const start = readDay(first ?? '');
    const end = last === undefined ? start : readDay(last);
    if (start === null || end === null || extra !== undefined) {
      return { code: 'day-invalid', text: item };
    }
    for (let day = start; ; day = (day % 7) + 1) {
      if (!days.includes(day)) days.push(day);
      if (day === end) break;
    }
  }
  return days;
}

function readDay(word: string): number | null {
  const clean = word.replace(/\.$/, '');
  if (clean.length < 2) return null;
  const index = DAY_NAMES.findIndex((name) => name.startsWith(clean));
  return index < 0 ? null : index + 1;
}

function readPeriods(text: string, entry: string): Period[] | HoursProblem {
  const trimmed = text.trim();
  if (trimmed === 'gesloten') return [];
  if (trimmed === '') return { code: 'time-missing', entry };
  const periods: Period[] = [];
  for (const part of trimmed.split(/\s*(?:,|&|\ben\b)\s*/)) {
    const range = RANGE.exec(part);
    const opens = readTime(range?.[1], false);
    const closes = readTime(range?.[2], true);
    if (opens === null || closes === null) return { code: 'time-invalid', text: part };
    if (opens === closes && opens !== '00:00') return { code: 'time-equal', text: part };
    periods.push({ opens, closes });
  }
  return periods;
}

/** "9", "9.30", "09:30"; "24:00" only as a closing time, stored as 00:00 of the next day. */
function readTime(text: string | undefined, closing: boolean): string | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text ?? '');
  if (match === null) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  if (closing && hour === 24 && minute === 0) return '00:00';
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

/** "25-12-2025", "25/12/2025" or "2025-12-25" to `YYYY-MM-DD`, or null if no such day. */
export function readDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]].map(Number)
    : dutch
      ? [dutch[3], dutch[2], dutch[1]].map(Number)
      : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = new Date(year, month - 1, day);
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return dayOf(date.getTime());
}

/** `YYYY-MM-DD` as a Dutch office writes it: 25-12-2025. */
export function printDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}-${month}-${year}`;
}

function printPeriods(periods: readonly Period[]): string {
  return periods
    .map(({ opens, closes }) => `${opens}-${closes === '00:00' ? '24:00' : closes}`)
    .join(', ');
}

/** Runs of three or more days as "ma-vr", the rest listed: "ma, wo, vr-zo". */
function printDays(days: readonly number[]): string {
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run !== undefined && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .flatMap((run) =>
      run.length >= 3
        ? [`${DAYS[(run[0] ?? 1) - 1]}-${DAYS[(run.at(-1) ?? 1) - 1]}`]
        : run.map((day) => DAYS[day - 1] ?? ''),
    )
    .join(', ');
}

/** A note sits in parentheses inside a list split on semicolons, so it may hold neither. */
function printNote(note: string): string {
  return note.replace(/[()]/g, '').replace(/[;\n]+/g, ',');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
