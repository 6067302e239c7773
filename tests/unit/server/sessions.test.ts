// Managers sign in with a name and password: the cookie's attributes, sign-out, password
// change, slowing and locking wrong sign-ins (with a fake clock), the CSRF checks on cookie
// requests, and no token, password or code in any log line.

import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { LOCKED, WRONG_SIGN_IN } from '../../../server/routes/session';
import { call, type OrgServer, signedInManager, startOrgServer } from './org-helpers';

let org: OrgServer;

beforeAll(async () => {
  org = await startOrgServer();
});

afterAll(async () => {
  await org?.server.close();
});

describe('signing in', () => {
  test('the session cookie is HttpOnly, SameSite=Strict, for /api, 12 hours; GET tells who', async () => {
    await signedInManager(org, 'bert', 'bert-heeft-een-wachtwoord');
    const reply = await call(org.url, 'POST', '/api/session', {
      body: { user: 'bert', password: 'bert-heeft-een-wachtwoord' },
    });
    expect(reply.status).toBe(200);
    const organisation = await org.server.store.org.organisation();
    expect(reply.json).toEqual({
      user: 'bert',
      organisation: { id: organisation.id, name: organisation.name },
    });
    const [cookie] = reply.headers.getSetCookie();
    expect(cookie).toMatch(/^balie_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api');
    expect(cookie).toContain('Max-Age=43200');
    // Plain http here; over https (or a trusted proxy saying so) it is Secure.
    expect(cookie).not.toContain('Secure');
    const value = cookie?.split(';')[0] ?? '';
    // Stored only as a hash.
    expect(JSON.stringify(await org.server.store.managers.list(organisation.id))).not.toContain(
      value.split('=')[1],
    );
    const me = await call(org.url, 'GET', '/api/session', { cookie: value });
    expect(me.status).toBe(200);
    expect(me.json.user).toBe('bert');
  });

  test('behind a trusted proxy that says https, the cookie is Secure', async () => {
    const proxied = await startOrgServer({ trustProxy: true });
    try {
      await signedInManager(proxied, 'cor', 'cor-heeft-een-wachtwoord');
      const reply = await call(proxied.url, 'POST', '/api/session', {
        body: { user: 'cor', password: 'cor-heeft-een-wachtwoord' },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(reply.headers.getSetCookie()[0]).toContain('; Secure');
    } finally {
      await proxied.server.close();
    }
  });

  test('sign-out deletes the session on the server and clears the cookie', async () => {
    const cookie = await signedInManager(org);
    const out = await call(org.url, 'DELETE', '/api/session', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^balie_session=; .*Max-Age=0/);
    expect((await call(org.url, 'GET', '/api/session', { cookie })).status).toBe(204);
    expect((await call(org.url, 'GET', '/api/devices', { cookie })).status).toBe(401);
  });

  test('a session ends after 12 hours without use', async () => {
    const cookie = await signedInManager(org);
    org.clock.now += 11 * 3600_000;
    expect((await call(org.url, 'GET', '/api/session', { cookie })).status).toBe(200);
    org.clock.now += 11 * 3600_000;
    expect((await call(org.url, 'GET', '/api/session', { cookie })).status).toBe(200);
    org.clock.now += 12 * 3600_000 + 1000;
    expect((await call(org.url, 'GET', '/api/session', { cookie })).status).toBe(204);
    const gone = await call(org.url, 'GET', '/api/devices', { cookie });
    expect(gone.status).toBe(401);
    expect(gone.json.error).toMatch(/aangemeld/);
  });

  test('a password change needs the current one, at least 12 characters, and ends other sessions', async () => {
    const first = await signedInManager(org, 'dirk', 'dirk-zijn-wachtwoord');
    const second = await signedInManager(org, 'dirk', 'dirk-zijn-wachtwoord');
    const short = await call(org.url, 'POST', '/api/session/password', {
      cookie: first,
      body: { current: 'dirk-zijn-wachtwoord', next: 'kort' },
    });
    expect(short.status).toBe(400);
    expect(short.json.error).toMatch(/12 tekens/);
    const wrong = await call(org.url, 'POST', '/api/session/password', {
      cookie: first,
      body: { current: 'niet-het-goede', next: 'een-nieuw-lang-wachtwoord' },
    });
    expect(wrong.status).toBe(403);
    const ok = await call(org.url, 'POST', '/api/session/password', {
      cookie: first,
      body: { current: 'dirk-zijn-wachtwoord', next: 'een-nieuw-lang-wachtwoord' },
    });
    expect(ok.status).toBe(204);
    expect((await call(org.url, 'GET', '/api/session', { cookie: first })).status).toBe(200);
    expect((await call(org.url, 'GET', '/api/session', { cookie: second })).status).toBe(204);
    const again = await call(org.url, 'POST', '/api/session', {
      body: { user: 'dirk', password: 'een-nieuw-lang-wachtwoord' },
    });
    expect(again.status).toBe(200);
  });
});

describe('wrong passwords', () => {
  test('a wrong name and a wrong password get the same answer', async () => {
    await signedInManager(org, 'els', 'els-haar-wachtwoord');
    const wrongPassword = await call(org.url, 'POST', '/api/session', {
      body: { user: 'els', password: 'fout' },
    });
    const wrongName = await call(org.url, 'POST', '/api/session', {
      body: { user: 'niemand', password: 'fout' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(wrongName.status).toBe(401);
    expect(wrongPassword.json).toEqual({ error: WRONG_SIGN_IN });
    expect(wrongName.json).toEqual(wrongPassword.json);
  });

  test('are slowed more each time, then locked for 15 minutes even for the right password', async () => {
    const own = await startOrgServer();
    try {
      await signedInManager(own, 'fien', 'fien-haar-wachtwoord');
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const reply = await call(own.url, 'POST', '/api/session', {
          body: { user: 'fien', password: `gok-${i}` },
        });
        statuses.push(reply.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 429, 429]);
      // 0.5 s per failure in the window, at most 5 s.
      expect(own.waits).toEqual([500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000]);
      const right = await call(own.url, 'POST', '/api/session', {
        body: { user: 'fien', password: 'fien-haar-wachtwoord' },
      });
      expect(right.status).toBe(429);
      expect(right.json.error).toBe(LOCKED);
      expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
      expect(Number(right.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
      own.clock.now += 15 * 60_000 + 1000;
      const later = await call(own.url, 'POST', '/api/session', {
        body: { user: 'fien', password: 'fien-haar-wachtwoord' },
      });
      expect(later.status).toBe(200);
      const audit = await own.server.store.org.auditEntries(
        (await own.server.store.org.organisation()).id,
        50,
      );
      expect(audit.filter((entry) => entry.action === 'session.failed')).toHaveLength(10);
    } finally {
      await own.server.close();
    }
  });

  test('one address trying many names is locked too', async () => {
    const own = await startOrgServer();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const reply = await call(own.url, 'POST', '/api/session', {
          body: { user: `naam-${i}`, password: 'gok' },
        });
        statuses.push(reply.status);
      }
      expect(statuses.slice(-2)).toEqual([401, 429]);
    } finally {
      await own.server.close();
    }
  });
});

describe('CSRF: cookie requests that change something', () => {
  test('must be JSON, and not come from another site', async () => {
    const cookie = await signedInManager(org);
    const id = (await org.server.store.createDevice('tablet-csrf')).device.id;
    const form = await call(org.url, 'POST', `/api/devices/${id}/revoke`, {
      cookie,
      headers: { 'content-type': 'text/plain' },
    });
    expect(form.status).toBe(415);
    const crossSite = await call(org.url, 'POST', `/api/devices/${id}/revoke`, {
      cookie,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const foreignOrigin = await call(org.url, 'POST', `/api/devices/${id}/revoke`, {
      cookie,
      headers: { origin: 'https://aanvaller.example' },
    });
    expect(foreignOrigin.status).toBe(403);
    expect(foreignOrigin.json.error).toMatch(/Balie-pagina/);
    expect(
      (await org.server.store.org.device((await org.server.store.org.organisation()).id, id))
        ?.revokedAt,
    ).toBe(null);
    const sameSite = await call(org.url, 'POST', `/api/devices/${id}/revoke`, {
      cookie,
      headers: { origin: org.url, 'sec-fetch-site': 'same-origin' },
    });
    expect(sameSite.status).toBe(204);
    // Sign-in from another site is refused too (login CSRF).
    const login = await call(org.url, 'POST', '/api/session', {
      body: { user: 'anna', password: 'een-lang-wachtwoord' },
      headers: { origin: 'https://aanvaller.example' },
    });
    expect(login.status).toBe(403);
  });
});

test('tokens, passwords, session cookies and koppelcodes appear in no log line', async () => {
  const logged = await startOrgServer({ log: true });
  const lines: string[] = [];
  const keep = (...parts: unknown[]) => {
    lines.push(parts.map(String).join(' '));
  };
  const spies = [
    vi.spyOn(console, 'log').mockImplementation(keep),
    vi.spyOn(console, 'error').mockImplementation(keep),
    vi.spyOn(console, 'warn').mockImplementation(keep),
  ];
  try {
    const password = 'geheim-wachtwoord-123';
    const cookie = await signedInManager(logged, 'gijs', password);
    await call(logged.url, 'POST', '/api/session', {
      body: { user: 'gijs', password: 'fout-wachtwoord' },
    });
    const store = logged.server.store;
    const locationId = await store.org.addLocation((await store.org.organisation()).id, {
      name: 'Log',
      gemeente: 'Utrecht',
      kind: 'vaste-balie',
      hours: '',
      staffing: '',
    });
    if (locationId === 'taken') throw new Error('taken');
    const code = await call(logged.url, 'POST', '/api/koppelcodes?x=1', {
      cookie,
      body: { locationId: locationId.id },
    });
    const linked = await call(logged.url, 'POST', '/api/koppel', {
      body: { code: code.json.code },
    });
    const token = linked.json.token as string;
    await call(logged.url, 'GET', '/api/device', { token });
    await call(logged.url, 'GET', `/api/device?token=${token}`);
    expect(lines.length).toBeGreaterThan(4);
    const all = lines.join('\n');
    for (const secret of [
      password,
      'fout-wachtwoord',
      cookie.split('=')[1] ?? '',
      code.json.code,
      String(code.json.code).replace('-', ''),
      token,
    ]) {
      expect(secret.length).toBeGreaterThan(5);
      expect(all).not.toContain(secret);
    }
    const audit = JSON.stringify(
      await store.org.auditEntries((await store.org.organisation()).id, 100),
    );
    for (const secret of [password, 'fout-wachtwoord', token, code.json.code]) {
      expect(audit).not.toContain(secret);
    }
  } finally {
    for (const spy of spies) spy.mockRestore();
    await logged.server.close();
  }
});
