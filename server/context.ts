// Who is asking, for every route: a device by its bearer token, or a manager by the session
// cookie; the role check (403 with a Dutch reason), the CSRF checks for cookie requests that
// change something, and reading a JSON body with limits. Route modules get one Context.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type * as z from 'zod/mini';
import type { TokenDevice } from './device-store';
import { readBody, refuse, sendJson, TooLarge, TooSlow } from './http';
import type { Limits, RateLimiter } from './limits';
import type { Manager } from './manager-store';
import { describeIssues } from './reasons';
import type { Store } from './store';

export const SESSION_COOKIE = 'balie_session';
/** The cookie lives as long as a session may sit idle: 12 hours. */
export const SESSION_MAX_AGE_S = 43_200;
/** JSON bodies of the organisation routes; a batch or a map has its own limit. */
export const MAX_JSON_BYTES = 64 * 1024;

export type Caller =
  | {
      readonly kind: 'manager';
      readonly manager: Manager;
      readonly organisationId: string;
      /** For the audit log and map versions. */
      readonly actor: string;
      readonly actorId: string;
      /** The cookie value (to keep this session when others end). */
      readonly session: string;
    }
  | {
      readonly kind: 'device';
      readonly device: TokenDevice;
      readonly organisationId: string;
      readonly actor: string;
      readonly actorId: string;
    };

export function isManager(caller: Caller): boolean {
  return caller.kind === 'manager' || caller.device.role === 'manager';
}

export interface Context {
  readonly store: Store;
  readonly limits: Limits;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly authFailures: RateLimiter;
  readonly tokenUse: RateLimiter;
  readonly trustProxy: boolean;
  readonly bodyTimeoutMs: number;
}

export const NOT_SIGNED_IN = 'U bent niet (meer) aangemeld. Meld u opnieuw aan.';
export const MANAGERS_ONLY =
  'Alleen een beheerder mag dit doen. Dit apparaat is gekoppeld als balie-apparaat, niet als beheerder.';
export const UNKNOWN_TOKEN =
  'Dit apparaat is niet (meer) gekoppeld. Koppel het opnieuw met een nieuwe code.';
export const REVOKED_TOKEN =
  'Dit apparaat is ontkoppeld door de beheerder. Koppel het opnieuw met een nieuwe koppelcode.';
export const EXPIRED_TOKEN =
  'Dit apparaat is 180 dagen niet gebruikt en daarom ontkoppeld. Koppel het opnieuw met een nieuwe koppelcode.';
export const TOO_MANY_FAILURES =
  'Te veel pogingen met een onbekende koppelcode vanaf dit adres. Wacht even en probeer het opnieuw.';
const TOO_MANY_REQUESTS =
  'Dit apparaat stuurt te veel verzoeken. Het probeert het zo vanzelf opnieuw.';
const TOO_SLOW =
  'De gegevens kwamen te langzaam binnen. Controleer de verbinding en probeer het opnieuw.';
const NOT_JSON_TYPE = 'Stuur de gegevens als JSON (Content-Type: application/json).';
const FOREIGN_PAGE =
  'Dit verzoek komt niet van de Balie-pagina van deze server en is daarom geweigerd.';

export function tooMany(req: IncomingMessage, res: ServerResponse, seconds: number, error: string) {
  refuse(req, res, 429, { error }, { 'retry-after': String(seconds) });
}

/** Who sent a request, for the limits: the socket's address, or the proxy's word for it. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const socket = req.socket.remoteAddress ?? '';
  if (!trustProxy || !LOOPBACK.has(socket)) return socket;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  // The last entry is the one the proxy added; earlier ones are whatever the client claimed.
  return forwarded.at(-1) ?? socket;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** Whether the request came over https (itself, or through a trusted local proxy). */
export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  return (
    trustProxy &&
    LOOPBACK.has(req.socket.remoteAddress ?? '') &&
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      ?.trim() === 'https'
  );
}

/** This server's own origin as the browser sees it (for links and the Origin check). */
export function ownOrigin(req: IncomingMessage, trustProxy: boolean): string {
  const forwardedHost = trustProxy ? req.headers['x-forwarded-host'] : undefined;
  const host = String(forwardedHost ?? req.headers.host ?? 'localhost')
    .split(',')[0]
    ?.trim();
  return `${isHttps(req, trustProxy) ? 'https' : 'http'}://${host}`;
}

export function sessionCookieValue(req: IncomingMessage): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

export function sessionCookie(req: IncomingMessage, trustProxy: boolean, value: string | null) {
  const secure = isHttps(req, trustProxy) ? '; Secure' : '';
  const age = value === null ? 0 : SESSION_MAX_AGE_S;
  return `${SESSION_COOKIE}=${value ?? ''}; HttpOnly; SameSite=Strict; Path=/api; Max-Age=${age}${secure}`;
}

/**
 * Cookie requests that change something: SameSite=Strict keeps the cookie off cross-site
 * requests; on top, a body must be JSON (a plain HTML form cannot send that without a CORS
 * preflight, which this server never allows), and Sec-Fetch-Site / Origin, when the browser
 * sends them, must say this very site. Answers 415 or 403 and returns false otherwise.
 */
export function sameSiteWrite(req: IncomingMessage, res: ServerResponse, trustProxy: boolean) {
  const hasBody = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH';
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (hasBody && !/^application\/json\s*(;|$)/.test(type)) {
    refuse(req, res, 415, { error: NOT_JSON_TYPE });
    return false;
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    refuse(req, res, 403, { error: FOREIGN_PAGE });
    return false;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== ownOrigin(req, trustProxy)) {
    refuse(req, res, 403, { error: FOREIGN_PAGE });
    return false;
  }
  return true;
}

/**
 * The device a request's token belongs to; otherwise answers (401, or 429 while this address
 * has failed too often or the token is used too fast) and reads nothing more. While an
 * address is blocked even a right token gets 429, so a guess cannot be told from a hit.
 */
export async function authorisedDevice(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  unknown = UNKNOWN_TOKEN,
): Promise<TokenDevice | undefined> {
  const address = clientAddress(req, ctx.trustProxy);
  const blocked = ctx.authFailures.check(address);
  if (!blocked.ok) {
    tooMany(req, res, blocked.retryAfter, TOO_MANY_FAILURES);
    return undefined;
  }
  const checked = await ctx.store.checkToken(bearerToken(req) ?? '');
  if (!checked.ok) {
    ctx.authFailures.take(address);
    const body =
      checked.why === 'revoked'
        ? { error: REVOKED_TOKEN, code: 'revoked' }
        : checked.why === 'expired'
          ? { error: EXPIRED_TOKEN, code: 'expired' }
          : { error: unknown, code: 'unknown' };
    refuse(req, res, 401, body, { 'www-authenticate': 'Bearer' });
    return undefined;
  }
  const use = ctx.tokenUse.take(checked.device.id);
  if (!use.ok) {
    tooMany(req, res, use.retryAfter, TOO_MANY_REQUESTS);
    return undefined;
  }
  return checked.device;
}

export interface CallerNeeds {
  /** Only a manager (session, or a manager-role token); a desk token gets 403. */
  readonly manager?: boolean;
  /** The request changes something: a cookie request must pass the CSRF checks. */
  readonly changes?: boolean;
  /** The 403 reason for a desk token. */
  readonly forbidden?: string;
}

/**
 * The caller: a bearer token when the request has one, else the session cookie. Answers 401,
 * 403, 415 or 429 and returns undefined when the caller may not go on.
 */
export async function caller(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  needs: CallerNeeds = {},
): Promise<Caller | undefined> {
  if (req.headers.authorization !== undefined) {
    const device = await authorisedDevice(ctx, req, res);
    if (!device) return undefined;
    if (needs.manager && device.role !== 'manager') {
      refuse(req, res, 403, { error: needs.forbidden ?? MANAGERS_ONLY });
      return undefined;
    }
    return {
      kind: 'device',
      device,
      organisationId: device.organisation_id,
      actor: device.label,
      actorId: device.id,
    };
  }
  const session = sessionCookieValue(req);
  const manager = session === undefined ? undefined : await ctx.store.managers.session(session);
  if (!manager || session === undefined) {
    refuse(req, res, 401, { error: NOT_SIGNED_IN });
    return undefined;
  }
  if (needs.changes && !sameSiteWrite(req, res, ctx.trustProxy)) return undefined;
  return {
    kind: 'manager',
    manager,
    organisationId: manager.organisation_id,
    actor: manager.name,
    actorId: manager.id,
    session,
  };
}

/**
 * The request body; or undefined after answering 413 when it is over `limit` bytes, or 408
 * when it did not arrive in time. Either way the rest of the body is not read.
 */
export async function limitedBody(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
  tooLarge: string,
): Promise<string | undefined> {
  try {
    return await readBody(req, limit, ctx.bodyTimeoutMs);
  } catch (error) {
    if (error instanceof TooLarge) refuse(req, res, 413, { error: tooLarge });
    else if (error instanceof TooSlow) refuse(req, res, 408, { error: TOO_SLOW });
    else throw error;
    return undefined;
  }
}

/** A small JSON body checked against `schema`; answers 400/408/413 and returns undefined. */
export async function jsonBody<T>(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  schema: z.ZodMiniType<T>,
): Promise<T | undefined> {
  const text = await limitedBody(ctx, req, res, MAX_JSON_BYTES, 'Dit verzoek is te groot.');
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    sendJson(res, 400, { error: 'De inhoud is geen geldige JSON.' });
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    sendJson(res, 400, { error: describeIssues(parsed.error.issues) });
    return undefined;
  }
  return parsed.data;
}
