// One answer list in Instellingen: show or hide each option, and add the branch's own; read
// only when the organisation's manager keeps the lists. Old registrations keep their options.

import {
  addLocalOption,
  allOptions,
  hideOption,
  type ListName,
  offeredOptions,
  optionKey,
  showOption,
} from '../../core/registration/catalogue';
import { type CatalogueView, useServices } from '../hooks';
import { AddOptionForm } from '../lists/AddOptionForm';
import { ListSummary } from '../lists/ListSummary';
import { OptionRow } from '../lists/OptionRow';
import { listNames } from '../lists/text';
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
  const options = allOptions(base, custom, list).filter((option) => !option.retired);
  const hidden = new Set(custom.hidden);

  function add(label: string, domain: string | undefined): string {
    const suffix = newId().slice(0, 6);
    void changeCustomisation((current) => addLocalOption(current, list, label, suffix, domain));
    return text.settings.added(label);
  }

  return (
    <details class="list-editor">
      <ListSummary
        list={list}
        count={options.filter((o) => !hidden.has(optionKey(list, o.id))).length}
      />
      <ul class="option-list">
        {options.map((option) => (
          <OptionRow
            key={option.id}
            id={`opt-${list}-${option.id}`}
            option={option}
            shown={!hidden.has(optionKey(list, option.id))}
            disabled={readOnly}
            onToggle={(shown) =>
              void changeCustomisation((current) =>
                shown ? showOption(current, list, option.id) : hideOption(current, list, option.id),
              )
            }
          />
        ))}
      </ul>
      {readOnly ? null : (
        <AddOptionForm
          id={`add-${list}`}
          label={text.settings.addLabel(listNames[list])}
          taken={options.map((option) => option.label)}
          domains={list === 'topics' ? offeredOptions(base, custom, 'domains') : undefined}
          onAdd={add}
        />
      )}
    </details>
  );
}
