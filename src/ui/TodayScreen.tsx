// "Vandaag": every visit of the day with its questions and whether it has been sent.

import { DEFAULT_CATALOGUE, labelOf, NO_CUSTOMISATION } from '../core/catalogue';
import { dayOf } from '../core/day';
import { visitsOfDay } from '../data/queries';
import { useLiveQuery, useNow, useServices } from './hooks';
import { text } from './text';

export function TodayScreen() {
  const { db } = useServices();
  const now = useNow(60_000);
  const day = dayOf(now);
  const visits = useLiveQuery(() => visitsOfDay(db, day), [day]);
  if (!visits) return null;

  return (
    <section class="screen today">
      <h1>
        {text.today.title} <span class="count">{text.today.count(visits.length)}</span>
      </h1>
      {visits.length === 0 ? <p class="empty">{text.today.empty}</p> : null}
      <ul class="visit-list">
        {visits.map((visit) => (
          <li key={visit.id} class="visit" data-testid="visit" data-mark={visit.mark}>
            <div class="visit-head">
              <span class="visit-time">{String(visit.content.hour).padStart(2, '0')}:00</span>
              <span class={`mark mark-${visit.mark}`}>{text.today.mark[visit.mark]}</span>
            </div>
            <ul class="visit-questions">
              {visit.content.questions.map((question, index) => (
                <li key={index}>
                  {labelOf(DEFAULT_CATALOGUE, NO_CUSTOMISATION, 'topics', question.topic)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
