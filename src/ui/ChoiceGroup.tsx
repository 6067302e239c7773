// A group of big, tappable choices: native radio buttons or checkboxes in a fieldset,
// so keyboards and screen readers get the behaviour they expect for free.

import type { CatalogueOption } from '../core/catalogue';

interface BaseProps {
  name: string;
  legend: string;
  options: readonly CatalogueOption[];
  error?: string | undefined;
  /** Visually quieter legend, for groups inside a question card. */
  compact?: boolean;
}

interface SingleProps extends BaseProps {
  multiple?: false;
  value: string | null;
  onChange: (value: string) => void;
}

interface MultipleProps extends BaseProps {
  multiple: true;
  value: readonly string[];
  onChange: (value: string[]) => void;
}

export function ChoiceGroup(props: SingleProps | MultipleProps) {
  const { name, legend, options, error, compact } = props;
  const isChecked = (id: string) =>
    props.multiple ? props.value.includes(id) : props.value === id;

  function toggle(id: string) {
    if (props.multiple) {
      props.onChange(
        props.value.includes(id) ? props.value.filter((v) => v !== id) : [...props.value, id],
      );
    } else {
      props.onChange(id);
    }
  }

  return (
    <fieldset
      class={`choices${compact ? ' choices-compact' : ''}`}
      aria-invalid={error ? true : undefined}
    >
      <legend class="legend">{legend}</legend>
      {error ? (
        <p class="error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      <div class="chips">
        {options.map((option) => (
          <label key={option.id} class={`chip${isChecked(option.id) ? ' is-checked' : ''}`}>
            <input
              type={props.multiple ? 'checkbox' : 'radio'}
              name={name}
              value={option.id}
              checked={isChecked(option.id)}
              onChange={() => toggle(option.id)}
              aria-describedby={error ? `${name}-error` : undefined}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
