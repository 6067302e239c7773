// The audit log: the latest actions, newest first, as who did what and when, in Dutch words
// per action code. It never holds a password, token, koppelcode or cookie.

import { formatMoment } from '../format';
import { useNow } from '../hooks';
import { BackLink } from './BackLink';
import { type AuditEntry, useLoad } from './hooks';
import { ProblemMessage } from './ProblemMessage';
import { text } from './text';

export function AuditScreen() {
  const entries = useLoad((api) => api.audit(100));
  const now = useNow();
  return (
    <section class="screen">
      <BackLink />
      <h1>{text.audit.title}</h1>
      <p>{text.audit.intro}</p>
      <ProblemMessage problem={entries.problem} />
      {entries.value?.length === 0 ? <p class="empty">{text.audit.none}</p> : null}
      <ol class="beheer-audit">
        {(entries.value ?? []).map((entry, index) => (
          <li key={`${entry.at}-${index}`} class="card" data-testid="audit-entry">
            <strong>
              {text.audit.actions[entry.action] ?? text.audit.unknownAction(entry.action)}
            </strong>
            {describe(entry) ? <span>: {describe(entry)}</span> : null}
            <div class="muted">
              <span class="visually-hidden">{text.audit.who}: </span>
              {entry.actor} ·{' '}
              <time dateTime={entry.at}>
                <span class="visually-hidden">{text.audit.when}: </span>
                {formatMoment(Date.parse(entry.at), now)}
              </time>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A few words from the entry's detail: the name it is about and what happened to it. */
function describe({ detail }: AuditEntry): string {
  const parts: string[] = [];
  for (const key of ['name', 'label'] as const) {
    if (typeof detail[key] === 'string') parts.push(detail[key]);
  }
  if (detail.active === false) parts.push(text.audit.closed);
  if (detail.active === true) parts.push(text.audit.opened);
  if (typeof detail.failures === 'number') parts.push(text.audit.failures(detail.failures));
  if (detail.locked === true) parts.push(text.audit.locked);
  return parts.join(', ');
}
