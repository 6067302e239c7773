// One answer list in Instellingen: show or hide each option, and add the branch's own; read
// only when the organisation's manager keeps the lists. Old registrations keep their options.

import { useState } from 'preact/hooks';
import {
  addLocalOption,
  allOptions,
  hideOption,
  type ListName,
  offeredOptions,
  optionKey,
  showOption,
} from '../../core/registration/catalogue';
import { Field } from '../Field';
import { type CatalogueView, useServices } from '../hooks';
import { text as shellText } from '../text';
import { useChangeCustomisation } from './hooks';
import { text } from './text';

export function ListEditor({
  list,
  catalogue,
  readOnly,
}: {
  list: ListName;
  catalogue: CatalogueView;
  readOnly: boolean;
}) {
  const { newId } = useServices();
  const changeCustomisation = useChangeCustomisation();
  const { base, custom } = catalogue;
  const [label, setLabel] = useState('');
  const [domain, setDomain] = useState(offeredOptions(base, custom, 'domains')[0]?.id ?? 'overig');
  const [message, setMessage] = useState('');
  const options = allOptions(base, custom, list).filter((option) => !option.retired);
  const hidden = new Set(custom.hidden);
  const name = shellText.listNames[list];

  function toggle(id: string, shown: boolean) {
    void changeCustomisation((current) =>
      shown ? showOption(current, list, id) : hideOption(current, list, id),
    );
  }

  function add(event: Event) {
    event.preventDefault();
    const trimmed = label.trim();
    if (!trimmed) {
      setMessage(text.settings.addEmpty);
      return;
    }
    const suffix = newId().slice(0, 6);
    void changeCustomisation((current) =>
      addLocalOption(
        current,
        list,
        trimmed.slice(0, 80),
        suffix,
        list === 'topics' ? domain : undefined,
      ),
    );
    setLabel('');
    setMessage(text.settings.added(trimmed));
  }

  return (
    <details class="list-editor">
      <summary>
        {/* One span: the count flows after the name's last word, not in a column of its own. */}
        <span>
          {name}{' '}
          <span class="muted">
            ({options.filter((o) => !hidden.has(optionKey(list, o.id))).length})
          </span>
        </span>
      </summary>
      <ul class="option-list">
        {options.map((option) => {
          const shown = !hidden.has(optionKey(list, option.id));
          const id = `opt-${list}-${option.id}`;
          return (
            <li key={option.id}>
              <input
                type="checkbox"
                id={id}
                checked={shown}
                disabled={readOnly}
                onChange={(event) =>
                  toggle(option.id, (event.currentTarget as HTMLInputElement).checked)
                }
              />
              <label for={id}>
                {option.label}
                {option.id.startsWith('lokaal-') ? (
                  <span class="muted"> ({text.settings.local})</span>
                ) : null}
              </label>
            </li>
          );
        })}
      </ul>
      {readOnly ? null : (
        <form class="add-option" onSubmit={add}>
          <Field
            id={`add-${list}`}
            label={text.settings.addLabel(name)}
            value={label}
            onInput={setLabel}
            maxLength={80}
          />
          {list === 'topics' ? (
            <div class="field">
              <label class="label" for="add-topic-domain">
                {text.settings.addDomain}
              </label>
              <select
                id="add-topic-domain"
                class="input"
                value={domain}
                onChange={(event) => setDomain((event.currentTarget as HTMLSelectElement).value)}
              >
                {offeredOptions(base, custom, 'domains').map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <button type="submit" class="button">
            {text.settings.addButton}
          </button>
          <p role="status" class="form-message">
            {message}
          </p>
        </form>
      )}
    </details>
  );
}
