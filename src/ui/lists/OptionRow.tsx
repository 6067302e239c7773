// One option of an answer list with the checkbox that shows or hides it (Instellingen, Beheer).

import type { CatalogueOption } from '../../core/registration/catalogue';
import { text } from './text';

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
        {option.id.startsWith('lokaal-') ? <span class="muted"> ({text.local})</span> : null}
      </label>
    </li>
  );
}
