// The organisation's devices: where each is, its role, when it last sent registrations, the
// app version it reported then and how many it still had unsent; rename, move and revoke.

import { useState } from 'preact/hooks';
import { useNow } from '../hooks';
import { BackLink } from './BackLink';
import { DeviceCard } from './DeviceCard';
import { type ManagedDevice, useLoad } from './hooks';
import { ProblemMessage } from './ProblemMessage';
import { text } from './text';

export function DevicesScreen() {
  const devices = useLoad((api) => api.devices());
  const locations = useLoad((api) => api.locations());
  const now = useNow();
  const [message, setMessage] = useState('');
  const all = devices.value ?? [];

  function changed(device: ManagedDevice, sentence: string) {
    devices.set(all.map((each) => (each.id === device.id ? device : each)));
    setMessage(sentence);
  }

  const linked = all.filter((device) => device.revokedAt === null);
  const revoked = all.filter((device) => device.revokedAt !== null);
  const card = (device: ManagedDevice) => (
    <DeviceCard
      key={device.id}
      device={device}
      locations={locations.value ?? []}
      now={now}
      onChanged={changed}
    />
  );
  return (
    <section class="screen">
      <BackLink />
      <h1>{text.devices.title}</h1>
      <p>{text.devices.intro}</p>
      <p role="status" class="form-message">
        {message}
      </p>
      <ProblemMessage problem={devices.problem ?? locations.problem} />
      <section aria-labelledby="linked-title">
        <h2 id="linked-title">{text.devices.active}</h2>
        {devices.value && linked.length === 0 ? <p class="empty">{text.devices.none}</p> : null}
        <ul class="beheer-cards">{linked.map(card)}</ul>
      </section>
      {revoked.length > 0 ? (
        <section aria-labelledby="revoked-title">
          <h2 id="revoked-title">{text.devices.revoked}</h2>
          <ul class="beheer-cards">{revoked.map(card)}</ul>
        </section>
      ) : null}
    </section>
  );
}
