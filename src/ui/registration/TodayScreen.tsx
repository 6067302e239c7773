// "Vandaag": the day's visits at a glance (how many, which questions) and each visit with
// its questions, referrals and whether it has been sent. Earlier days are a tap away, so
// yesterday's mistake can still be fixed. Open a visit to change or delete it. The day's
// summary leads to the Overzicht of that day (charts, exports; on a phone the only way in).

import './registration.css';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { addDays, dayOf, hourBand } from '../../core/day';
import { labelOf } from '../../core/registration/catalogue';
import { formatDay } from '../format';
import { useCatalogue, useNow } from '../hooks';
import { Toast } from '../Toast';
import { text } from './text';
import { useRecentDays, useVisitsOfDay, type VisitWithMark } from './visit-hooks';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function TodayScreen() {
  const { query } = useLocation();
  const catalogue = useCatalogue();
  const today = dayOf(useNow(60_000));
  const asked = query.dag && DAY.test(query.dag) && query.dag < today ? query.dag : today;
  const visits = useVisitsOfDay(asked);
  const days = useRecentDays(8);
  const [toast, setToast] = useState(
    query.gewijzigd ? text.register.changesSaved : query.verwijderd ? text.register.deleted : '',
  );
  if (!visits || !catalogue) return null;
  const { base, custom } = catalogue;
  const label = (list: Parameters<typeof labelOf>[2], id: string) =>
    labelOf(base, custom, list, id);
  const isToday = asked === today;
  const questions = visits.flatMap((visit) => visit.content.questions);
  const byDomain = countBy(questions.map((question) => question.domain));
  const dayLink = (day: string) => (day === today ? '/vandaag' : `/vandaag?dag=${day}`);

  return (
    <section class="screen today">
      <h1>{isToday ? text.today.title : formatDay(asked)}</h1>
      <p class="day-summary" data-testid="day-summary">
        <strong>
          {text.today.summary(
            text.today.count(visits.length),
            text.today.questions(questions.length),
          )}
        </strong>
        {byDomain.length > 0 ? (
          <span class="muted">
            {' '}
            (
            {byDomain
              .map(([id, count]) => `${count} ${label('domains', id).toLowerCase()}`)
              .join(', ')}
            )
          </span>
        ) : null}
      </p>
      <p class="day-report">
        <a class="button button-small" href={`/overzicht?periode=dag&dag=${asked}`}>
          {text.today.report}
        </a>
      </p>
      <nav class="day-nav" aria-label={text.today.otherDays}>
        <a class="button button-small" href={dayLink(addDays(asked, -1))}>
          ← {text.today.earlier}
        </a>
        {isToday ? null : (
          <>
            <a class="button button-small" href={dayLink(addDays(asked, 1))}>
              {text.today.later} →
            </a>
            <a class="button button-small" href="/vandaag">
              {text.today.backToToday}
            </a>
          </>
        )}
      </nav>
      {visits.length === 0 ? (
        <p class="empty">{isToday ? text.today.empty : text.today.emptyDay}</p>
      ) : null}
      <ul class="visit-list">
        {visits.map((visit) => (
          <VisitItem key={visit.id} visit={visit} label={label} />
        ))}
      </ul>
      {days?.some((day) => day !== asked) ? (
        <details class="other-days">
          <summary>{text.today.otherDays}</summary>
          <ul class="day-links">
            {days
              .filter((day) => day !== asked)
              .map((day) => (
                <li key={day}>
                  <a href={dayLink(day)}>{day === today ? text.today.title : formatDay(day)}</a>
                </li>
              ))}
          </ul>
        </details>
      ) : null}
      {toast ? <Toast message={toast} onClose={() => setToast('')} /> : null}
    </section>
  );
}

type Label = (list: Parameters<typeof labelOf>[2], id: string) => string;

function VisitItem({ visit, label }: { visit: VisitWithMark; label: Label }) {
  const { content } = visit;
  return (
    <li class="visit" data-testid="visit" data-mark={visit.mark}>
      <a class="visit-link" href={`/vandaag/${visit.id}`}>
        <span class="visit-head">
          <span class="visit-time">{hourBand(content.hour)}</span>
          <span class="visit-meta">
            {label('durations', content.duration)}
            {content.channel !== 'balie' ? ` · ${label('channels', content.channel)}` : ''}
          </span>
          <span class={`mark mark-${visit.mark}`}>{text.today.mark[visit.mark]}</span>
        </span>
        <span class="visit-questions">
          {content.questions.map((question, index) => (
            <span key={index} class="visit-question">
              {label('topics', question.topic)}
              {question.digidStep ? `: ${label('digidSteps', question.digidStep)}` : ''}
              {question.help.length > 0
                ? ` — ${question.help.map((id) => label('help', id)).join(', ')}`
                : ''}
              {question.referral
                ? `; ${text.today.referral(label('referralKinds', question.referral.kind), question.referral.warm)}`
                : ''}
            </span>
          ))}
        </span>
        {visit.mark === 'refused' && (visit.reason || visit.reasonCode) ? (
          <span class="error">
            {visit.reasonCode ? text.today.refusal[visit.reasonCode] : visit.reason}
          </span>
        ) : null}
      </a>
    </li>
  );
}

function countBy(ids: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}
