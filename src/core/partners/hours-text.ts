// Hours as people type them: "ma-vr 09:00-17:00", "di,do 13:00-16:00", "dagelijks 21:00-09:00",
// "ma-do 08.30-17.00; vr 08:30-12:00", "1e en 3e di 19-21 uur", "25-12-2025 gesloten", "op afspraak".
// Pure. `readHoursText` never guesses: a cell it cannot read whole is kept as its text (the
// note), so "nu open" says nothing rather than something wrong.

import { cleanText } from './cleaning';
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
/** With a problem, `hours` is the text alone, as the note. */
export interface HoursRead {
  readonly hours: Hours;
  readonly problem?: HoursProblem;
}

const ALL = [1, 2, 3, 4, 5, 6, 7];
const WORKDAYS = [1, 2, 3, 4, 5];
/** Words for several days, as whole day texts or as one item of a list ("ma-vr en weekend"). */
const DAY_GROUPS: Readonly<Record<string, readonly number[]>> = {
  dagelijks: ALL,
  'elke dag': ALL,
  'iedere dag': ALL,
  'alle dagen': ALL,
  werkdagen: WORKDAYS,
  weekdagen: WORKDAYS,
  doordeweeks: WORKDAYS,
  'door de week': WORKDAYS,
  weekend: [6, 7],
  weekends: [6, 7],
};
/** Whole entries that say something true without a time: kept as the note. */
const NOTES = /^(?:(?:alleen |uitsluitend )?(?:op|volgens|na) afspraak|gesloten)$/;
const ORDINALS = ['eerste', 'tweede', 'derde', 'vierde', 'vijfde'];
const ORDINAL_PREFIX =
  /^(?:(?:[1-5]e|eerste|tweede|derde|vierde|vijfde|laatste)(?:\s*,\s*|\s+en\s+|\s+))+/;
const DATE = String.raw`\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2}`;
const DATED_ENTRY = new RegExp(`^(${DATE})(?:\\s*(?:t/m|tot en met)\\s*(${DATE}))?\\s*:?\\s*(.*)$`);
const TIME = String.raw`(\d{1,2}(?:[:.]\d{2})?)`;
/** "09:00-17:00", "9.30 - 12 uur", "van 9 tot 17u"; never inside a longer number. */
const RANGE = new RegExp(
  String.raw`(?:van\s*)?(?<![\d:.])${TIME}\s*(?:u|uur)?\s*(?:-|tot)\s*${TIME}(?![\d:.]?\d)\s*(?:uur|u\b)?`,
  'g',
);
/** Entries end at ; or a line break, or at a comma after a time: "ma 9-12, di 13-17". */
const ENTRY_END = /[;\n]+|(?<=\d(?:\s*uur|\s*u)?)\s*,\s*(?=\p{L})/u;

interface Draft {
  readonly weekly: WeeklyPeriod[];
  readonly exceptions: DatedHours[];
  readonly notes: string[];
}

/** The form's reading: every entry must be understood, or it says why not. */
export function parseHoursText(text: string): HoursParse {
  const hours: Draft = { weekly: [], exceptions: [], notes: [] };
  for (const raw of text.split(ENTRY_END)) {
    const problem = readEntry(raw.trim(), hours);
    if (problem !== undefined) return { ok: false, problem };
  }
  const { weekly, exceptions, notes } = hours;
  const note = notes.length > 0 ? { note: notes.join(' ').slice(0, 500) } : {};
  return { ok: true, hours: sortHours({ weekly, exceptions, ...note }) };
}

/** An import's reading: what cannot be read whole is kept as text, with the reason. */
export function readHoursText(text: string): HoursRead {
  const parsed = parseHoursText(text);
  if (parsed.ok) return { hours: parsed.hours };
  const note = cleanText(text.replace(/\r?\n/g, '; ')).slice(0, 500);
  return { hours: { weekly: [], exceptions: [], note }, problem: parsed.problem };
}

/** Adds one entry ("ma-vr 09:00-17:00", "25-12-2025 gesloten (Kerst)"), or says what is wrong. */
function readEntry(raw: string, hours: Draft): HoursProblem | undefined {
  const noted = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(raw);
  const entry = (noted?.[1] ?? raw)
    .trim()
    .toLowerCase()
    .replace(/[–—]/g, '-')
    .replace(/[.:]$/, '')
    .trim();
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
  if (NOTES.test(entry)) {
    hours.notes.push(cleanText(noted?.[1] ?? raw));
    return undefined;
  }
  const ordinals = ORDINAL_PREFIX.exec(entry)?.[0] ?? '';
  const rest = entry.slice(ordinals.length);
  const timeStart = rest.search(/\d|gesloten/);
  if (timeStart < 0) return { code: 'time-missing', entry: raw };
  const days = readDays(rest.slice(0, timeStart));
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

/** "ma-vr", "di,do", "ma t/m do", "maandag en woensdag", "werkdagen", "elke dinsdag". */
function readDays(raw: string): number[] | HoursProblem {
  const text = raw
    .replace(/[:,]?\s*$/, '')
    .replace(/(?:^|\s+)(?:van|vanaf)$/, '')
    .replace(/^(?:van|elke|iedere|op)\s+/, '')
    .replace(/\s*(?:t\/m|tot en met|tot|-)\s*/g, '-')
    .trim();
  if (text === '') return { code: 'day-missing' };
  const group = DAY_GROUPS[text];
  if (group !== undefined) return [...group];
  const days: number[] = [];
  for (const item of text.split(/[\s,/&+]+|\ben\b/).filter(Boolean)) {
    const [first, last, extra] = item.split('-');
    const start = readDay(first ?? '');
    const end = last === undefined ? start : readDay(last);
    const named = DAY_GROUPS[item];
    if (named !== undefined) {
      for (const day of named) if (!days.includes(day)) days.push(day);
      continue;
    }
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

/** "ma", "ma.", "maan", "maandag": any start of a day name of two letters or more. */
function readDay(word: string): number | null {
  const clean = word.replace(/\.$/, '');
  if (clean.length < 2) return null;
  const index = DAY_NAMES.findIndex((name) => name.startsWith(clean));
  return index < 0 ? null : index + 1;
}

/** "09:00-12:00, 13:00-17:00", "9-12 en 13-17 uur", "gesloten"; separators only between ranges. */
function readPeriods(text: string, entry: string): Period[] | HoursProblem {
  const trimmed = text.trim();
  if (trimmed === 'gesloten') return [];
  if (trimmed === '') return { code: 'time-missing', entry };
  const periods: Period[] = [];
  for (const range of trimmed.matchAll(RANGE)) {
    const opens = readTime(range[1], false);
    const closes = readTime(range[2], true);
    const part = range[0].trim();
    if (opens === null || closes === null) return { code: 'time-invalid', text: part };
    if (opens === closes && opens !== '00:00') return { code: 'time-equal', text: part };
    periods.push({ opens, closes });
  }
  const between = trimmed.replace(RANGE, '').replace(/\ben\b|[\s,&/+]/g, '');
  if (periods.length === 0 || between !== '') return { code: 'time-invalid', text: trimmed };
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
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
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
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}
