// What the answer-list editors of Instellingen (the device's lists) and Beheer (the
// organisation's) share: the lists' names, a list's summary line, an option's row with its
// checkbox, and the form that adds an option of one's own. Loaded with those screens only.

import { useState } from 'preact/hooks';
import type { CatalogueOption, ListName } from '../core/registration/catalogue';
import { Field } from './Field';

export const listNames = {
  channels: 'Hoe kwam de vraag binnen',
  durations: 'Hoe lang duurde het',
  needs: 'Wat had de bezoeker nodig',
  domains: 'Waar ging de vraag over',
  topics: 'Onderwerpen',
  digidSteps: 'DigiD',
  organisations: 'Organisaties',
  help: 'Hulp',
  courses: 'Cursussen',
  referralKinds: 'Verwezen naar',
} satisfies Record<ListName, string>;

const words = {
  local: 'eigen keuze',
  addButton: 'Toevoegen',
  addDomain: 'Bij welk soort vraag?',
  addEmpty: 'Vul eerst de naam van de keuze in.',
  addTaken: (label: string) => `"${label}" staat al in deze lijst.`,
};

/** A label as people compare them: no difference in capitals or spaces. */
const comparable = (label: string) => label.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/** A list's name with how many of its options are shown. */
export function ListSummary({ list, count }: { list: ListName; count: number }) {
  return (
    <summary>
      {/* One span: the count flows after the name's last word, not in a column of its own. */}
      <span>
        {listNames[list]} <span class="muted">({count})</span>
      </span>
    </summary>
  );
}

/** One option with the checkbox that shows or hides it; an option of one's own says so. */
export function OptionRow(props: {
  id: string;
  option: CatalogueOption;
  shown: boolean;
  disabled?: boolean;
  onToggle: (shown: boolean) => void;
}) {
  const { id, option } = props;
  return (
    <li>
      <input
        type="checkbox"
        id={id}
        checked={props.shown}
        disabled={props.disabled}
        onChange={(event) => props.onToggle((event.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>
        {option.label}
        {option.id.startsWith('lokaal-') ? <span class="muted"> ({words.local})</span> : null}
      </label>
    </li>
  );
}

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
  const [domain, setDomain] = useState(domains?.[0]?.id ?? 'overig');
  const [message, setMessage] = useState('');

  function add(event: Event) {
    event.preventDefault();
    const trimmed = label.trim().slice(0, 80);
    if (!trimmed) return setMessage(words.addEmpty);
    const same = props.taken.find((taken) => comparable(taken) === comparable(trimmed));
    if (same !== undefined) return setMessage(words.addTaken(same));
    setMessage(props.onAdd(trimmed, domains ? domain : undefined));
    setLabel('');
  }

  return (
    <form class="add-option" onSubmit={add}>
      <Field id={id} label={props.label} value={label} onInput={setLabel} maxLength={80} />
      {domains ? (
        <div class="field">
          <label class="label" for={`${id}-domain`}>
            {words.addDomain}
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
        {words.addButton}
      </button>
      <p role="status" class="form-message">
        {message}
      </p>
    </form>
  );
}
