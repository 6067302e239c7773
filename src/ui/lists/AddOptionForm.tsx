// The form under an answer list that adds an option of one's own (Instellingen, Beheer).

import { useState } from 'preact/hooks';
import type { CatalogueOption } from '../../core/registration/catalogue';
import { Field } from '../Field';
import { text } from './text';

/** A label as people compare them: no difference in capitals or spaces. */
const comparable = (label: string) => label.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/**
 * Adds an option: its name (80 characters at most, not one the list has already, shown or
 * hidden: `taken`) and, for the topics list (`domains` given), the kind of question it belongs
 * to. `onAdd` stores it and returns what to tell the person.
 */
export function AddOptionForm(props: {
  id: string;
  label: string;
  taken: readonly string[];
  domains?: readonly CatalogueOption[] | undefined;
  onAdd: (label: string, domain: string | undefined) => string;
}) {
  const { id, domains } = props;
  const [label, setLabel] = useState('');
  const [picked, setDomain] = useState(domains?.[0]?.id ?? 'overig');
  // The kind picked, unless it was hidden meanwhile: then the first one offered, as shown.
  const domain = domains?.some((option) => option.id === picked) ? picked : domains?.[0]?.id;
  const [message, setMessage] = useState('');

  function add(event: Event) {
    event.preventDefault();
    const trimmed = label.trim().slice(0, 80);
    if (!trimmed) return setMessage(text.addEmpty);
    const same = props.taken.find((taken) => comparable(taken) === comparable(trimmed));
    if (same !== undefined) return setMessage(text.addTaken(same));
    setMessage(props.onAdd(trimmed, domains ? domain : undefined));
    setLabel('');
  }

  return (
    <form class="add-option" onSubmit={add}>
      <Field id={id} label={props.label} value={label} onInput={setLabel} maxLength={80} />
      {domains ? (
        <div class="field">
          <label class="label" for={`${id}-domain`}>
            {text.addDomain}
          </label>
          <select
            id={`${id}-domain`}
            class="input"
            value={domain}
            onChange={(event) => setDomain((event.currentTarget as HTMLSelectElement).value)}
          >
            {domains.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" class="button">
        {text.addButton}
      </button>
      <p role="status" class="form-message">
        {message}
      </p>
    </form>
  );
}
