// Renders nothing: keeps the device's facts fresh at each contact with the endpoint (app
// start online, the connection back): its locations, answer lists, screen lock, or a revoke.

import { useDeviceContact } from './hooks';

export function DeviceContact() {
  useDeviceContact();
  return null;
}
