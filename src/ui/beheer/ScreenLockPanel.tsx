// The organisation's screen lock: off, or after 2–60 idle minutes. Devices lock themselves;
// this only sets what they are told (PATCH /api/organisation). The form starts from what the
// endpoint has, so it is shown only once that is loaded.

import { useState } from 'preact/hooks';
import { type Organisation, useAction, useLoad } from './hooks';
import { ProblemMessage } from './ProblemMessage';
import { text } from './text';

export function ScreenLockPanel() {
  const organisation = useLoad((api) => api.organisation());
  const current = organisation.value?.screenLock ?? null;
  return (
    <section class="panel" aria-labelledby="lock-title">
      <h2 id="lock-title">{text.lock.title}</h2>
      <p>{text.lock.intro}</p>
      <ProblemMessage problem={organisation.problem} />
      {organisation.value ? (
        <>
          <p class="hint">{text.lock.now(current?.minutes ?? null)}</p>
          <ScreenLockForm current={current} onSaved={organisation.set} />
        </>
      ) : null}
    </section>
  );
}

function ScreenLockForm(props: {
  current: Organisation['screenLock'];
  onSaved: (organisation: Organisation) => void;
}) {
  const { busy, problem, run } = useAction();
  const [on, setOn] = useState(props.current !== null);
  const [minutes, setMinutes] = useState(String(props.current?.minutes ?? 5));
  const [message, setMessage] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    const count = Number(minutes);
    if (on && !(Number.isInteger(count) && count >= 2 && count <= 60)) {
      return setMessage(text.lock.invalid);
    }
    setMessage('');
    const result = await run((api) => api.setScreenLock(on ? count : null));
    if (!result.ok) return;
    props.onSaved(result.value);
    setMessage(text.saved);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <fieldset class="beheer-choice">
        <legend class="legend">{text.lock.choose}</legend>
        <label>
          <input type="radio" name="lock" checked={!on} onChange={() => setOn(false)} />
          {text.lock.off}
        </label>
        <label>
          <input type="radio" name="lock" checked={on} onChange={() => setOn(true)} />
          {text.lock.after}
        </label>
      </fieldset>
      {on ? (
        <div class="field">
          <label class="label" for="lock-minutes">
            {text.lock.minutes}
          </label>
          <input
            id="lock-minutes"
            class="input beheer-number"
            type="number"
            min={2}
            max={60}
            inputMode="numeric"
            value={minutes}
            onInput={(event) => setMinutes((event.currentTarget as HTMLInputElement).value)}
          />
        </div>
      ) : null}
      <button type="submit" class="button button-primary" disabled={busy}>
        {busy ? text.busy : text.lock.submit}
      </button>
      <p role="status" class="form-message">
        {message}
      </p>
      <ProblemMessage problem={problem} />
    </form>
  );
}
