import { describe, expect, test } from 'vitest';
import {
  type Hours,
  hoursOn,
  isOpenAt,
  NO_HOURS,
  openingStatus,
  sortHours,
} from '../../../src/core/partners/hours';
import { printHoursText } from '../../../src/core/partners/hours-print';
import { parseHoursText, readDate } from '../../../src/core/partners/hours-text';
import { describeDetail } from '../../../src/ui/partners/issue-text';
import { describeOpening } from '../../../src/ui/partners/opening-text';
import { generatePartners } from '../../support/partners';

/** A local moment, as the desk's clock shows it. Months are 1-based here, unlike Date. */
function at(day: string, time: string): number {
  const [year, month, date] = day.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, date, hour, minute).getTime();
}

function hours(text: string): Hours {
  const parsed = parseHoursText(text);
  if (!parsed.ok) throw new Error(parsed.problem.code);
  return parsed.hours;
}

// 2025-03-03 is a Monday; 2025-03-07 a Friday.
describe('isOpenAt', () => {
  test.each([
    ['weekday, before opening', 'ma-vr 09:00-17:00', '2025-03-03', '08:59', false],
    ['weekday, at opening', 'ma-vr 09:00-17:00', '2025-03-03', '09:00', true],
    ['weekday, last minute', 'ma-vr 09:00-17:00', '2025-03-03', '16:59', true],
    ['weekday, at closing', 'ma-vr 09:00-17:00', '2025-03-03', '17:00', false],
    ['closed day (Sunday)', 'ma-vr 09:00-17:00', '2025-03-09', '12:00', false],
    ['lunch break', 'ma 09:00-12:00, 13:00-17:00', '2025-03-03', '12:30', false],
    ['after lunch', 'ma 09:00-12:00, 13:00-17:00', '2025-03-03', '13:00', true],
    ['night, before', 'vr 22:00-02:00', '2025-03-07', '21:59', false],
    ['night, evening', 'vr 22:00-02:00', '2025-03-07', '23:30', true],
    ['night, past midnight', 'vr 22:00-02:00', '2025-03-08', '01:59', true],
    ['night, at closing', 'vr 22:00-02:00', '2025-03-08', '02:00', false],
    ['night, other weekday', 'vr 22:00-02:00', '2025-03-06', '23:30', false],
    ['night, early hours of Friday', 'vr 22:00-02:00', '2025-03-07', '01:00', false],
    ['until midnight', 'ma 09:00-24:00', '2025-03-03', '23:59', true],
    ['until midnight, next day', 'ma 09:00-24:00', '2025-03-04', '00:00', false],
    ['whole day', 'za 00:00-24:00', '2025-03-08', '00:00', true],
    ['whole day, late', 'za 00:00-24:00', '2025-03-08', '23:59', true],
    ['whole day, next day', 'za 00:00-24:00', '2025-03-09', '00:00', false],
    ['first Tuesday', '1e en 3e di 19:00-21:00', '2025-03-04', '20:00', true],
    ['second Tuesday', '1e en 3e di 19:00-21:00', '2025-03-11', '20:00', false],
    ['third Tuesday', '1e en 3e di 19:00-21:00', '2025-03-18', '20:00', true],
    ['last Friday', 'laatste vr 09:00-12:00', '2025-02-28', '10:00', true],
    ['not the last Friday', 'laatste vr 09:00-12:00', '2025-02-21', '10:00', false],
    ['closed holiday', 'ma-vr 09:00-17:00; 25-12-2025 gesloten', '2025-12-25', '10:00', false],
    ['day before holiday', 'ma-vr 09:00-17:00; 25-12-2025 gesloten', '2025-12-24', '10:00', true],
    [
      'special hours, inside',
      'ma-vr 09:00-17:00; 24-12-2025 09:00-13:00',
      '2025-12-24',
      '12:00',
      true,
    ],
    [
      'special hours, after',
      'ma-vr 09:00-17:00; 24-12-2025 09:00-13:00',
      '2025-12-24',
      '14:00',
      false,
    ],
    [
      'exception opens a closed day',
      'ma-vr 09:00-17:00; 06-12-2025 10:00-14:00',
      '2025-12-06',
      '11:00',
      true,
    ],
    [
      'closed summer',
      'ma-vr 09:00-17:00; 14-07-2025 t/m 08-08-2025 gesloten',
      '2025-07-24',
      '11:00',
      false,
    ],
    [
      'narrow exception inside a closed summer',
      'ma-vr 09:00-17:00; 14-07-2025 t/m 08-08-2025 gesloten; 25-07-2025 10:00-12:00',
      '2025-07-25',
      '11:00',
      true,
    ],
    // A night belongs to the day it starts: a closed Saturday does not cut Friday's night short.
    ['night into a closed day', 'vr 22:00-02:00; 08-03-2025 gesloten', '2025-03-08', '01:00', true],
    ['no hours at all', '', '2025-03-03', '10:00', false],
  ])('%s', (_name, text, day, time, open) => {
    expect(isOpenAt(hours(text), at(day, time))).toBe(open);
  });
});

const HOUR = 3_600_000;

/** The UTC offset of a local moment, in minutes east of Greenwich. */
function offsetAt(moment: number): number {
  return -new Date(moment).getTimezoneOffset();
}

// The clocks go forward (02:00 → 03:00) on 2025-03-30 and back (03:00 → 02:00) on 2025-10-26
// in the Netherlands. Each case checks that the night it tests really crosses the change.
describe('isOpenAt over the clock change', () => {
  test.each([
    ['spring, before the change', '2025-03-30', '01:30', true],
    ['spring, after the change', '2025-03-30', '03:30', true],
    ['spring, at closing', '2025-03-30', '04:00', false],
    ['autumn, before the change', '2025-10-26', '01:30', true],
    ['autumn, after the change', '2025-10-26', '03:59', true],
    ['autumn, at closing', '2025-10-26', '04:00', false],
  ])('%s', (_name, day, time, open) => {
    const saturday = day === '2025-03-30' ? '2025-03-29' : '2025-10-25';
    const opening = at(saturday, '22:00');
    const closing = at(day, '04:00');
    expect(offsetAt(opening)).not.toBe(offsetAt(closing));
    expect(isOpenAt(hours('za 22:00-04:00'), at(day, time))).toBe(open);
  });

  test.each([
    ['spring: the night is an hour shorter', '2025-03-29', 5],
    ['autumn: the night is an hour longer', '2025-10-25', 7],
  ])('%s, and closes at 04:00 on the clock', (_name, saturday, realHours) => {
    const opening = at(saturday, '22:00');
    const status = openingStatus(hours('za 22:00-04:00'), opening);
    if (status.state !== 'open') throw new Error(`expected open, got ${status.state}`);
    expect(offsetAt(opening)).not.toBe(offsetAt(status.until ?? opening));
    expect(status.until).toBe(opening + realHours * HOUR);
  });
});

describe('openingStatus and describeOpening', () => {
  test.each([
    ['open until closing', 'ma-vr 09:00-17:00', '2025-03-03', '10:00', 'Nu open tot 17:00'],
    ['opens later today', 'ma-vr 09:00-17:00', '2025-03-03', '08:00', 'Gesloten, opent om 09:00'],
    [
      'opens tomorrow',
      'ma-vr 09:00-17:00',
      '2025-03-03',
      '18:00',
      'Gesloten, opent morgen om 09:00',
    ],
    [
      'opens after the weekend',
      'ma-vr 09:00-17:00',
      '2025-03-07',
      '18:00',
      'Gesloten, opent maandag om 09:00',
    ],
    [
      'back-to-back periods are one',
      'ma 09:00-12:00, 12:00-17:00',
      '2025-03-03',
      '10:00',
      'Nu open tot 17:00',
    ],
    ['night past midnight', 'vr 22:00-02:00', '2025-03-07', '23:00', 'Nu open tot morgen 02:00'],
    ['until midnight', 'ma 09:00-24:00', '2025-03-03', '20:00', 'Nu open tot middernacht'],
    ['always open', 'ma-zo 00:00-24:00', '2025-03-03', '20:00', 'Nu open'],
    ['unknown hours', '', '2025-03-03', '20:00', 'Openingstijden onbekend'],
    [
      'after a summer closure',
      'ma-vr 09:00-17:00; 14-07-2025 t/m 08-08-2025 gesloten',
      '2025-07-20',
      '12:00',
      'Gesloten, opent op maandag 11 augustus om 09:00',
    ],
    ['nothing ahead', '01-01-2025 09:00-17:00', '2025-03-03', '12:00', 'Gesloten'],
  ])('%s', (_name, text, day, time, sentence) => {
    const moment = at(day, time);
    expect(describeOpening(openingStatus(hours(text), moment), moment)).toBe(sentence);
  });

  test('gives the moments themselves, for a view that formats its own way', () => {
    const status = openingStatus(hours('ma-vr 09:00-17:00'), at('2025-03-03', '10:00'));
    expect(status).toEqual({ state: 'open', until: at('2025-03-03', '17:00') });
  });
});

describe('parseHoursText and printHoursText', () => {
  test.each([
    ['ma-vr 09:00-17:00', 'ma-vr 09:00-17:00'],
    ['ma-vr 9-17', 'ma-vr 09:00-17:00'],
    ['Maandag t/m vrijdag 09.00 - 17.00 uur', 'ma-vr 09:00-17:00'],
    ['ma, wo, vr 09:00-12:00, 13:00-17:00', 'ma, wo, vr 09:00-12:00, 13:00-17:00'],
    ['za–zo 10:00–16:00', 'za, zo 10:00-16:00'],
    ['ma-vr 09:00-17:00; za 10:00-12:00; zo gesloten', 'ma-vr 09:00-17:00; za 10:00-12:00'],
    ['ma-vr 09:00-17:00\nza 10:00-12:00', 'ma-vr 09:00-17:00; za 10:00-12:00'],
    ['dagelijks 08:00-20:00', 'ma-zo 08:00-20:00'],
    ['werkdagen: 8:30-16:30', 'ma-vr 08:30-16:30'],
    ['vr 22:00-02:00', 'vr 22:00-02:00'],
    ['za 00:00-24:00', 'za 00:00-24:00'],
    ['1e en 3e di 19:00-21:00', '1e en 3e di 19:00-21:00'],
    ['eerste dinsdag 19:00 tot 21:00', '1e di 19:00-21:00'],
    ['laatste vr 09:00-12:00', 'laatste vr 09:00-12:00'],
    ['25-12-2025 gesloten (Kerst)', '25-12-2025 gesloten (Kerst)'],
    ['2025-12-25 gesloten', '25-12-2025 gesloten'],
    ['14-7-2025 t/m 8-8-2025 gesloten', '14-07-2025 t/m 08-08-2025 gesloten'],
    ['24-12-2025 09:00-13:00', '24-12-2025 09:00-13:00'],
    ['ma-vr 09:00-17:00 (alleen op afspraak)', 'ma-vr 09:00-17:00; (alleen op afspraak)'],
    ['', ''],
  ])('%j prints as %j', (text, printed) => {
    expect(printHoursText(hours(text))).toBe(printed);
  });

  test.each([
    ['ma-vr 09:00-17:00', 'maandag t/m vrijdag 09:00–17:00'],
    ['ma, wo, vr 09:00-12:00', 'maandag, woensdag en vrijdag 09:00–12:00'],
    ['ma, wo-zo 10:00-16:00', 'maandag en woensdag t/m zondag 10:00–16:00'],
    ['1e en 3e di 19:00-21:00', '1e en 3e dinsdag 19:00–21:00'],
    [
      'ma-vr 09:00-17:00; 25-12-2025 gesloten (Kerst)',
      'maandag t/m vrijdag 09:00–17:00; 25-12-2025 gesloten (Kerst)',
    ],
  ])('for a visitor, %j reads %j', (text, printed) => {
    expect(printHoursText(hours(text), 'visitor')).toBe(printed);
  });

  test.each([
    ['mandag 09:00-17:00', "'mandag' is geen dag. Gebruik ma, di, wo, do, vr, za of zo."],
    [
      'ma-vr',
      "Bij 'ma-vr' ontbreekt de tijd. Schrijf bijvoorbeeld: ma-vr 09:00-17:00; za 10:00-12:00.",
    ],
    [
      'ma 25:00-17:00',
      "'25:00-17:00' is geen tijd. Schrijf bijvoorbeeld: ma-vr 09:00-17:00; za 10:00-12:00.",
    ],
    ['ma 9 tot', "'9 tot' is geen tijd. Schrijf bijvoorbeeld: ma-vr 09:00-17:00; za 10:00-12:00."],
    ['ma 09:00-09:00', "In '09:00-09:00' zijn begin- en eindtijd gelijk."],
    [
      '31-02-2025 gesloten',
      "'31-02-2025' is geen bestaande datum. Schrijf bijvoorbeeld 25-12-2025.",
    ],
    [
      '10-08-2025 t/m 01-08-2025 gesloten',
      "In '10-08-2025 t/m 01-08-2025 gesloten' ligt de einddatum vóór de begindatum.",
    ],
    ['09:00-17:00', 'De dag ontbreekt. Schrijf bijvoorbeeld: ma-vr 09:00-17:00; za 10:00-12:00.'],
  ])('%j is refused: %s', (text, message) => {
    const parsed = parseHoursText(text);
    expect(parsed.ok).toBe(false);
    const problem = parsed.ok ? undefined : parsed.problem;
    expect(
      problem && describeDetail({ code: 'hours-invalid', field: 'openingHours', problem }),
    ).toBe(message);
  });

  test('printing and parsing again gives the same hours, for many generated partners', () => {
    for (const partner of generatePartners(200, 7)) {
      for (const original of [partner.openingHours, partner.walkInHours]) {
        expect(hours(printHoursText(original))).toEqual(sortHours(original));
      }
    }
  });

  test('readDate refuses days that do not exist', () => {
    expect(readDate('29-02-2024')).toBe('2024-02-29');
    expect(readDate('29-02-2025')).toBeNull();
    expect(readDate('2025-13-01')).toBeNull();
  });

  test('no hours print as an empty cell', () => {
    expect(printHoursText(NO_HOURS)).toBe('');
  });
});

describe('hoursOn: what holds on one day', () => {
  const week = hours('ma-vr 09:00-17:00; 1e di 19:00-21:00; 25-12-2025 gesloten (Kerst)');

  test('a weekday has the week’s periods, those of other weeks of the month left out', () => {
    // 2 December 2025 is the first Tuesday, 9 December the second.
    expect(hoursOn(week, '2025-12-02').periods.map((p) => p.opens)).toEqual(['09:00', '19:00']);
    expect(hoursOn(week, '2025-12-09').periods.map((p) => p.opens)).toEqual(['09:00']);
  });

  test('an exception holds instead, with its note', () => {
    const christmas = hoursOn(week, '2025-12-25');
    expect(christmas.periods).toEqual([]);
    expect(christmas.exception?.note).toBe('Kerst');
  });
});
