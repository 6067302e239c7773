// Starting the endpoint on PostgreSQL as an operator does: DATABASE_URL with a password, a data
// directory that does not exist yet, the development device; the console names the database
// without its password; a wrong DATABASE_URL stops the start with exit 78 and a Dutch reason.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, expect, inject, test } from 'vitest';
import { createDatabase } from '../support/postgres';
import { runServerToExit, spawnServer } from '../unit/server/process';

const dir = mkdtempSync(join(tmpdir(), 'balie-pgstart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('npm start on PostgreSQL: the console names the database, never its password', async () => {
  const url = new URL(await createDatabase(inject('postgresUrl'), 'start'));
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  await admin.query("ALTER ROLE balie PASSWORD 'geheim-wachtwoord'");
  await admin.end();
  url.password = 'geheim-wachtwoord';
  const server = await spawnServer(
    { DATABASE_URL: url.toString(), BALIE_DATA_DIR: join(dir, 'nog-niet-gemaakt') },
    ['--dev-device'],
  );
  try {
    expect(server.output()).toContain(`Gegevens: PostgreSQL 127.0.0.1:${url.port}${url.pathname}`);
    expect(server.output()).toContain('#koppel=');
    expect(server.output()).not.toContain('geheim-wachtwoord');
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    await health.arrayBuffer();
  } finally {
    server.child.kill('SIGTERM');
  }
  expect(await server.exited).toEqual({ code: 0, signal: null });
});

test('a DATABASE_URL that is not PostgreSQL stops the start with 78 and a Dutch reason', async () => {
  const refused = await runServerToExit({
    DATABASE_URL: 'mysql://localhost/balie',
    BALIE_DATA_DIR: dir,
  });
  expect(refused.code).toBe(78);
  expect(refused.output).toContain('DATABASE_URL kan niet');
});
