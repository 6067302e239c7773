// The visit's optional note, checked as it is typed: nothing that identifies a visitor.

import { findIdentifyingData, NOTE_MAX_LENGTH } from '../../core/registration/privacy';
import { findUnsafeCharacters } from '../../core/registration/unsafe-characters';
import { text } from './text';

export function NoteField({ value, onInput }: { value: string; onInput: (value: string) => void }) {
  const findings = findIdentifyingData(value);
  const kinds = [...new Set(findings.map((finding) => finding.kind))];
  const tooLong = value.length > NOTE_MAX_LENGTH;
  const unsafe = findUnsafeCharacters(value).length > 0;
  const invalid = kinds.length > 0 || tooLong || unsafe;
  return (
    <div class="field">
      <label for="note" class="label">
        {text.register.note}
      </label>
      <p id="note-hint" class="hint">
        {text.privacy.intro}
      </p>
      {invalid ? (
        <div id="note-error" class="error" role="alert">
          {kinds.map((kind) => (
            <p key={kind}>{text.privacy.found[kind]}</p>
          ))}
          {tooLong ? <p>{text.privacy.tooLong(NOTE_MAX_LENGTH)}</p> : null}
          {unsafe ? <p>{text.privacy.unsafe}</p> : null}
          {kinds.length > 0 ? <p>{text.privacy.why}</p> : null}
        </div>
      ) : null}
      <textarea
        id="note"
        name="note"
        class={`input${invalid ? ' is-invalid' : ''}`}
        rows={2}
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'note-hint note-error note-count' : 'note-hint note-count'}
        onInput={(event) => onInput((event.currentTarget as HTMLTextAreaElement).value)}
      />
      <p id="note-count" class={`hint counter${tooLong ? ' is-over' : ''}`}>
        {text.register.noteCount(value.length, NOTE_MAX_LENGTH)}
      </p>
    </div>
  );
}
