// Managers sign in and out: POST/GET/DELETE /api/session and POST /api/session/password.
// Wrong sign-ins are slowed (0.5 s per recent failure, at most 5 s) and, after 10 in 15
// minutes per name or per address, locked for 15 minutes (429), even for the right password.

import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import {
  type Context,
  caller,
  clientAddress,
  jsonBody,
  sameSiteWrite,
  sessionCookie,
  sessionCookieValue,
  tooMany,
} from '../context';
import { refuse, sendJson } from '../http';
import { LOCK_AFTER_FAILURES } from '../manager-store';
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from '../secrets';

const SignIn = z.object({
  user: z.string().check(z.minLength(1), z.maxLength(80)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
});
const PasswordChange = z.object({
  current: z.string().check(z.minLength(1), z.maxLength(200)),
  next: z.string().check(
    z.minLength(PASSWORD_MIN_LENGTH, {
      message: `Kies een wachtwoord van minstens ${PASSWORD_MIN_LENGTH} tekens.`,
    }),
    z.maxLength(200),
  ),
});

export const WRONG_SIGN_IN = 'De naam of het wachtwoord klopt niet.';
export const LOCKED =
  'Te veel mislukte pogingen om aan te melden. Wacht 15 minuten en probeer het dan opnieuw.';
const WRONG_CURRENT = 'Het huidige wachtwoord klopt niet.';
/** The wait before answering a wrong sign-in grows per recent failure, up to this. */
export const SLOWDOWN_STEP_MS = 500;
export const SLOWDOWN_MAX_MS = 5000;

export function sessionRoutes(ctx: Context) {
  const { store } = ctx;

  async function who(organisationId: string, name: string) {
    const organisation = await store.org.organisation(organisationId);
    return { user: name, organisation: { id: organisation.id, name: organisation.name } };
  }

  async function signIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!sameSiteWrite(req, res, ctx.trustProxy)) return;
    const body = await jsonBody(ctx, req, res, SignIn);
    if (!body) return;
    const keys = [
      `user:${body.user.trim().toLowerCase()}`,
      `address:${clientAddress(req, ctx.trustProxy)}`,
    ];
    const before = await store.managers.failures(keys);
    if (before.lockedFor > 0) return tooMany(req, res, before.lockedFor, LOCKED);
    const manager = await store.managers.withHash(body.user.trim());
    // An unknown name costs the same scrypt work as a wrong password.
    const right = await verifyPassword(body.password, manager?.password_hash);
    if (!right || !manager) {
      await store.managers.recordFailure(keys);
      const failures = before.count + 1;
      // Only a known name is written down: someone may type a password in the name field.
      await store.org.audit(
        manager?.organisation_id ?? (await store.org.organisation()).id,
        manager?.name ?? '(onbekende naam)',
        'session.failed',
        { failures, locked: failures >= LOCK_AFTER_FAILURES },
      );
      await ctx.sleep(Math.min(SLOWDOWN_MAX_MS, SLOWDOWN_STEP_MS * failures));
      return sendJson(res, 401, { error: WRONG_SIGN_IN });
    }
    await store.managers.clearFailures(keys[0] ?? '');
    const session = await store.managers.startSession(manager.id);
    await store.org.audit(manager.organisation_id, manager.name, 'session.login');
    sendJson(res, 200, await who(manager.organisation_id, manager.name), {
      'set-cookie': sessionCookie(req, ctx.trustProxy, session),
    });
  }

  async function current(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = sessionCookieValue(req);
    const manager = session === undefined ? undefined : await store.managers.session(session);
    if (!manager) {
      // Nobody signed in is an answer, not an error (a browser would log a 401 as one).
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
      return;
    }
    sendJson(res, 200, await who(manager.organisation_id, manager.name));
  }

  async function signOut(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!sameSiteWrite(req, res, ctx.trustProxy)) return;
    const session = sessionCookieValue(req);
    if (session !== undefined) await store.managers.endSession(session);
    res.writeHead(204, {
      'set-cookie': sessionCookie(req, ctx.trustProxy, null),
      'cache-control': 'no-store',
    });
    res.end();
  }

  async function changePassword(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.authorization !== undefined) {
      return refuse(req, res, 403, {
        error: 'Een wachtwoord verandert u als aangemelde beheerder, niet met een apparaattoken.',
      });
    }
    const who = await caller(ctx, req, res, { manager: true, changes: true });
    if (who?.kind !== 'manager') return;
    const body = await jsonBody(ctx, req, res, PasswordChange);
    if (!body) return;
    const keys = [`user:${who.manager.name.toLowerCase()}`];
    const before = await store.managers.failures(keys);
    if (before.lockedFor > 0) return tooMany(req, res, before.lockedFor, LOCKED);
    const stored = await store.managers.byId(who.manager.id);
    if (!(await verifyPassword(body.current, stored?.password_hash))) {
      await store.managers.recordFailure(keys);
      await ctx.sleep(Math.min(SLOWDOWN_MAX_MS, SLOWDOWN_STEP_MS * (before.count + 1)));
      return sendJson(res, 403, { error: WRONG_CURRENT });
    }
    await store.managers.setPassword(who.manager.id, await hashPassword(body.next));
    await store.managers.endOtherSessions(who.manager.id, who.session);
    await store.org.audit(who.organisationId, who.actor, 'password.changed');
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
  }

  return {
    'POST /api/session': signIn,
    'GET /api/session': current,
    'DELETE /api/session': signOut,
    'POST /api/session/password': changePassword,
  };
}
