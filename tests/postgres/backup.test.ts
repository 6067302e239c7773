// The PostgreSQL backup of docs/deploy.md: `pg_dump --format=custom` while the endpoint has
// the database open, `pg_restore --no-owner` into a new empty database: the same report.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, inject, test } from 'vitest';
import { openPgStore } from '../../server/pg-store';
import { createDatabase, postgresProgram } from '../support/postgres';
import { seedStore, snapshot } from '../unit/server/seed';

const dir = mkdtempSync(join(tmpdir(), 'balie-pgdump-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('pg_dump while open, pg_restore into a new database: the same report, tokens, managers', async () => {
  const url = await createDatabase(inject('postgresUrl'), 'live');
  const store = await openPgStore(url);
  const seeded = await seedStore(store);
  const before = await snapshot(store, seeded);
  expect(before.report.visits).toBeGreaterThan(100);

  const dump = join(dir, 'balie.dump');
  execFileSync(postgresProgram('pg_dump'), ['--format=custom', `--file=${dump}`, url]);
  await store.close();

  const restoredUrl = await createDatabase(inject('postgresUrl'), 'restored');
  execFileSync(postgresProgram('pg_restore'), ['--no-owner', `--dbname=${restoredUrl}`, dump]);
  const restored = await openPgStore(restoredUrl);
  try {
    expect(await snapshot(restored, seeded)).toEqual(before);
  } finally {
    await restored.close();
  }
});
