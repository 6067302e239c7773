// Linking this device and keeping its facts fresh: redeeming a koppelcode (POST /koppel),
// asking the endpoint what the device is (GET /device), and taking that in at each contact:
// its locations, its organisation's answer lists and screen lock, or a revoked token.

import * as z from 'zod/mini';
import type { Customisation } from '../core/registration/catalogue';
import {
  applyDeviceFacts as applyFacts,
  type Device,
  type DeviceFacts,
  Place,
  ROLES,
  ScreenLock,
} from '../core/upload/enrolment';
import type { BalieDb } from './db';
import { adoptOrganisationLists } from './list-writes';
import { updateDevice } from './settings';
import { StoredCustomisation } from './stored-state';
import { blockUploads } from './upload-writes';

/** Why the endpoint refused a code or token (its `code`); `wait`: 429, try again in a minute. */
export type Refusal = 'unknown' | 'used' | 'expired' | 'revoked';
export type LinkResult =
  | { readonly status: 'linked'; readonly device: Device }
  | { readonly status: 'refused'; readonly why: Refusal }
  | { readonly status: 'wait' | 'unreachable' };

const Role = z.enum(ROLES);
const Reply = z.object({
  device: z.optional(z.object({ role: Role })),
  role: z.optional(Role),
  organisation: z.optional(z.object({ name: z.string().check(z.minLength(1), z.maxLength(80)) })),
  location: z.nullish(Place),
  locations: z.optional(z.array(z.looseObject({ id: z.string(), name: z.string() }))),
  catalogue: z.optional(StoredCustomisation),
  screenLock: z.nullish(ScreenLock),
});
const Redeemed = z.object({ token: z.string().check(z.minLength(16), z.maxLength(200)) });
const Refused = z.object({ code: z.optional(z.enum(['unknown', 'used', 'expired', 'revoked'])) });

const base = (endpoint: string) => endpoint.replace(/\/+$/, '');

/** Redeems a koppelcode: the new device, with its own token, or why not. */
export async function linkWithKoppelcode(
  endpoint: string,
  code: string,
  deviceId: string,
): Promise<LinkResult> {
  try {
    const response = await fetch(`${base(endpoint)}/koppel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
      credentials: 'omit',
      signal: AbortSignal.timeout(10_000),
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 429) return { status: 'wait' };
    if (!response.ok)
      return { status: 'refused', why: Refused.safeParse(body).data?.code ?? 'unknown' };
    const token = Redeemed.safeParse(body);
    const facts = readFacts(body);
    if (!token.success || !facts) return { status: 'unreachable' };
    return {
      status: 'linked',
      device: newDevice(endpoint, token.data.token, deviceId, facts.facts),
    };
  } catch {
    return { status: 'unreachable' };
  }
}

/** Links with a long code (a token from `npm run token`): the endpoint must know it. */
export async function linkWithToken(
  endpoint: string,
  token: string,
  deviceId: string,
): Promise<LinkResult> {
  const info = await askDevice(endpoint, token);
  if (info.status !== 'ok') return info;
  return { status: 'linked', device: newDevice(endpoint, token, deviceId, info.facts) };
}

function newDevice(endpoint: string, token: string, deviceId: string, facts: DeviceFacts): Device {
  const device: Device = {
    endpoint: base(endpoint),
    token,
    deviceId,
    location: facts.location?.name ?? facts.organisation ?? '—',
  };
  return { ...applyFacts(device, facts) };
}

export type DeviceAnswer =
  | { readonly status: 'ok'; readonly facts: DeviceFacts; readonly lists?: Customisation }
  | { readonly status: 'refused'; readonly why: Refusal; readonly detail?: string }
  | { readonly status: 'wait' | 'unreachable' };

/** `GET <endpoint>/device`: what the endpoint knows of this device. */
export async function askDevice(endpoint: string, token: string): Promise<DeviceAnswer> {
  try {
    const response = await fetch(`${base(endpoint)}/device`, {
      headers: { authorization: `Bearer ${token}` },
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(10_000),
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 401 || response.status === 403) {
      const detail = z.object({ error: z.string() }).safeParse(body).data?.error.slice(0, 500);
      const why = Refused.safeParse(body).data?.code ?? 'unknown';
      return { status: 'refused', why, ...(detail ? { detail } : {}) };
    }
    if (response.status === 429) return { status: 'wait' };
    const read = response.ok ? readFacts(body) : null;
    return read ? { status: 'ok', ...read } : { status: 'unreachable' };
  } catch {
    return { status: 'unreachable' };
  }
}

function readFacts(body: unknown): { facts: DeviceFacts; lists?: Customisation } | null {
  const reply = Reply.safeParse(body);
  if (!reply.success) return null;
  const { data } = reply;
  // A location that does not parse (a future shape) is left out, not the whole list.
  const locations = data.locations?.flatMap((value) => {
    const place = Place.safeParse(value);
    return place.success ? [{ id: place.data.id, name: place.data.name }] : [];
  });
  const facts: DeviceFacts = {
    role: data.device?.role ?? data.role,
    organisation: data.organisation?.name,
    location: data.location ? { id: data.location.id, name: data.location.name } : null,
    locations,
    screenLock: data.screenLock === undefined ? undefined : data.screenLock,
    listsRevision: data.catalogue?.revision,
  };
  return data.catalogue ? { facts, lists: data.catalogue } : { facts };
}

export type Contact = 'updated' | 'refused' | 'unreachable';

/**
 * One contact with the endpoint (app start online, `online`): takes in the device's facts and
 * the organisation's answer lists, or, when the token is revoked or expired, stops uploading
 * until the device is linked again (every unsent record stays).
 */
export async function contactEndpoint(
  db: BalieDb,
  device: Device,
  now: number,
): Promise<{ contact: Contact; device?: Device }> {
  const answer = await askDevice(device.endpoint, device.token);
  if (answer.status === 'refused') {
    await blockUploads(
      db,
      { code: 'auth', status: 401, ...(answer.detail ? { detail: answer.detail } : {}) },
      now,
    );
    return { contact: 'refused' };
  }
  if (answer.status !== 'ok') return { contact: 'unreachable' };
  // Lists with revision 0: the organisation has sent none yet, so local lists stay.
  if (answer.lists && answer.lists.revision > 0) await adoptOrganisationLists(db, answer.lists);
  const updated = await updateDevice(device.token, (stored) => applyFacts(stored, answer.facts));
  return updated ? { contact: 'updated', device: updated } : { contact: 'unreachable' };
}
