// One device: its facts, renaming and moving it (one form), and revoking it in one tap after
// a question that says its unsent registrations stay on it until it is linked again.

import '../pairs.css';
import { useState } from 'preact/hooks';
import { formatMoment } from '../format';
import { ConfirmDialog } from './ConfirmDialog';
import { type Location, type ManagedDevice, useAction } from './hooks';
import { ProblemMessage } from './ProblemMessage';
import { text } from './text';

export function DeviceCard(props: {
  device: ManagedDevice;
  locations: readonly Location[];
  now: number;
  onChanged: (device: ManagedDevice, sentence: string) => void;
}) {
  const { device, locations, now } = props;
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  const where = locations.find((location) => location.id === device.locationId);
  const when = (moment: string | null) =>
    moment ? formatMoment(Date.parse(moment), now) : text.devices.never;

  async function revoke() {
    setConfirming(false);
    const result = await action.run((api) => api.revokeDevice(device.id));
    if (!result.ok) return;
    const revokedAt = new Date(now).toISOString();
    props.onChanged({ ...device, revokedAt }, text.devices.revokedNow(device.label));
  }

  return (
    <li class="card beheer-card" data-testid="device">
      <h3>{device.label}</h3>
      <dl class="pairs beheer-facts">
        <dt>{text.devices.location}</dt>
        <dd>{where?.name ?? text.devices.noLocation}</dd>
        <dt>{text.devices.role}</dt>
        <dd>{text.devices.roles[device.role]}</dd>
        <dt>{text.devices.lastUpload}</dt>
        <dd data-testid="last-upload">{when(device.lastUploadAt)}</dd>
        <dt>{text.devices.version}</dt>
        <dd>{device.appVersion ?? text.devices.unknown}</dd>
        <dt>{text.devices.unsent}</dt>
        <dd>
          {device.unsentAtLastUpload === null
            ? text.devices.unknown
            : text.devices.unsentCount(device.unsentAtLastUpload)}
        </dd>
        {device.revokedAt ? (
          <>
            <dt>{text.devices.revokedAt}</dt>
            <dd>{when(device.revokedAt)}</dd>
          </>
        ) : null}
      </dl>
      {device.revokedAt === null ? (
        <>
          <DeviceChange {...props} />
          <button
            type="button"
            class="button button-danger"
            aria-label={text.devices.revokeLabel(device.label)}
            disabled={action.busy}
            onClick={() => setConfirming(true)}
          >
            {action.busy ? text.busy : text.devices.revoke}
          </button>
          <ProblemMessage problem={action.problem} />
          <ConfirmDialog
            message={confirming ? text.devices.revokeConfirm(device.label) : null}
            confirmLabel={text.devices.revoke}
            onConfirm={() => void revoke()}
            onCancel={() => setConfirming(false)}
          />
        </>
      ) : null}
    </li>
  );
}

/** Rename and move: only what differs from now is sent. */
function DeviceChange({ device, locations, onChanged }: Parameters<typeof DeviceCard>[0]) {
  const action = useAction();
  const [label, setLabel] = useState(device.label);
  const [locationId, setLocationId] = useState(device.locationId ?? '');
  const open = locations.filter((location) => location.active || location.id === device.locationId);

  async function submit(event: Event) {
    event.preventDefault();
    const change = {
      ...(label.trim() && label.trim() !== device.label ? { label: label.trim() } : {}),
      ...(locationId && locationId !== device.locationId ? { locationId } : {}),
    };
    if (Object.keys(change).length === 0) return;
    const result = await action.run((api) => api.changeDevice(device.id, change));
    if (result.ok) onChanged(result.value, text.devices.changed(result.value.label));
  }

  const id = `device-${device.id}`;
  return (
    <details class="beheer-change">
      <summary>{text.devices.change(device.label)}</summary>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div class="field">
          <label class="label" for={`${id}-label`}>
            {text.devices.rename}
          </label>
          <input
            id={`${id}-label`}
            class="input"
            maxLength={80}
            value={label}
            onInput={(event) => setLabel((event.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label class="label" for={`${id}-location`}>
            {text.devices.move}
          </label>
          <select
            id={`${id}-location`}
            class="input"
            value={locationId}
            onChange={(event) => setLocationId((event.currentTarget as HTMLSelectElement).value)}
          >
            {device.locationId === null ? (
              <option value="">{text.devices.noLocation}</option>
            ) : null}
            {open.map((location) => (
              <option key={location.id} value={location.id}>
                {location.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button" disabled={action.busy}>
          {action.busy ? text.busy : text.devices.save}
        </button>
        <ProblemMessage problem={action.problem} />
      </form>
    </details>
  );
}
