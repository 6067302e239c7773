// This device in Instellingen: where it is linked, and linking it again with a new code
// when the server refuses the old one. Registrations on the device stay.

import { useState } from 'preact/hooks';
import { Enrolment } from '../../core/upload/enrolment';
import { Field } from '../Field';
import { useServices } from '../hooks';
import { useRelink } from './hooks';
import { text } from './text';

export function DevicePanel() {
  const { device } = useServices();
  const relinkDevice = useRelink();
  const [endpoint, setEndpoint] = useState(device.endpoint);
  const [token, setToken] = useState('');
  const [problems, setProblems] = useState<{ endpoint?: string; token?: string }>({});

  async function relink(event: Event) {
    event.preventDefault();
    const parsed = Enrolment.safeParse({ location: device.location, endpoint, token });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      setProblems({
        ...(fields.has('endpoint') ? { endpoint: text.firstRun.invalid.endpoint } : {}),
        ...(fields.has('token') ? { token: text.firstRun.invalid.token } : {}),
      });
      return;
    }
    await relinkDevice({ ...device, endpoint: parsed.data.endpoint, token: parsed.data.token });
    // Start afresh with the new code, on the screen that shows the records going out.
    location.assign('/versturen');
  }

  return (
    <section class="panel" aria-labelledby="device-title" id="koppelen">
      <h2 id="device-title">{text.settings.deviceTitle}</h2>
      <dl class="device-facts">
        <dt>{text.settings.location}</dt>
        <dd>{device.location}</dd>
        <dt>{text.settings.endpoint}</dt>
        <dd>{device.endpoint}</dd>
        <dt>{text.settings.deviceId}</dt>
        <dd>{device.deviceId}</dd>
      </dl>
      <details>
        <summary>{text.settings.relink}</summary>
        <p class="hint">{text.settings.relinkHint}</p>
        <form onSubmit={(event) => void relink(event)} noValidate>
          <Field
            id="relink-endpoint"
            label={text.firstRun.endpoint}
            value={endpoint}
            onInput={setEndpoint}
            error={problems.endpoint}
            url
          />
          <Field
            id="relink-token"
            label={text.firstRun.token}
            value={token}
            onInput={setToken}
            error={problems.token}
            autoComplete="off"
          />
          <button type="submit" class="button button-primary">
            {text.settings.relink}
          </button>
        </form>
      </details>
    </section>
  );
}
