// Changing the manager's own password. The endpoint ends every other session of this manager.

import { useState } from 'preact/hooks';
import { useAction } from './hooks';
import { ProblemMessage } from './ProblemMessage';
import { text } from './text';

const MIN_LENGTH = 12;

export function PasswordPanel() {
  const { busy, problem, run } = useAction();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    if (next.length < MIN_LENGTH) return setMessage(text.password.tooShort);
    setMessage('');
    const result = await run((api) => api.changePassword(current, next));
    if (!result.ok) return;
    setCurrent('');
    setNext('');
    setMessage(text.password.done);
  }

  return (
    <section class="panel" aria-labelledby="password-title">
      <details>
        <summary id="password-title">{text.password.title}</summary>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <PasswordField
            id="password-current"
            label={text.password.current}
            value={current}
            onInput={setCurrent}
            autoComplete="current-password"
          />
          <PasswordField
            id="password-next"
            label={text.password.next}
            hint={text.password.nextHint}
            value={next}
            onInput={setNext}
            autoComplete="new-password"
          />
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? text.busy : text.password.submit}
          </button>
          <p role="status" class="form-message">
            {message}
          </p>
          <ProblemMessage problem={problem} />
        </form>
      </details>
    </section>
  );
}

function PasswordField(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onInput: (value: string) => void;
  autoComplete: string;
}) {
  return (
    <div class="field">
      <label class="label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <input
        id={props.id}
        class="input"
        type="password"
        autoComplete={props.autoComplete}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        value={props.value}
        onInput={(event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}
