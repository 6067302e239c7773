// "morgen 14:05": a moment in the next days as a manager says it. Callers pass the clock.

import { text } from './text';

const time = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatUntil(moment: number, now: number): string {
  const day = new Date(moment).toDateString();
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  if (day === new Date(now).toDateString()) return text.today(time.format(moment));
  if (day === tomorrow.toDateString()) return text.tomorrow(time.format(moment));
  return dateTime.format(moment);
}
