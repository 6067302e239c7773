// First run: link this device with the koppelcode from the manager, typed or opened as the
// QR link (#koppelcode=…). The koppellink with a long code (#koppel=…&endpoint=…, from
// `npm run token` or the development server) links at once too.

import './settings.css';
import { useEffect, useState } from 'preact/hooks';
import type { Device } from '../../core/upload/enrolment';
import { CodeForm } from './CodeForm';
import { linkFirst } from './hooks';
import { text } from './text';

export function FirstRun({ onLinked }: { onLinked: (device: Device) => void }) {
  const [hash, setHash] = useState(location.hash);
  const link = readLink(hash);

  useEffect(() => {
    // A QR link opened while this screen is open already (same page, new fragment).
    const follow = () => location.hash && setHash(location.hash);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  useEffect(() => {
    // A code should not linger in the address bar or the history.
    if (link.code || link.token) history.replaceState(null, '', location.pathname);
  }, [link.code, link.token]);

  return (
    <main class="first-run">
      <div class="card">
        <img src="/icon.svg" alt="" width="56" height="56" />
        <h1>{text.firstRun.title}</h1>
        <p>{text.firstRun.intro}</p>
        {link.token ? <p class="notice">{text.firstRun.fromLink}</p> : null}
        <CodeForm
          endpoint={link.endpoint ?? `${location.origin}/api`}
          submitLabel={text.link.submit}
          link={(request) => linkFirst(request, onLinked)}
          autoCode={link.code}
          token={link.token}
        />
      </div>
    </main>
  );
}

function readLink(hash: string): { code?: string; token?: string; endpoint?: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('koppelcode');
  const token = params.get('koppel');
  const endpoint = params.get('endpoint');
  return {
    ...(code ? { code } : {}),
    ...(token ? { token } : {}),
    ...(endpoint ? { endpoint } : {}),
  };
}
