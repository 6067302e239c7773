// The lock screen: the PIN opens the app; wrong tries make the next wait longer (kept across
// reloads). A forgotten PIN: link the device again with a new koppelcode; the data stays.

import './lock.css';
import { useEffect, useState } from 'preact/hooks';
import { useNow, useServices } from '../hooks';
import { CodeForm } from '../settings/CodeForm';
import { useRelink } from '../settings/hooks';
import { PinField } from './ChoosePin';
import type { ScreenLockControl } from './hooks';
import { text } from './text';

export function LockScreen({ lock }: { lock: ScreenLockControl }) {
  const { device, now } = useServices();
  const relink = useRelink();
  const clock = useNow(1_000);
  const [pin, setPin] = useState('');
  const [waitUntil, setWaitUntil] = useState(0);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void lock.waiting().then((left) => setWaitUntil(left > 0 ? now() + left : 0));
  }, []);

  const secondsLeft = Math.ceil(Math.max(0, waitUntil - Math.max(clock, now())) / 1000);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setMessage(text.checking);
    const result = await lock.unlock(pin);
    setBusy(false);
    if (result.ok) return;
    setPin('');
    setWaitUntil(result.waitMs > 0 ? now() + result.waitMs : 0);
    setMessage(text.wrong);
  }

  return (
    <main class="lock-screen">
      <div class="card">
        <img src="/icon.svg" alt="" width="56" height="56" />
        <h1>{text.lockedTitle}</h1>
        <p>{text.lockedIntro}</p>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <PinField id="unlock-pin" label={text.pinLabel} value={pin} onInput={setPin} />
          <p role="alert" class="form-message" data-testid="lock-message">
            {message}
            {secondsLeft > 0 ? ` ${text.wait(secondsLeft)}` : ''}
          </p>
          <button
            type="submit"
            class="button button-primary button-wide"
            disabled={busy || secondsLeft > 0}
          >
            {text.unlock}
          </button>
        </form>
        <details class="more">
          <summary>{text.forgotTitle}</summary>
          <p class="hint">{text.forgotIntro}</p>
          <CodeForm
            endpoint={device.endpoint}
            submitLabel={text.relink}
            link={async (request) => {
              const result = await relink(request);
              if (result.status === 'linked') await lock.forgotten();
              return result;
            }}
          />
        </details>
      </div>
    </main>
  );
}
