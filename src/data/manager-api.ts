// Every call a signed-in manager makes to the endpoint (docs/organisation.md): the session
// cookie rides along (same origin), bodies are JSON, every reply is parsed with zod, and a
// refusal comes back as a Problem carrying the endpoint's own Dutch sentence. Never throws.

import * as z from 'zod/mini';
import { LIST_NAMES } from '../core/registration/catalogue';
import { OrgReport } from '../core/reports/org-report';

export const LOCATION_KINDS = [
  'vaste-balie',
  'lopend-ido',
  'spreekuur-elders',
  'buiten-bibliotheek',
] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];
export const ROLES = ['desk', 'manager'] as const;
export type Role = (typeof ROLES)[number];

const Session = z.object({
  user: z.string(),
  organisation: z.object({ id: z.string(), name: z.string() }),
});
export type Session = z.infer<typeof Session>;

const ScreenLock = z.nullable(z.object({ minutes: z.number() }));
const Organisation = z.object({ id: z.string(), name: z.string(), screenLock: ScreenLock });
export type Organisation = z.infer<typeof Organisation>;

const Location = z.object({
  id: z.string(),
  name: z.string(),
  gemeente: z.string(),
  kind: z.enum(LOCATION_KINDS),
  hours: z.string(),
  staffing: z.string(),
  active: z.boolean(),
});
export type Location = z.infer<typeof Location>;
export type LocationFields = Omit<Location, 'id' | 'active'>;

const Koppelcode = z.object({ code: z.string(), expiresAt: z.string(), link: z.string() });
export type Koppelcode = z.infer<typeof Koppelcode>;

const Device = z.object({
  id: z.string(),
  label: z.string(),
  role: z.enum(ROLES),
  locationId: z.nullable(z.string()),
  createdAt: z.string(),
  lastSeenAt: z.nullable(z.string()),
  lastUploadAt: z.nullable(z.string()),
  appVersion: z.nullable(z.string()),
  unsentAtLastUpload: z.nullable(z.number()),
  revokedAt: z.nullable(z.string()),
});
export type ManagedDevice = z.infer<typeof Device>;

const Catalogue = z.object({
  revision: z.int(),
  hidden: z.array(z.string()),
  added: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      list: z.enum(LIST_NAMES),
      domain: z.exactOptional(z.string()),
      retired: z.exactOptional(z.literal(true)),
    }),
  ),
});
export type OrgCatalogue = z.infer<typeof Catalogue>;
/** What a manager sends: a new option has no id yet (the endpoint makes it). */
export interface CatalogueChange {
  readonly hidden: readonly string[];
  readonly added: readonly {
    id?: string;
    label: string;
    list: OrgCatalogue['added'][number]['list'];
    domain?: string;
    retired?: true;
  }[];
}

const AuditEntry = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * Why a call did not work. `message` is the endpoint's sentence when it sent one.
 * offline: no answer at all; signed-out: 401; locked: 429 (retryAfter in seconds);
 * stale: 412 (someone else changed it first); refused: any other 4xx; server: 5xx or a
 * reply that is not what the protocol says.
 */
export interface Problem {
  readonly kind: 'offline' | 'signed-out' | 'locked' | 'stale' | 'refused' | 'server';
  readonly status: number;
  readonly message?: string;
  readonly retryAfter?: number;
}
export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly etag?: string }
  | { readonly ok: false; readonly problem: Problem };

const ErrorBody = z.object({ error: z.string().check(z.maxLength(500)) });

async function call<T>(
  method: string,
  path: string,
  reply: z.ZodMiniType<T> | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Result<T>> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        // Every change is JSON, even without a body: the endpoint's CSRF rule asks for it.
        ...(method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, problem: { kind: 'offline', status: 0 } };
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) return { ok: false, problem: problemOf(response, json) };
  const etag = response.headers.get('etag') ?? undefined;
  if (reply === null) return { ok: true, value: undefined as T };
  const parsed = reply.safeParse(json);
  if (!parsed.success) return { ok: false, problem: { kind: 'server', status: response.status } };
  return { ok: true, value: parsed.data, ...(etag ? { etag } : {}) };
}

function problemOf(response: Response, json: unknown): Problem {
  const { status } = response;
  const message = ErrorBody.safeParse(json).data?.error;
  const kind: Problem['kind'] =
    status === 401
      ? 'signed-out'
      : status === 429
        ? 'locked'
        : status === 412
          ? 'stale'
          : status >= 500
            ? 'server'
            : 'refused';
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    kind,
    status,
    ...(message ? { message } : {}),
    ...(kind === 'locked' && retryAfter > 0 ? { retryAfter } : {}),
  };
}

const map =
  <T, U>(pick: (value: T) => U) =>
  (result: Result<T>): Result<U> =>
    result.ok ? { ok: true, value: pick(result.value) } : result;

export const managerApi = {
  /** The signed-in manager, or null when nobody is (`204`). */
  session: () =>
    call('GET', '/session', z.optional(Session)).then(map((session) => session ?? null)),
  signIn: (user: string, password: string) => call('POST', '/session', Session, { user, password }),
  signOut: () => call('DELETE', '/session', null),
  changePassword: (current: string, next: string) =>
    call('POST', '/session/password', null, { current, next }),

  organisation: () => call('GET', '/organisation', Organisation),
  setScreenLock: (minutes: number | null) =>
    call('PATCH', '/organisation', Organisation, {
      screenLock: minutes === null ? null : { minutes },
    }),

  locations: () =>
    call('GET', '/locations', z.object({ locations: z.array(Location) })).then(
      map((reply) => reply.locations),
    ),
  addLocation: (fields: LocationFields) =>
    call('POST', '/locations', z.object({ location: Location }), fields).then(
      map((reply) => reply.location),
    ),
  changeLocation: (id: string, change: Partial<LocationFields> & { active?: boolean }) =>
    call(
      'PATCH',
      `/locations/${encodeURIComponent(id)}`,
      z.object({ location: Location }),
      change,
    ).then(map((reply) => reply.location)),

  createKoppelcode: (locationId: string, role: Role, label?: string) =>
    call('POST', '/koppelcodes', Koppelcode, { locationId, role, ...(label ? { label } : {}) }),

  devices: () =>
    call('GET', '/devices', z.object({ devices: z.array(Device) })).then(
      map((reply) => reply.devices),
    ),
  changeDevice: (id: string, change: { label?: string; locationId?: string }) =>
    call('PATCH', `/devices/${encodeURIComponent(id)}`, z.object({ device: Device }), change).then(
      map((reply) => reply.device),
    ),
  revokeDevice: (id: string) => call('POST', `/devices/${encodeURIComponent(id)}/revoke`, null),

  catalogue: () => call('GET', '/catalogue', Catalogue),
  putCatalogue: (revision: number, change: CatalogueChange) =>
    call('PUT', '/catalogue', Catalogue, change, { 'if-match': `"${revision}"` }),

  /** The organisation's report; `query` from the core's `reportQuery`. */
  report: (query: string) => call('GET', `/reports?${query}`, OrgReport),

  audit: (limit = 100) =>
    call('GET', `/audit?limit=${limit}`, z.object({ entries: z.array(AuditEntry) })).then(
      map((reply) => reply.entries),
    ),
};
export type ManagerApi = typeof managerApi;
