// How a device is linked to an upload endpoint: the settings the device keeps.
// Pure. The token is a secret; it is only ever sent to the endpoint it belongs to.

import * as z from 'zod/mini';

const Endpoint = z.url({ protocol: /^https?$/ });
const Token = z.string().check(z.trim(), z.minLength(16), z.maxLength(200));
const Location = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

/** What the first-run form asks; the device id is made on the device. */
export const Enrolment = z.object({ endpoint: Endpoint, token: Token, location: Location });
export type Enrolment = z.infer<typeof Enrolment>;

export const Device = z.extend(Enrolment, { deviceId: z.uuid() });
export type Device = z.infer<typeof Device>;
