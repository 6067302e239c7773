// The records the endpoint refused, each with its reason and "Opnieuw proberen". They stay
// on the device until a person acts on them.

import { hourBand } from '../../core/day';
import { labelOf } from '../../core/registration/catalogue';
import { isTombstone } from '../../core/upload/batch';
import type { RecordRef } from '../../core/upload/outbox';
import { formatDay } from '../format';
import type { CatalogueView } from '../hooks';
import type { RefusedEntry } from './hooks';
import { text } from './text';

export function RefusedList(props: {
  entries: readonly RefusedEntry[];
  catalogue: CatalogueView;
  onRetry: (ref: RecordRef) => Promise<void>;
}) {
  const { base, custom } = props.catalogue;
  return (
    <section class="panel" aria-labelledby="refused-title">
      <h2 id="refused-title">{text.sync.refusedTitle}</h2>
      <p>{text.sync.refusedIntro}</p>
      <ul class="refused-list">
        {props.entries.map((entry) => (
          <li key={`${entry.id}:${entry.rev}`} data-testid="refused">
            <strong>
              {isTombstone(entry.record)
                ? text.sync.deletion
                : `${formatDay(entry.record.day)}, ${hourBand(entry.record.hour)} — ${entry.record.questions
                    .map((q) => labelOf(base, custom, 'topics', q.topic))
                    .join(', ')}`}
            </strong>
            <p class="error">
              {entry.reasonCode ? text.sync.refusal[entry.reasonCode] : entry.reason}
            </p>
            <button
              type="button"
              class="button button-small"
              onClick={() => void props.onRetry(entry)}
            >
              {text.sync.retry}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
