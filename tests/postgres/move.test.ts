// Moving an installation: `npm run admin -- migrate-to-postgres` copies a SQLite file with
// history into an empty PostgreSQL database, verifies every table, and refuses a second run;
// the moved endpoint answers as the old one (report, device tokens, managers, locations) and
// numbers on (audit entries, visits); records not yet folded into the report tables count too.

import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, inject, test } from 'vitest';
import { copySqliteToPg } from '../../server/pg-copy';
import { openPgSql } from '../../server/pg-sql';
import { openPgStore } from '../../server/pg-store';
import { openSqliteStore } from '../../server/store';
import { createDatabase } from '../support/postgres';
import { visitContent } from '../support/visits';
import { runCli } from '../unit/server/process';
import { DAYS } from '../unit/server/reports-data';
import { seedStore, snapshot } from '../unit/server/seed';

const dir = mkdtempSync(join(tmpdir(), 'balie-move-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const admin = (args: string[], env: Record<string, string>) =>
  runCli('server/admin-cli.ts', args, env);

test('a SQLite installation moves into PostgreSQL whole, verified; a second run changes nothing', async () => {
  const file = join(dir, 'balie.sqlite');
  const sqlite = await openSqliteStore(file);
  const seeded = await seedStore(sqlite);
  const before = await snapshot(sqlite, seeded);
  await sqlite.close();
  const sqliteBytes = statSync(file).size;

  const url = await createDatabase(inject('postgresUrl'), 'moved');
  const env = { BALIE_DATA_DIR: dir, DATABASE_URL: url };
  const moved = admin(['migrate-to-postgres'], env);
  expect(moved.output).toContain('Klaar');
  expect(moved.output).toMatch(/records\s+\d+ rijen/);
  expect(moved.status).toBe(0);

  const pg = await openPgStore(url);
  try {
    expect(await snapshot(pg, seeded)).toEqual(before);
    // The audit log numbers on after the copied entries (a reused number would be refused).
    const copied = await pg.org.auditEntries(seeded.organisation, 1000);
    await pg.org.audit(seeded.organisation, 'na de overstap', 'location.changed', {});
    const entries = await pg.org.auditEntries(seeded.organisation, 1000);
    expect(entries).toHaveLength(copied.length + 1);
    expect(entries[0]?.actor).toBe('na de overstap');
    // Visits number on too: a new visit after the move is stored and counted.
    const checked = await pg.checkToken(seeded.token);
    if (!checked.ok) throw new Error('token refused');
    const [location] = await pg.org.locations(seeded.organisation);
    const day = [...DAYS].sort()[0] as string;
    const stored = await pg.ingest(randomUUID(), checked.device, randomUUID(), [
      { ...visitContent({ day, location: location?.id ?? '' }), id: randomUUID(), rev: 1 },
    ]);
    expect(stored.kind === 'stored' && stored.results[0]?.status).toBe('accepted');
    expect((await snapshot(pg, seeded)).report.visits).toBe(before.report.visits + 1);
  } finally {
    await pg.close();
  }

  const again = admin(['migrate-to-postgres'], env);
  expect(again.status).toBe(1);
  expect(again.output).toContain('niet leeg');
  expect(statSync(file).size).toBe(sqliteBytes);

  const withoutUrl = admin(['migrate-to-postgres'], { BALIE_DATA_DIR: dir });
  expect(withoutUrl.status).toBe(1);
  expect(withoutUrl.output).toContain('DATABASE_URL');
});

test('records the SQLite file has not folded into its report tables yet are in the moved reports', async () => {
  const file = join(dir, 'unfolded.sqlite');
  const sqlite = await openSqliteStore(file);
  const seeded = await seedStore(sqlite);
  // Closed without a report read or a pause: the uploads are stored, not yet folded.
  await sqlite.close();
  const copy = join(dir, 'unfolded-copy.sqlite');
  copyFileSync(file, copy);
  const reference = await openSqliteStore(copy);
  const expected = await snapshot(reference, seeded);
  await reference.close();

  const url = await createDatabase(inject('postgresUrl'), 'moved_unfolded');
  const sql = openPgSql(url);
  try {
    await copySqliteToPg(file, sql);
  } finally {
    await sql.close();
  }
  const pg = await openPgStore(url);
  try {
    expect((await snapshot(pg, seeded)).report).toEqual(expected.report);
    expect(expected.report.visits).toBeGreaterThan(0);
  } finally {
    await pg.close();
  }
});
