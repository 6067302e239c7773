// One of the organisation's answer lists: show or hide each option, add new ones. Changes stay
// in the draft until the manager saves the lists (ListsScreen).

import { DEFAULT_CATALOGUE, type ListName, optionKey } from '../../core/registration/catalogue';
import { AddOptionForm } from '../lists/AddOptionForm';
import { ListSummary } from '../lists/ListSummary';
import { OptionRow } from '../lists/OptionRow';
import { listNames } from '../lists/text';
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
  const live = (name: ListName) => [
    ...DEFAULT_CATALOGUE[name].filter((option) => !option.retired),
    ...saved.added.filter((option) => option.list === name && !option.retired),
  ];
  const options = live(list);
  const fresh = draft.added.filter((option) => option.list === list);
  const shown = options.filter((option) => !isHidden(saved, draft, optionKey(list, option.id)));

  function add(label: string, domain: string | undefined): string {
    const option = { key: props.newKey(), label, list };
    onDraft(addOption(draft, domain === undefined ? option : { ...option, domain }));
    return text.lists.added(label);
  }

  return (
    <details class="list-editor">
      <ListSummary list={list} count={shown.length + fresh.length} />
      <ul class="option-list">
        {options.map((option) => {
          const key = optionKey(list, option.id);
          return (
            <OptionRow
              key={option.id}
              id={`org-${list}-${option.id}`}
              option={option}
              shown={!isHidden(saved, draft, key)}
              onToggle={(on) => onDraft(toggle(saved, draft, key, !on))}
            />
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
      <AddOptionForm
        id={`org-add-${list}`}
        label={text.lists.addLabel(listNames[list])}
        taken={[...options, ...fresh].map((option) => option.label)}
        domains={list === 'topics' ? live('domains') : undefined}
        onAdd={add}
      />
    </details>
  );
}
