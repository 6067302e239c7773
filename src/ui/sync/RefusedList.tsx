// The records the endpoint refused, each with its reason and "Opnieuw proberen"; a visit
// refused for its location gets "Kies de locatie". They stay on the device until a person acts.

import { useState } from 'preact/hooks';
import { hourBand } from '../../core/day';
import { labelOf } from '../../core/registration/catalogue';
import { isTombstone } from '../../core/upload/batch';
import type { Place } from '../../core/upload/enrolment';
import type { RecordRef } from '../../core/upload/outbox';
import { formatDay } from '../format';
import type { CatalogueView } from '../hooks';
import { type RefusedEntry, refusedForLocation } from './hooks';
import { text } from './text';

export function RefusedList(props: {
  entries: readonly RefusedEntry[];
  catalogue: CatalogueView;
  locations: readonly Place[];
  onRetry: (ref: RecordRef) => Promise<void>;
  onRetryAt: (ref: RecordRef, locationId: string) => Promise<void>;
}) {
  const { base, custom } = props.catalogue;
  return (
    <section class="panel" aria-labelledby="refused-title">
      <h2 id="refused-title">{text.sync.refusedTitle}</h2>
      <p>{text.sync.refusedIntro}</p>
      <ul class="refused-list">
        {props.entries.map((entry) => {
          // Another location than the one refused (a closed one may still be on the list).
          const refused = isTombstone(entry.record) ? undefined : entry.record.location;
          const others = props.locations.filter(
            (place) => place.id !== refused && place.name !== refused,
          );
          const byLocation = refusedForLocation(entry);
          return (
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
              {byLocation && others.length > 0 ? (
                <LocationFix
                  entry={entry}
                  locations={others}
                  onChoose={(id) => props.onRetryAt(entry, id)}
                />
              ) : (
                <>
                  {byLocation ? <p>{text.sync.noOtherLocation}</p> : null}
                  <button
                    type="button"
                    class="button button-small"
                    onClick={() => void props.onRetry(entry)}
                  >
                    {text.sync.retry}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function LocationFix(props: {
  entry: RefusedEntry;
  locations: readonly Place[];
  onChoose: (id: string) => Promise<void>;
}) {
  const [chosen, setChosen] = useState('');
  const id = `fix-${props.entry.id}-${props.entry.rev}`;
  return (
    <form
      class="location-fix"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) void props.onChoose(chosen);
      }}
    >
      <label class="label" for={id}>
        {text.sync.chooseLocation}
      </label>
      <select
        id={id}
        class="input"
        value={chosen}
        onChange={(event) => setChosen((event.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{text.sync.pickOne}</option>
        {props.locations.map((place) => (
          <option key={place.id} value={place.id}>
            {place.name}
          </option>
        ))}
      </select>
      <button type="submit" class="button button-small" disabled={!chosen}>
        {text.sync.sendAt}
      </button>
    </form>
  );
}
