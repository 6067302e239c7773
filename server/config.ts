// Where the endpoint keeps its data (the SQLite file, or PostgreSQL with DATABASE_URL) and how
// it starts, from environment variables and the one command-line switch (--dev-device, which
// `npm start` passes).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BODY_TIMEOUT_MS } from './app';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { DEFAULT_ORGANISATION_NAME } from './migrations';
import { openPgStore } from './pg-store';
import { generatePassword, hashPassword } from './secrets';
import { openSqliteStore, type Store } from './store';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseFile: string;
  /** PostgreSQL instead of the SQLite file (DATABASE_URL=postgres://…). */
  readonly databaseUrl: string | undefined;
  readonly staticDir: string;
  /**
   * A development device (manager role), made at start; its koppellink is printed on the
   * console for the person at this machine. Only when asked for, never in production.
   */
  readonly devDevice: boolean;
  /** Asked for, but refused because NODE_ENV=production. */
  readonly devDeviceRefused: boolean;
  readonly log: boolean;
  readonly limits: Limits;
  readonly bodyTimeoutMs: number;
  /** A reverse proxy on this machine sets X-Forwarded-For; the limits count that address. */
  readonly trustProxy: boolean;
}

/** A whole number from the environment within bounds; a wrong value stops the start (exit 78). */
function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name}=${text} kan niet: geef een heel getal van ${min} tot ${max}.`);
  }
  return value;
}

/** DATABASE_URL, checked: only a postgres:// address (empty or unset: SQLite). */
function postgresUrl(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !['postgres:', 'postgresql:'].includes(url.protocol) || url.pathname.length < 2) {
    throw new Error(
      'DATABASE_URL kan niet: geef een PostgreSQL-adres met een database, zoals postgres://balie:wachtwoord@localhost:5432/balie.',
    );
  }
  return text;
}

/** Where the data is, for the console: never the password of a DATABASE_URL. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return config.databaseFile;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

/** Opens the database the settings name: PostgreSQL with DATABASE_URL, else the SQLite file. */
export function openConfiguredStore(config: Config): Promise<Store> {
  return config.databaseUrl
    ? openPgStore(config.databaseUrl)
    : openSqliteStore(config.databaseFile);
}

export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  args: readonly string[] = process.argv.slice(2),
): Config {
  const dataDir = resolve(env.BALIE_DATA_DIR ?? 'data');
  const devAsked = args.includes('--dev-device') || env.BALIE_DEV_DEVICE === '1';
  const production = env.NODE_ENV === 'production';
  return {
    port: whole(env, 'PORT', 8080, 0, 65_535),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseFile: join(dataDir, 'balie.sqlite'),
    databaseUrl: postgresUrl(env.DATABASE_URL),
    staticDir: resolve(env.BALIE_STATIC_DIR ?? 'dist'),
    devDevice: devAsked && !production,
    devDeviceRefused: devAsked && production,
    log: env.BALIE_LOG === '1',
    limits: {
      authFailuresPerMinute: whole(
        env,
        'BALIE_AUTH_FAILURES_PER_MINUTE',
        DEFAULT_LIMITS.authFailuresPerMinute,
        1,
        1_000_000,
      ),
      requestsPerMinute: whole(
        env,
        'BALIE_REQUESTS_PER_MINUTE',
        DEFAULT_LIMITS.requestsPerMinute,
        1,
        1_000_000,
      ),
      replyBytesPerDay:
        whole(env, 'BALIE_REPLY_QUOTA_MB', DEFAULT_LIMITS.replyBytesPerDay / 2 ** 20, 1, 100_000) *
        2 ** 20,
    },
    bodyTimeoutMs: whole(env, 'BALIE_BODY_TIMEOUT_MS', BODY_TIMEOUT_MS, 1000, 600_000),
    trustProxy: env.BALIE_TRUST_PROXY === '1',
  };
}

export const DEV_ORGANISATION = 'Bibliotheek (ontwikkeling)';
export const DEV_LOCATION = { name: 'Centrale balie', gemeente: 'Utrecht' } as const;
export const DEV_MANAGER = 'beheerder';

/**
 * The development organisation: a fresh database's organisation is named "Bibliotheek
 * (ontwikkeling)" and gets the location "Centrale balie" (Utrecht). Returns that location's id.
 */
async function ensureDevOrganisation(store: Store): Promise<string> {
  const organisation = await store.org.organisation();
  if (
    organisation.name === DEFAULT_ORGANISATION_NAME &&
    (await store.managers.list(organisation.id)).length === 0
  ) {
    await store.org.updateOrganisation(organisation.id, { name: DEV_ORGANISATION });
  }
  const existing = (await store.org.locations(organisation.id)).find(
    (location) => location.name === DEV_LOCATION.name,
  );
  if (existing) {
    if (!existing.active) {
      await store.org.updateLocation(organisation.id, existing.id, { active: true });
    }
    return existing.id;
  }
  const made = await store.org.addLocation(organisation.id, {
    ...DEV_LOCATION,
    kind: 'vaste-balie',
    hours: 'ma–vr 10:00–17:00',
    staffing: 'Twee vrijwilligers en een bibliotheekmedewerker',
  });
  if (made === 'taken') throw new Error('Centrale balie bestaat al');
  return made.id;
}

/**
 * The development device's token: made once, kept in the data directory (mode 600). It has
 * the manager role and sits at the development location, so the one-machine demo can
 * register and publish the sociale kaart at once.
 */
export async function ensureDevDevice(store: Store, dataDir: string): Promise<string> {
  const locationId = await ensureDevOrganisation(store);
  const file = join(dataDir, 'dev-device-token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    const device = await store.deviceForToken(token);
    if (device) {
      if (device.role !== 'manager') await store.setRole(device.id, 'manager');
      if (device.location_id === null) {
        await store.org.updateDevice(device.organisation_id, device.id, { locationId });
      }
      return token;
    }
  }
  const { token } = await store.createDevice('ontwikkeling (npm start)', 'manager', locationId);
  // With PostgreSQL nothing else made the data directory.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

/**
 * The development manager `beheerder`, with a new password at every start: only its hash is
 * kept, so the console is the one place it is shown.
 */
export async function ensureDevManager(store: Store): Promise<string> {
  const organisation = await store.org.organisation();
  const password = generatePassword();
  const hash = await hashPassword(password);
  const existing = await store.managers.withHash(DEV_MANAGER);
  if (existing) await store.managers.setPassword(existing.id, hash);
  else await store.managers.add(organisation.id, DEV_MANAGER, hash);
  return password;
}

/**
 * The link that links a browser on this machine to the development device. The token is in
 * the fragment, which a browser never sends to a server; the endpoint never hands it out.
 */
export function devKoppelLink(serverUrl: string, token: string): string {
  const local = serverUrl.replace('://0.0.0.0:', '://127.0.0.1:').replace('://[::]:', '://[::1]:');
  const fragment = new URLSearchParams({ koppel: token, endpoint: `${local}/api` });
  return `${local}/#${fragment.toString()}`;
}
