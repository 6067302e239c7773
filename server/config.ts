// Where the endpoint keeps its data and how it starts, from environment variables.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Store } from './store';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly staticDir: string;
  /** A development device, enrolled at start and offered to pages on this machine. */
  readonly devDevice: boolean;
  readonly log: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.BALIE_DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseFile: join(dataDir, 'balie.sqlite'),
    staticDir: resolve(env.BALIE_STATIC_DIR ?? 'dist'),
    devDevice: (env.BALIE_DEV_DEVICE ?? (env.NODE_ENV === 'production' ? '0' : '1')) === '1',
    log: env.BALIE_LOG === '1',
  };
}

/** The development device's token: made once, kept in the data directory (mode 600). */
export function ensureDevDevice(store: Store, dataDir: string): string {
  const file = join(dataDir, 'dev-device-token');
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    if (store.deviceForToken(token)) return token;
  }
  const { token } = store.createDevice('ontwikkeling (npm start)');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}
