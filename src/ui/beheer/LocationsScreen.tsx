// Locations of the organisation: the open ones, the closed ones (they keep their history),
// adding one, and changing, closing or reopening each.

import { useState } from 'preact/hooks';
import { BackLink } from './BackLink';
import { type Location, type LocationFields, useAction, useLoad } from './hooks';
import { LocationCard } from './LocationCard';
import { LocationForm } from './LocationForm';
import { ProblemMessage } from './ProblemMessage';
import { text } from './text';

export function LocationsScreen() {
  const locations = useLoad((api) => api.locations());
  const add = useAction();
  const [message, setMessage] = useState('');
  const all = locations.value ?? [];

  async function addLocation(fields: LocationFields) {
    const result = await add.run((api) => api.addLocation(fields));
    if (!result.ok) return false;
    setMessage(text.locations.added(result.value.name));
    void locations.reload();
    return true;
  }

  function changed(location: Location, sentence: string) {
    locations.set(all.map((each) => (each.id === location.id ? location : each)));
    setMessage(sentence);
  }

  const open = all.filter((location) => location.active);
  const closed = all.filter((location) => !location.active);
  return (
    <section class="screen">
      <BackLink />
      <h1>{text.locations.title}</h1>
      <p>{text.locations.intro}</p>
      <p role="status" class="form-message">
        {message}
      </p>
      <ProblemMessage problem={locations.problem} />
      <section aria-labelledby="open-title">
        <h2 id="open-title">{text.locations.open}</h2>
        {locations.value && open.length === 0 ? <p class="empty">{text.locations.none}</p> : null}
        <ul class="beheer-cards">
          {open.map((location) => (
            <LocationCard key={location.id} location={location} onChanged={changed} />
          ))}
        </ul>
      </section>
      <section class="panel" aria-labelledby="add-title">
        <h2 id="add-title">{text.locations.add}</h2>
        <LocationForm
          id="new-location"
          submitLabel={text.locations.add}
          busy={add.busy}
          problem={add.problem}
          onSubmit={addLocation}
        />
      </section>
      {closed.length > 0 ? (
        <section aria-labelledby="closed-title">
          <h2 id="closed-title">{text.locations.closed}</h2>
          <p class="hint">{text.locations.closedHint}</p>
          <ul class="beheer-cards">
            {closed.map((location) => (
              <LocationCard key={location.id} location={location} onChanged={changed} />
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
