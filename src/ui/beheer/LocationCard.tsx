// One location in the list: its facts, and changing, closing (after a question) or reopening it.

import '../pairs.css';
import { useState } from 'preact/hooks';
import { ConfirmDialog } from './ConfirmDialog';
import { type Location, type LocationFields, useAction } from './hooks';
import { LocationForm } from './LocationForm';
import { ProblemMessage } from './ProblemMessage';
import { text } from './text';

export function LocationCard({
  location,
  onChanged,
}: {
  location: Location;
  onChanged: (location: Location, sentence: string) => void;
}) {
  const action = useAction();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  async function save(fields: LocationFields) {
    const result = await action.run((api) => api.changeLocation(location.id, fields));
    if (!result.ok) return false;
    setEditing(false);
    onChanged(result.value, text.locations.changed(result.value.name));
    return true;
  }

  async function setActive(active: boolean) {
    setConfirming(false);
    const result = await action.run((api) => api.changeLocation(location.id, { active }));
    if (!result.ok) return;
    const sentence = active ? text.locations.reopened : text.locations.closedNow;
    onChanged(result.value, sentence(result.value.name));
  }

  const { id: _id, active: _active, ...fields } = location;
  return (
    <li class="card beheer-card">
      <h3>
        {location.name}
        {location.active ? null : <span class="muted"> ({text.locations.closedBadge})</span>}
      </h3>
      <dl class="pairs beheer-facts">
        <dt>{text.locations.gemeente}</dt>
        <dd>{location.gemeente || '—'}</dd>
        <dt>{text.locations.kind}</dt>
        <dd>{text.locations.kinds[location.kind]}</dd>
        <dt>{text.locations.hours}</dt>
        <dd>{location.hours || '—'}</dd>
        <dt>{text.locations.staffing}</dt>
        <dd>{location.staffing || '—'}</dd>
      </dl>
      {editing ? (
        <LocationForm
          id={`edit-${location.id}`}
          initial={fields}
          submitLabel={text.locations.save}
          busy={action.busy}
          problem={action.problem}
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div class="beheer-actions">
          <button
            type="button"
            class="button button-small"
            aria-label={text.locations.edit(location.name)}
            onClick={() => setEditing(true)}
          >
            {text.locations.editShort}
          </button>
          {location.active ? (
            <button
              type="button"
              class="button button-small button-danger"
              onClick={() => setConfirming(true)}
              disabled={action.busy}
            >
              {text.locations.close}
            </button>
          ) : (
            <button
              type="button"
              class="button button-small"
              onClick={() => void setActive(true)}
              disabled={action.busy}
            >
              {text.locations.reopen}
            </button>
          )}
        </div>
      )}
      {editing ? null : <ProblemMessage problem={action.problem} />}
      <ConfirmDialog
        message={confirming ? text.locations.closeConfirm(location.name) : null}
        confirmLabel={text.locations.close}
        onConfirm={() => void setActive(false)}
        onCancel={() => setConfirming(false)}
      />
    </li>
  );
}
