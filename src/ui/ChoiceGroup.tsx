// A group of big, tappable choices: native radio buttons or checkboxes in a fieldset,
// so keyboards and screen readers get the behaviour they expect for free.
// A long single-choice list can fold to its answer after a tap, keeping the form short
// on a phone; arrow keys never fold it, since they change the choice as they move.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { CatalogueOption } from '../core/registration/catalogue';
import { text } from './text';

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
  /** Fold to the chosen answer (with "Wijzigen") once one is tapped or already given. */
  fold?: boolean;
}

interface MultipleProps extends BaseProps {
  multiple: true;
  value: readonly string[];
  onChange: (value: string[]) => void;
}

export function ChoiceGroup(props: SingleProps | MultipleProps) {
  const { name, legend, options, error, compact } = props;
  // Folded from the start when an answer is already there (a restored draft, a Snelkeuze).
  const [folded, setFolded] = useState(!props.multiple && props.value !== null);
  const tapped = useRef(false);
  /**
   * Answers chosen inside this group (taps, keys) since it was last cleared, to tell them from
   * one set elsewhere. A set, not the last one: arrow keys can change the answer twice before
   * the effect below sees the first change.
   */
  const ownChoices = useRef(new Set<string>());
  const single = props.multiple ? null : props.value;
  // A cleared answer (a new domain, "Opnieuw beginnen") opens the list again for good; an
  // answer filled in from elsewhere (a Snelkeuze, a chosen partner) folds it, as a tap does.
  // Arrow keys inside the list change it too, and leave it open.
  useEffect(() => {
    if (single === null) {
      ownChoices.current.clear();
      setFolded(false);
    } else if (!ownChoices.current.has(single)) {
      setFolded(true);
    }
  }, [single]);
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const isChecked = (id: string) =>
    props.multiple ? props.value.includes(id) : props.value === id;

  function toggle(id: string) {
    if (props.multiple) {
      props.onChange(
        props.value.includes(id) ? props.value.filter((v) => v !== id) : [...props.value, id],
      );
      return;
    }
    ownChoices.current.add(id);
    props.onChange(id);
    if (tapped.current) setFolded(true);
    tapped.current = false;
  }

  const chosen =
    !props.multiple && props.fold && folded
      ? options.find((option) => option.id === props.value)
      : undefined;

  if (chosen) {
    return (
      <fieldset id={name} class={`choices${compact ? ' choices-compact' : ''}`} data-folded="true">
        <legend class="legend">{legend}</legend>
        <div class="chips">
          <label class="chip is-checked">
            <input type="radio" name={name} value={chosen.id} checked readOnly />
            <span>{chosen.label}</span>
          </label>
          <button
            type="button"
            class="button button-small button-quiet"
            aria-label={text.choices.change(legend)}
            onClick={() => {
              setFolded(false);
              // Focus the chosen answer, so keyboard users continue where they were.
              requestAnimationFrame(() =>
                fieldset.current?.querySelector<HTMLInputElement>('input:checked')?.focus(),
              );
            }}
          >
            {text.choices.changeShort}
          </button>
        </div>
      </fieldset>
    );
  }

  return (
    <fieldset
      ref={fieldset}
      id={name}
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
          <label
            key={option.id}
            class={`chip${isChecked(option.id) ? ' is-checked' : ''}`}
            onPointerDown={() => {
              tapped.current = true;
            }}
          >
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
