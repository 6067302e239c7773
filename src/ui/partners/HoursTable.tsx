// Opening hours as a table of the week (today's row marked), with the coming exceptions and
// the source's own note. The partner page's.

import {
  DAY_NAMES,
  type Hours,
  hasHours,
  hoursOn,
  type Period,
  type WeeklyPeriod,
} from '../../core/partners/hours';
import { weekdayOf } from '../../core/reports/calendar';
import { formatDay } from '../format';
import { text } from './text';

export function HoursTable({ hours, today }: { hours: Hours; today: string }) {
  if (!hasHours(hours)) {
    return <p class="muted">{hours.note ?? text.partners.hours.unknown}</p>;
  }
  const coming = hours.exceptions.filter((dated) => dated.to >= today).slice(0, 6);
  const weekday = weekdayOf(today);
  const todays = hoursOn(hours, today);
  return (
    <div class="hours">
      <table class="hours-table">
        <tbody>
          {DAY_NAMES.map((name, index) => {
            const isToday = index + 1 === weekday;
            // Today's row says what holds today: an exception (Kerst) or this week's periods.
            const periods = isToday
              ? todays.periods
              : hours.weekly.filter((period) => period.day === index + 1);
            return (
              <tr
                key={name}
                class={isToday ? 'is-today' : undefined}
                aria-current={isToday ? 'date' : undefined}
              >
                <th scope="row">
                  {capitalise(name)}
                  {isToday ? <span class="hours-today"> ({text.partners.hours.today})</span> : null}
                </th>
                <td>
                  {periods.length === 0
                    ? text.partners.hours.closed
                    : periods.map(describePeriod).join(', ')}
                  {isToday && todays.exception?.note ? ` (${todays.exception.note})` : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {coming.length > 0 ? (
        <ul class="hours-exceptions">
          {coming.map((dated) => (
            <li key={`${dated.from}-${dated.to}`}>
              {dated.from === dated.to
                ? formatDay(dated.from)
                : text.partners.hours.range(formatDay(dated.from), formatDay(dated.to))}
              {': '}
              {dated.periods.length === 0
                ? text.partners.hours.closed.toLowerCase()
                : dated.periods.map((p) => `${p.opens}–${p.closes}`).join(', ')}
              {dated.note ? ` (${dated.note})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {hours.note ? <p class="hours-note">{hours.note}</p> : null}
    </div>
  );
}

/** "09:00–17:00", "19:00–21:00 (1e en 3e week)". */
function describePeriod(period: Period | WeeklyPeriod): string {
  const time = `${period.opens}–${period.closes}`;
  return !('weeks' in period) || period.weeks === undefined
    ? time
    : `${time} (${text.partners.hours.weeks(period.weeks)})`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
