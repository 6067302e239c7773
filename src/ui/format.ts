// How times and sizes read in the interface: "zojuist", "5 minuten geleden", "om 14:05", and
// what is still to come: "over 20 seconden".

import { text } from './text';

const timeFormat = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** A moment past: recent ones in minutes, today's as a time, older with a date. */
export function formatMoment(moment: number, now: number): string {
  const minutes = Math.round((now - moment) / 60_000);
  if (minutes >= 0 && minutes < 1) return text.time.justNow;
  if (minutes >= 1 && minutes < 60) return text.time.minutesAgo(minutes);
  return atOrOn(moment, now);
}

/** A moment still to come: "nu", "over 20 seconden", "over 5 minuten", "om 14:05", a date. */
export function formatUpcoming(moment: number, now: number): string {
  const ahead = moment - now;
  if (ahead <= 0) return text.time.now;
  if (ahead < 60_000) return text.time.inSeconds(Math.ceil(ahead / 1000));
  const minutes = Math.round(ahead / 60_000);
  if (minutes < 60) return text.time.inMinutes(minutes);
  return atOrOn(moment, now);
}

/** "om 14:05" on the same day, else with the date. */
function atOrOn(moment: number, now: number): string {
  const sameDay = new Date(moment).toDateString() === new Date(now).toDateString();
  return sameDay ? text.time.at(timeFormat.format(moment)) : dateTimeFormat.format(moment);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1).replace('.', ',')} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1).replace('.', ',')} GB`;
}

const dayFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "3 maart 2026" for "2026-03-03", read as a calendar day (no time zone shift). */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return dayFormat.format(new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1));
}
