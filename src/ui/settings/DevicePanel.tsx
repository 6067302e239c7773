// This device in Instellingen: its organisation, location and server, and linking it again
// with a new koppelcode (revoked, expired, a forgotten PIN). Registrations on the device stay.

import '../pairs.css';
import { useServices, useSyncStatus } from '../hooks';
import { CodeForm } from './CodeForm';
import { useRelink } from './hooks';
import { text } from './text';

export function DevicePanel() {
  const { device } = useServices();
  const relink = useRelink();
  const { retry } = useSyncStatus();

  return (
    <section class="panel" aria-labelledby="device-title" id="koppelen">
      <h2 id="device-title">{text.settings.deviceTitle}</h2>
      <dl class="pairs device-facts">
        {device.organisation ? (
          <>
            <dt>{text.settings.organisation}</dt>
            <dd>{device.organisation}</dd>
          </>
        ) : null}
        <dt>{text.settings.location}</dt>
        <dd data-testid="device-location">{device.location}</dd>
        {device.role ? (
          <>
            <dt>{text.settings.role}</dt>
            <dd>{text.settings.roles[device.role]}</dd>
          </>
        ) : null}
        <dt>{text.settings.endpoint}</dt>
        <dd>{device.endpoint}</dd>
        <dt>{text.settings.deviceId}</dt>
        <dd>{device.deviceId}</dd>
      </dl>
      <details open={retry?.blocked ?? false} key={String(retry?.blocked ?? false)}>
        <summary>{text.settings.relink}</summary>
        <p class="hint">{text.settings.relinkHint}</p>
        <CodeForm
          endpoint={device.endpoint}
          submitLabel={text.settings.relinkSubmit}
          link={async (request) => {
            const result = await relink(request);
            // Start afresh on the screen that shows the records going out.
            if (result.status === 'linked') location.assign('/versturen');
            return result;
          }}
        />
      </details>
    </section>
  );
}
