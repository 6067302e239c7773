// Choosing the period: vandaag, deze week, maand, kwartaal, jaar (each a link, so the address
// keeps the choice), a period earlier or later, or any range of days. `hrefOf` makes the links
// when the address holds more than the period (the organisation's filters).

import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import {
  type CalendarKind,
  type Period,
  previousPeriod,
  rangePeriod,
} from '../../core/reports/period';
import { CALENDAR_KINDS } from './kinds';
import { currentPeriod, nextPeriod, periodHref } from './period-query';
import { text } from './text';

export function PeriodPicker(props: {
  period: Period;
  today: string;
  base?: string;
  hrefOf?: (period: Period) => string;
}) {
  const { period, today, base } = props;
  const hrefOf = props.hrefOf ?? ((other: Period) => periodHref(other, base));
  const { route } = useLocation();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [error, setError] = useState('');
  const isCurrent = (kind: CalendarKind) => {
    const now = currentPeriod(kind, today);
    return period.kind === kind && period.from === now.from;
  };
  const later = nextPeriod(period);

  function show(event: Event) {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) {
      setError(text.period.badRange);
      return;
    }
    setError('');
    route(hrefOf(rangePeriod(from, to)));
  }

  return (
    <div class="period-picker no-print">
      <nav class="period-kinds" aria-label={text.period.legend}>
        {CALENDAR_KINDS.map((kind) => (
          <a
            key={kind}
            class="button button-small"
            href={hrefOf(currentPeriod(kind, today))}
            aria-current={isCurrent(kind) ? 'page' : undefined}
          >
            {text.period.kinds[kind]}
          </a>
        ))}
      </nav>
      <nav class="period-steps" aria-label={text.period.nav}>
        <a class="button button-small" href={hrefOf(previousPeriod(period))}>
          ← {text.period.earlier}
        </a>
        {later.from <= today ? (
          <a class="button button-small" href={hrefOf(later)}>
            {text.period.later} →
          </a>
        ) : null}
      </nav>
      <details class="period-range" open={period.kind === 'range'}>
        <summary>{text.period.kinds.range}</summary>
        <form class="range-form" onSubmit={show}>
          <label class="field">
            <span class="label">{text.period.from}</span>
            <input
              class="input"
              type="date"
              value={from}
              onInput={(event) => setFrom(event.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span class="label">{text.period.to}</span>
            <input
              class="input"
              type="date"
              value={to}
              onInput={(event) => setTo(event.currentTarget.value)}
            />
          </label>
          <button class="button" type="submit">
            {text.period.show}
          </button>
          {error ? <p class="error">{error}</p> : null}
        </form>
      </details>
    </div>
  );
}
