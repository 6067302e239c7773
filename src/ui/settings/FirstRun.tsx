// First run: link this device to an upload endpoint. The endpoint and code come from a
// koppellink (#koppel=…&endpoint=…), from the development server on this machine, or by hand.

import './settings.css';
import { useEffect, useState } from 'preact/hooks';
import { type Device, Enrolment } from '../../core/upload/enrolment';
import { Field } from '../Field';
import { linking } from './hooks';
import { text } from './text';

type Problems = Partial<Record<keyof Enrolment, string>>;

export function FirstRun({ onLinked }: { onLinked: (device: Device) => void }) {
  const link = readKoppelLink(location.hash);
  const [location_, setLocation] = useState('');
  const [endpoint, setEndpoint] = useState(link.endpoint ?? `${location.origin}/api`);
  const [token, setToken] = useState(link.token ?? '');
  const fromLink = Boolean(link.token);
  const [problems, setProblems] = useState<Problems>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // The code should not linger in the address bar or the history.
    if (link.token) history.replaceState(null, '', location.pathname);
  }, [link.token]);

  async function submit(event: Event) {
    event.preventDefault();
    const parsed = Enrolment.safeParse({ location: location_, endpoint, token });
    if (!parsed.success) {
      const found: Problems = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as keyof Enrolment;
        found[field] = text.firstRun.invalid[field];
      }
      setProblems(found);
      return;
    }
    setProblems({});
    setBusy(true);
    setMessage(text.firstRun.checking);
    const check = await linking.checkToken(parsed.data.endpoint, parsed.data.token);
    if (check.status === 'wait') {
      setBusy(false);
      setMessage('');
      setProblems({ token: text.firstRun.wait });
      return;
    }
    if (check.status === 'refused') {
      setBusy(false);
      setMessage('');
      setProblems({ token: text.firstRun.refused });
      return;
    }
    // The endpoint knows where this code belongs: its IDO location wins over a typed name.
    const known = check.status === 'ok' ? check.location : undefined;
    const device: Device = {
      ...parsed.data,
      deviceId: crypto.randomUUID(),
      ...(known ? { location: known.name, locationId: known.id } : {}),
    };
    await linking.saveDevice(device);
    if (check.status === 'unreachable') setMessage(text.firstRun.offlineSaved);
    onLinked(device);
  }

  return (
    <main class="first-run">
      <form class="card" onSubmit={submit} noValidate>
        <img src="/icon.svg" alt="" width="56" height="56" />
        <h1>{text.firstRun.title}</h1>
        <p>{text.firstRun.intro}</p>
        {fromLink ? <p class="notice">{text.firstRun.fromLink}</p> : null}
        <Field
          id="location"
          label={text.firstRun.location}
          hint={text.firstRun.locationHint}
          error={problems.location}
          value={location_}
          onInput={setLocation}
          autoComplete="organization"
        />
        <Field
          id="endpoint"
          label={text.firstRun.endpoint}
          hint={text.firstRun.endpointHint}
          error={problems.endpoint}
          value={endpoint}
          onInput={setEndpoint}
          url
        />
        <Field
          id="token"
          label={text.firstRun.token}
          hint={text.firstRun.tokenHint}
          error={problems.token}
          value={token}
          onInput={setToken}
          autoComplete="off"
        />
        <button type="submit" class="button button-primary button-wide" disabled={busy}>
          {text.firstRun.submit}
        </button>
        <p role="status" class="form-message">
          {message}
        </p>
      </form>
    </main>
  );
}

function readKoppelLink(hash: string): { token?: string; endpoint?: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('koppel');
  const endpoint = params.get('endpoint');
  return { ...(token ? { token } : {}), ...(endpoint ? { endpoint } : {}) };
}
