// The settings screens' seam to data: linking this device (first run and linking again), the
// contact with the endpoint at start and when the connection returns, switching location,
// and the answer lists. Views import these, never src/data.

import { useEffect } from 'preact/hooks';
import type { Customisation } from '../../core/registration/catalogue';
import type { Device } from '../../core/upload/enrolment';
import { readRetryState } from '../../data/desk-reads';
import {
  contactEndpoint,
  type LinkResult,
  linkWithKoppelcode,
  linkWithToken,
} from '../../data/linking';
import { changeCustomisation } from '../../data/list-writes';
import { saveDevice } from '../../data/settings';
import { liftAuthBlock } from '../../data/upload-writes';
import { useServices } from '../hooks';

export type { LinkResult } from '../../data/linking';
export type LinkRequest =
  | { readonly endpoint: string; readonly kind: 'koppelcode'; readonly code: string }
  | { readonly endpoint: string; readonly kind: 'token'; readonly token: string };

function linkWith(request: LinkRequest, deviceId: string): Promise<LinkResult> {
  return request.kind === 'koppelcode'
    ? linkWithKoppelcode(request.endpoint, request.code, deviceId)
    : linkWithToken(request.endpoint, request.token, deviceId);
}

/** First run (before the app's services exist): links, keeps the enrolment, says so. */
export async function linkFirst(
  request: LinkRequest,
  onLinked: (device: Device) => void,
): Promise<LinkResult> {
  const result = await linkWith(request, crypto.randomUUID());
  if (result.status === 'linked') {
    await saveDevice(result.device);
    onLinked(result.device);
  }
  return result;
}

/**
 * Linking a linked device again (revoked, expired, forgotten PIN): a new token, the same
 * device id, database and outbox; the block on uploading is lifted and the outbox sent.
 */
export function useRelink() {
  const { desk, dexie, device, setDevice, wake } = useServices();
  return async (request: LinkRequest): Promise<LinkResult> => {
    const result = await linkWith(request, device.deviceId);
    if (result.status !== 'linked') return result;
    // A new code without a location of its own keeps the one this device had.
    const next: Device = result.device.locationId
      ? result.device
      : {
          ...result.device,
          location: device.location,
          ...(device.locationId ? { locationId: device.locationId } : {}),
        };
    await saveDevice(next);
    await liftAuthBlock(await dexie(), await readRetryState(desk));
    setDevice(next);
    wake('manual');
    return result;
  };
}

/** Asks the endpoint what this device is at start and whenever the connection returns. */
export function useDeviceContact() {
  const { dexie, device, setDevice, now } = useServices();
  useEffect(() => {
    let stopped = false;
    const contact = async () => {
      if (!navigator.onLine) return;
      const result = await contactEndpoint(await dexie(), device, now());
      if (!stopped && result.device && JSON.stringify(result.device) !== JSON.stringify(device)) {
        setDevice(result.device);
      }
    };
    void contact();
    window.addEventListener('online', contact);
    return () => {
      stopped = true;
      window.removeEventListener('online', contact);
    };
  }, [dexie, device.token, device.endpoint]);
}

/** Changes the branch's answer lists inside one transaction (see list-writes.ts). */
export function useChangeCustomisation() {
  const { dexie } = useServices();
  return async (change: (current: Customisation) => Customisation) =>
    changeCustomisation(await dexie(), change);
}
