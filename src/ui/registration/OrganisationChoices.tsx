// "Welke organisatie?": the organisations that usually go with the topic first, the rest
// folded under "Andere organisaties", so the common answer is one tap.

import type { CatalogueOption } from '../../core/registration/catalogue';
import { ChoiceGroup } from '../ChoiceGroup';
import { text } from './text';

export function OrganisationChoices(props: {
  name: string;
  first: readonly CatalogueOption[];
  more: readonly CatalogueOption[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  if (props.first.length === 0) {
    return (
      <details class="more">
        <summary>{text.register.organisations}</summary>
        <ChoiceGroup
          name={props.name}
          legend={text.register.organisations}
          options={props.more}
          value={props.value}
          onChange={props.onChange}
          multiple
          compact
        />
      </details>
    );
  }
  return (
    <div class="organisations">
      <ChoiceGroup
        name={props.name}
        legend={text.register.organisations}
        options={props.first}
        value={props.value}
        onChange={props.onChange}
        multiple
        compact
      />
      {props.more.length > 0 ? (
        <details class="more">
          <summary>{text.register.moreOrganisations}</summary>
          <ChoiceGroup
            name={`${props.name}-more`}
            legend={text.register.moreOrganisations}
            options={props.more}
            value={props.value}
            onChange={props.onChange}
            multiple
            compact
          />
        </details>
      ) : null}
    </div>
  );
}
