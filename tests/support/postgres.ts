// A throwaway PostgreSQL server for the tests and the bench: Debian's `postgresql` package
// (installed with apt when missing and running as root), a new cluster in a temporary folder,
// on a spare port of 127.0.0.1, stopped by its own PID. Without it the tests fail, never skip.

import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** A superuser URL of the server's `postgres` database. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const isRoot = process.getuid?.() === 0;

/** The newest installed server's bin folder, installing the package first when it may. */
function serverBin(): string {
  const find = () => {
    const base = '/usr/lib/postgresql';
    if (!existsSync(base)) return undefined;
    const versions = readdirSync(base)
      .filter((name) => existsSync(join(base, name, 'bin', 'postgres')))
      .sort((a, b) => Number(b) - Number(a));
    return versions[0] === undefined ? undefined : join(base, versions[0], 'bin');
  };
  const found = find();
  if (found) return found;
  if (!isRoot) {
    throw new Error(
      'PostgreSQL is not installed and these tests are not running as root to install it: run `sudo apt-get install -y postgresql` first.',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], {
    env,
    stdio: 'inherit',
  });
  if (install.status !== 0) {
    spawnSync('apt-get', ['update'], { env, stdio: 'inherit' });
    install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], {
      env,
      stdio: 'inherit',
    });
  }
  const installed = find();
  if (install.status !== 0 || !installed) {
    throw new Error("Installing Debian's postgresql package with apt-get failed (see above).");
  }
  return installed;
}

/** A program of the installed server's version (pg_dump, pg_restore). */
export function postgresProgram(name: string): string {
  return join(serverBin(), name);
}

function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port')),
      );
    });
  });
}

/** Runs a server program as the `postgres` user when root (initdb refuses root). */
function asServerUser(program: string, args: string[]): void {
  const [command, commandArgs] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', program, ...args]]
    : [program, args];
  execFileSync(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = serverBin();
  const dir = mkdtempSync(join(tmpdir(), 'balie-pg-'));
  if (isRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  const port = await sparePort();
  try {
    asServerUser(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'balie',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-instructions',
    ]);
    asServerUser(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
      'start',
    ]);
  } catch (error) {
    const log = existsSync(join(dir, 'server.log'))
      ? readFileSync(join(dir, 'server.log'), 'utf8')
      : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `Could not start a test PostgreSQL server: ${(error as Error).message}\n${log}`,
    );
  }
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url: `postgres://balie@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      // SIGINT is PostgreSQL's "fast" shutdown: sessions end, the server stops cleanly.
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // Already gone.
      }
      for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      if (alive(pid)) process.kill(pid, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A new empty database on the server; returns its URL. */
export async function createDatabase(serverUrl: string, prefix = 'balie'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
