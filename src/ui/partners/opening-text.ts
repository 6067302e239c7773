// "Nu open tot 17:00", "Gesloten, opent dinsdag om 09:00": the core's opening status in words.
// Reads the device's local time, as the core does; the caller passes the moment. Small and
// apart from text.ts, because the registration screen's suggestions use it on the first page.

import { dayOf } from '../../core/day';
import { DAY_NAMES, type OpeningStatus } from '../../core/partners/hours';

const MONTHS =
  'januari februari maart april mei juni juli augustus september oktober november december'.split(
    ' ',
  );

export function describeOpening(status: OpeningStatus, moment: number): string {
  switch (status.state) {
    case 'unknown':
      return 'Openingstijden onbekend';
    case 'open':
      return status.until === null
        ? 'Nu open'
        : `Nu open tot ${describeWhen(status.until, moment, false)}`;
    case 'closed':
      return status.opensAt === null
        ? 'Gesloten'
        : `Gesloten, opent ${describeWhen(status.opensAt, moment, true)}`;
  }
}

/** Hours kept as the source's text: "Openingstijden: zie website". */
export function describeHoursText(note: string): string {
  return `Openingstijden: ${note}`;
}

/** "17:00", "morgen 02:00", "middernacht"; an opening time reads "om 09:00". */
function describeWhen(target: number, moment: number, opening: boolean): string {
  const date = new Date(target);
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  const days = Math.round((Date.parse(dayOf(target)) - Date.parse(dayOf(moment))) / 86_400_000);
  const weekday = DAY_NAMES[(date.getDay() + 6) % 7] ?? '';
  const at = opening ? 'om ' : '';
  if (!opening && days === 1 && time === '00:00') return 'middernacht';
  if (days === 0) return `${at}${time}`;
  if (days === 1) return `morgen ${at}${time}`;
  if (days < 7) return `${weekday} ${at}${time}`;
  return `op ${weekday} ${date.getDate()} ${MONTHS[date.getMonth()]} ${at}${time}`;
}
