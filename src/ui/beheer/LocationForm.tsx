// The fields of one location, to add it or change it. What was typed stays until the endpoint
// took it: the caller says whether to empty the form.

import { useState } from 'preact/hooks';
import { Field } from '../Field';
import { LOCATION_KINDS, type LocationFields, type LocationKind, type Problem } from './hooks';
import { ProblemMessage } from './ProblemMessage';
import { text } from './text';

const EMPTY: LocationFields = {
  name: '',
  gemeente: '',
  kind: 'vaste-balie',
  hours: '',
  staffing: '',
};

export function LocationForm(props: {
  id: string;
  initial?: LocationFields;
  submitLabel: string;
  busy: boolean;
  problem: Problem | null;
  /** Resolves true when saved; an added location's form is then emptied. */
  onSubmit: (fields: LocationFields) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [fields, setFields] = useState<LocationFields>(props.initial ?? EMPTY);
  const [missing, setMissing] = useState(false);
  const set = (key: keyof LocationFields) => (value: string) =>
    setFields((current) => ({ ...current, [key]: value }));

  async function submit(event: Event) {
    event.preventDefault();
    const trimmed = { ...fields, name: fields.name.trim(), gemeente: fields.gemeente.trim() };
    setMissing(!trimmed.name || !trimmed.gemeente);
    if (!trimmed.name || !trimmed.gemeente) return;
    if ((await props.onSubmit(trimmed)) && !props.initial) setFields(EMPTY);
  }

  const id = props.id;
  return (
    <form class="beheer-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        id={`${id}-name`}
        label={text.locations.name}
        hint={text.locations.nameHint}
        value={fields.name}
        onInput={set('name')}
        maxLength={80}
        error={missing && !fields.name.trim() ? text.locations.required : undefined}
      />
      <Field
        id={`${id}-gemeente`}
        label={text.locations.gemeente}
        value={fields.gemeente}
        onInput={set('gemeente')}
        maxLength={80}
        error={missing && !fields.gemeente.trim() ? text.locations.required : undefined}
      />
      <div class="field">
        <label class="label" for={`${id}-kind`}>
          {text.locations.kind}
        </label>
        <select
          id={`${id}-kind`}
          class="input"
          value={fields.kind}
          onChange={(event) =>
            set('kind')((event.currentTarget as HTMLSelectElement).value as LocationKind)
          }
        >
          {LOCATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {text.locations.kinds[kind]}
            </option>
          ))}
        </select>
      </div>
      <Field
        id={`${id}-hours`}
        label={text.locations.hours}
        hint={text.locations.hoursHint}
        value={fields.hours}
        onInput={set('hours')}
        maxLength={500}
        multiline
      />
      <Field
        id={`${id}-staffing`}
        label={text.locations.staffing}
        hint={text.locations.staffingHint}
        value={fields.staffing}
        onInput={set('staffing')}
        maxLength={500}
        multiline
      />
      <div class="beheer-actions">
        <button type="submit" class="button button-primary" disabled={props.busy}>
          {props.busy ? text.busy : props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" class="button" onClick={props.onCancel}>
            {text.locations.cancel}
          </button>
        ) : null}
      </div>
      <ProblemMessage problem={props.problem} />
    </form>
  );
}
