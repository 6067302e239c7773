// "Vandaag": every visit of the day with its questions and whether it has been sent.
// Open one to change or delete it.

import './registration.css';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { dayOf } from '../../core/day';
import { labelOf } from '../../core/registration/catalogue';
import { useCatalogue, useNow } from '../hooks';
import { Toast } from '../Toast';
import { useVisitsOfDay } from './hooks';
import { text } from './text';

export function TodayScreen() {
  const { query } = useLocation();
  const catalogue = useCatalogue();
  const now = useNow(60_000);
  const day = dayOf(now);
  const visits = useVisitsOfDay(day);
  const [toast, setToast] = useState(
    query.gewijzigd ? text.register.changesSaved : query.verwijderd ? text.register.deleted : '',
  );
  if (!visits || !catalogue) return null;
  const { base, custom } = catalogue;
  const label = (list: Parameters<typeof labelOf>[2], id: string) =>
    labelOf(base, custom, list, id);

  return (
    <section class="screen today">
      <h1>
        {text.today.title} <span class="count">{text.today.count(visits.length)}</span>
      </h1>
      {visits.length === 0 ? <p class="empty">{text.today.empty}</p> : null}
      <ul class="visit-list">
        {visits.map((visit) => {
          const time = `${String(visit.content.hour).padStart(2, '0')}:00`;
          return (
            <li key={visit.id} class="visit" data-testid="visit" data-mark={visit.mark}>
              <a class="visit-link" href={`/vandaag/${visit.id}`}>
                <span class="visit-head">
                  <span class="visit-time">{time}</span>
                  <span class="visit-meta">
                    {label('durations', visit.content.duration)}
                    {visit.content.channel !== 'balie'
                      ? ` · ${label('channels', visit.content.channel)}`
                      : ''}
                  </span>
                  <span class={`mark mark-${visit.mark}`}>{text.today.mark[visit.mark]}</span>
                </span>
                <span class="visit-questions">
                  {visit.content.questions.map((question, index) => (
                    <span key={index} class="visit-question">
                      {label('topics', question.topic)}
                      {question.digidStep ? `: ${label('digidSteps', question.digidStep)}` : ''}
                      {question.help.length > 0
                        ? ` — ${question.help.map((id) => label('help', id)).join(', ')}`
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
        })}
      </ul>
      {toast ? <Toast message={toast} onClose={() => setToast('')} /> : null}
    </section>
  );
}
