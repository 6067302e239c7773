// Shared by the organisation tests: a server with a fake clock and recorded sign-in waits,
// JSON requests with a token or the session cookie, and a signed-in manager.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, type StartOptions, startServer } from '../../../server/app';
import { hashPassword } from '../../../server/secrets';
import { openTestStore } from './helpers';

export interface OrgServer {
  readonly server: RunningServer;
  readonly url: string;
  /** The fake clock, in ms; move it forward to pass 24 hours or 180 days. */
  clock: { now: number };
  /** Every wait a slowed sign-in asked for, in ms. */
  readonly waits: number[];
}

export async function startOrgServer(over: Partial<StartOptions> = {}): Promise<OrgServer> {
  const dir = mkdtempSync(join(tmpdir(), 'balie-org-'));
  const clock = { now: Date.parse('2026-11-23T09:00:00.000Z') };
  const waits: number[] = [];
  const now = () => clock.now;
  const server = await startServer({
    store: await openTestStore({ file: join(dir, 'balie.sqlite'), now }),
    now,
    sleep: async (ms) => {
      waits.push(ms);
    },
    limits: { authFailuresPerMinute: 100_000 },
    ...over,
  });
  return { server, url: server.url, clock, waits };
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: replies are read loosely in tests
  readonly json: any;
}

export interface CallOptions {
  readonly body?: unknown;
  readonly token?: string;
  readonly cookie?: string;
  readonly headers?: Record<string, string>;
}

/** A JSON request the way the app's pages make them (same origin). */
export async function call(
  url: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined || ['POST', 'PUT', 'PATCH'].includes(method)) {
    headers['content-type'] ??= 'application/json';
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json };
}

/** Makes a manager and signs in; returns the cookie to send (`balie_session=…`). */
export async function signedInManager(
  org: OrgServer,
  name = 'anna',
  password = 'een-lang-wachtwoord',
): Promise<string> {
  const store = org.server.store;
  if (!(await store.managers.withHash(name))) {
    const organisation = await store.org.organisation();
    await store.managers.add(organisation.id, name, await hashPassword(password));
  }
  const reply = await call(org.url, 'POST', '/api/session', { body: { user: name, password } });
  if (reply.status !== 200) throw new Error(`sign-in failed: ${reply.status}`);
  const cookie = reply.headers.getSetCookie()[0] ?? '';
  return cookie.split(';')[0] ?? '';
}

/** Adds a location through the store; returns its id. */
export async function location(
  org: OrgServer,
  name: string,
  organisationId?: string,
): Promise<string> {
  const store = org.server.store;
  const made = await store.org.addLocation(organisationId ?? (await store.org.organisation()).id, {
    name,
    gemeente: 'Utrecht',
    kind: 'vaste-balie',
    hours: '',
    staffing: '',
  });
  if (made === 'taken') throw new Error('taken');
  return made.id;
}
