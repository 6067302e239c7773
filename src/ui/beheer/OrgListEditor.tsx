// One of the organisation's answer lists: show or hide each option, add new ones. Changes stay
// in the draft until the manager saves the lists (ListsScreen).

import { useState } from 'preact/hooks';
import { DEFAULT_CATALOGUE, type ListName, optionKey } from '../../core/registration/catalogue';
import { text as shellText } from '../text';
import type { OrgCatalogue } from './hooks';
import { addOption, isHidden, type ListDraft, removeOption, toggle } from './list-draft';
import { text } from './text';

export function OrgListEditor(props: {
  list: ListName;
  saved: OrgCatalogue;
  draft: ListDraft;
  onDraft: (draft: ListDraft) => void;
  newKey: () => string;
}) {
  const { list, saved, draft, onDraft } = props;
  const [label, setLabel] = useState('');
  const [domain, setDomain] = useState('overig');
  const [message, setMessage] = useState('');
  const name = shellText.listNames[list];
  const options = [
    ...DEFAULT_CATALOGUE[list].filter((option) => !option.retired),
    ...saved.added.filter((option) => option.list === list && !option.retired),
  ];
  const fresh = draft.added.filter((option) => option.list === list);
  const shown = options.filter((option) => !isHidden(saved, draft, optionKey(list, option.id)));

  function add(event: Event) {
    event.preventDefault();
    const trimmed = label.trim().slice(0, 80);
    if (!trimmed) return setMessage(text.lists.addEmpty);
    const option = { key: props.newKey(), label: trimmed, list };
    onDraft(addOption(draft, list === 'topics' ? { ...option, domain } : option));
    setLabel('');
    setMessage(text.lists.added(trimmed));
  }

  return (
    <details class="list-editor">
      <summary>
        {/* One span: the count flows after the name's last word, not in a column of its own. */}
        <span>
          {name} <span class="muted">({shown.length + fresh.length})</span>
        </span>
      </summary>
      <ul class="option-list">
        {options.map((option) => {
          const key = optionKey(list, option.id);
          const id = `org-${list}-${option.id}`;
          return (
            <li key={option.id}>
              <input
                type="checkbox"
                id={id}
                checked={!isHidden(saved, draft, key)}
                onChange={(event) =>
                  onDraft(
                    toggle(saved, draft, key, !(event.currentTarget as HTMLInputElement).checked),
                  )
                }
              />
              <label for={id}>
                {option.label}
                {option.id.startsWith('lokaal-') ? (
                  <span class="muted"> ({text.lists.local})</span>
                ) : null}
              </label>
            </li>
          );
        })}
        {fresh.map((option) => (
          <li key={option.key}>
            <span class="beheer-new">
              {option.label} <span class="muted">({text.lists.newOption})</span>
            </span>
            {/* Short on screen, beside a name of any length; the name is in what it says aloud. */}
            <button
              type="button"
              class="button button-small"
              aria-label={text.lists.remove(option.label)}
              onClick={() => onDraft(removeOption(draft, option.key))}
            >
              {text.lists.removeShort}
            </button>
          </li>
        ))}
      </ul>
      <form class="add-option" onSubmit={add}>
        <div class="field">
          <label class="label" for={`org-add-${list}`}>
            {text.lists.addLabel(name)}
          </label>
          <input
            id={`org-add-${list}`}
            class="input"
            maxLength={80}
            value={label}
            onInput={(event) => setLabel((event.currentTarget as HTMLInputElement).value)}
          />
        </div>
        {list === 'topics' ? (
          <div class="field">
            <label class="label" for="org-add-topic-domain">
              {text.lists.addDomain}
            </label>
            <select
              id="org-add-topic-domain"
              class="input"
              value={domain}
              onChange={(event) => setDomain((event.currentTarget as HTMLSelectElement).value)}
            >
              {[...DEFAULT_CATALOGUE.domains, ...saved.added.filter((o) => o.list === 'domains')]
                .filter((option) => !option.retired)
                .map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
            </select>
          </div>
        ) : null}
        <button type="submit" class="button">
          {text.lists.addButton}
        </button>
        <p role="status" class="form-message">
          {message}
        </p>
      </form>
    </details>
  );
}
