// Where the endpoint keeps its data and how it starts, from environment variables and the
// one command-line switch (--dev-device, which `npm start` passes).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BODY_TIMEOUT_MS } from './app';
import { DEFAULT_LIMITS, type Limits } from './limits';
import type { Store } from './store';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseFile: string;
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

/**
 * The development device's token: made once, kept in the data directory (mode 600). It has
 * the manager role, so the one-machine demo can publish the sociale kaart too.
 */
export function ensureDevDevice(store: Store, dataDir: string): string {
  const file = join(dataDir, 'dev-device-token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    const device = store.deviceForToken(token);
    if (device) {
      if (device.role !== 'manager') store.setRole(device.id, 'manager');
      return token;
    }
  }
  const { token } = store.createDevice('ontwikkeling (npm start)', 'manager');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
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
