// How a device is linked to an upload endpoint: the settings the device keeps.
// Pure. The token is a secret; it is only ever sent to the endpoint it belongs to.

import * as z from 'zod/mini';

const Endpoint = z.url({ protocol: /^https?$/ });
const Token = z.string().check(z.trim(), z.minLength(16), z.maxLength(200));
const Location = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

/** What the first-run form asks; the device id is made on the device. */
export const Enrolment = z.object({ endpoint: Endpoint, token: Token, location: Location });
export type Enrolment = z.infer<typeof Enrolment>;

/**
 * A linked device. `location` is the IDO location's name as shown; `locationId` is the
 * organisation's id for it, which registrations record (devices linked before locations
 * existed have none: the endpoint maps their location name).
 */
export const Device = z.extend(Enrolment, {
  deviceId: z.uuid(),
  locationId: z.exactOptional(z.uuid()),
});
export type Device = z.infer<typeof Device>;
