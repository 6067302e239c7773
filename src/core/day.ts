// Calendar days and hour bands as the registration stores them.
// Pure. Works in the device's own time zone, from a moment the caller passes in.

/** `YYYY-MM-DD` of a moment, in local time. */
export function dayOf(moment: number): string {
  const date = new Date(moment);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** The hour band 0–23 of a moment, in local time: the finest time a registration keeps. */
export function hourOf(moment: number): number {
  return new Date(moment).getHours();
}

/** The calendar day `days` after (or before, when negative) a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const moved = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + days));
  return moved.toISOString().slice(0, 10);
}

/** "11–12 uur": an hour band as people read it (only the band is stored, never the minute). */
export function hourBand(hour: number): string {
  return `${hour}–${hour + 1} uur`;
}
