// How a device is linked to an upload endpoint, and what it keeps of its organisation.
// Pure. The token is a secret; it is only ever sent to the endpoint it belongs to.

import * as z from 'zod/mini';

export const Endpoint = z.url({ protocol: /^https?$/ });
export const Token = z.string().check(z.trim(), z.minLength(16), z.maxLength(200));
const Name = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

export const ROLES = ['desk', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/** What the long-code form asks; the device id is made on the device. */
export const Enrolment = z.object({ endpoint: Endpoint, token: Token, location: Name });
export type Enrolment = z.infer<typeof Enrolment>;

/** One of the organisation's open IDO locations, as the device keeps it for switching. */
export const Place = z.object({ id: z.uuid(), name: Name });
export type Place = z.infer<typeof Place>;

/** The organisation's screen lock: lock after this many idle minutes. */
export const ScreenLock = z.object({ minutes: z.int().check(z.gte(1), z.lte(60)) });
export type ScreenLock = z.infer<typeof ScreenLock>;

/**
 * A linked device. `location` is the IDO location's name as shown; `locationId` is the id
 * registrations record (devices linked before locations existed have none: the endpoint maps
 * their name). `homeLocationId` is where the endpoint has the device; the rest comes from the
 * endpoint at each contact. Old enrolments (only the first five fields) stay valid.
 */
export const Device = z.extend(Enrolment, {
  deviceId: z.uuid(),
  locationId: z.exactOptional(z.uuid()),
  homeLocationId: z.exactOptional(z.uuid()),
  organisation: z.exactOptional(Name),
  role: z.exactOptional(z.enum(ROLES)),
  locations: z.exactOptional(z.array(Place).check(z.maxLength(500))),
  screenLock: z.exactOptional(z.nullable(ScreenLock)),
  /** The organisation's answer-list revision last adopted (0: it has sent none). */
  listsRevision: z.exactOptional(z.int().check(z.gte(0))),
});
export type Device = z.infer<typeof Device>;

/** What the endpoint says about this device (GET /device, POST /koppel), already parsed. */
export interface DeviceFacts {
  readonly role?: Role | undefined;
  readonly organisation?: string | undefined;
  readonly location: Place | null;
  readonly locations?: readonly Place[] | undefined;
  readonly screenLock?: ScreenLock | null | undefined;
  readonly listsRevision?: number | undefined;
}

/**
 * Takes in what the endpoint said. The location chosen on the device stays while it is
 * open; a manager moving the device (a new home location) wins; a closed one gives way.
 */
export function applyDeviceFacts(device: Device, facts: DeviceFacts): Device {
  const locations = facts.locations ? [...facts.locations] : device.locations;
  const home = facts.location;
  const moved = home !== null && home.id !== device.homeLocationId;
  const current = locations?.find((place) => place.id === device.locationId);
  const chosen = moved ? home : (current ?? home);
  return {
    ...device,
    ...(chosen ? { location: chosen.name, locationId: chosen.id } : {}),
    ...(home ? { homeLocationId: home.id } : {}),
    ...(locations ? { locations } : {}),
    ...(facts.organisation ? { organisation: facts.organisation } : {}),
    ...(facts.role ? { role: facts.role } : {}),
    ...(facts.screenLock !== undefined ? { screenLock: facts.screenLock } : {}),
    ...(facts.listsRevision !== undefined ? { listsRevision: facts.listsRevision } : {}),
  };
}

/** Switches to another of the organisation's locations; unknown ids change nothing. */
export function chooseLocation(device: Device, id: string): Device {
  const place = device.locations?.find((candidate) => candidate.id === id);
  return place ? { ...device, location: place.name, locationId: place.id } : device;
}

/** Whether the answer lists are the organisation's, so this device only shows them. */
export function listsReadOnly(device: Device): boolean {
  return device.role === 'desk' || (device.listsRevision ?? 0) > 0;
}
