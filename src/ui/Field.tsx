// A labelled text field with its hint and error, wired for screen readers.

export interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  /** A URL field gets the URL keyboard on phones. */
  url?: boolean;
  autoComplete?: string;
  multiline?: boolean;
  maxLength?: number;
}

export function Field({
  id,
  label,
  value,
  onInput,
  hint,
  error,
  url,
  autoComplete,
  multiline,
  maxLength,
}: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const shared = {
    id,
    name: id,
    value,
    class: `input${error ? ' is-invalid' : ''}`,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    maxLength,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id} class="label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} class="error">
          {error}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...shared} rows={3} />
      ) : (
        <input
          {...shared}
          type="text"
          inputMode={url ? 'url' : 'text'}
          autoComplete={autoComplete}
          spellcheck={false}
        />
      )}
    </div>
  );
}
