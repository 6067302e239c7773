// Choosing the screen lock's PIN, the first time the organisation turns the lock on.

import './lock.css';
import { useState } from 'preact/hooks';
import { PIN_PATTERN } from '../../core/lock/pin';
import { text } from './text';

export function ChoosePin(props: { minutes: number; onChoose: (pin: string) => Promise<void> }) {
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!PIN_PATTERN.test(pin)) return setProblem(text.badPin);
    if (pin !== repeat) return setProblem(text.notSame);
    setBusy(true);
    await props.onChoose(pin);
  }

  return (
    <main class="lock-screen">
      <form class="card" onSubmit={(event) => void submit(event)} noValidate>
        <h1>{text.chooseTitle}</h1>
        <p>{text.chooseIntro(props.minutes)}</p>
        <PinField id="new-pin" label={text.pin} value={pin} onInput={setPin} />
        <PinField id="repeat-pin" label={text.repeat} value={repeat} onInput={setRepeat} />
        {problem ? (
          <p class="error" role="alert">
            {problem}
          </p>
        ) : null}
        <button type="submit" class="button button-primary button-wide" disabled={busy}>
          {text.save}
        </button>
      </form>
    </main>
  );
}

export function PinField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field">
      <label class="label" for={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        class="input pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        value={props.value}
        onInput={(event) => props.onInput((event.currentTarget as HTMLInputElement).value)}
      />
    </div>
  );
}
