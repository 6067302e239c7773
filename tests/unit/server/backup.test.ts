// `npm run admin -- backup FILE` on SQLite, as docs/deploy.md tells it: a consistent copy made
// while the endpoint has the file open, restored by copying it back, answers as the original.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openTestStore } from './helpers';
import { runCli } from './process';
import { seedStore, snapshot } from './seed';

const dir = mkdtempSync(join(tmpdir(), 'balie-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const admin = (args: string[], env: Record<string, string>) =>
  runCli('server/admin-cli.ts', args, env);

test('a backup made while the store is open restores to the same report, tokens and managers', async () => {
  const data = join(dir, 'data');
  const store = await openTestStore({ file: join(data, 'balie.sqlite') });
  const seeded = await seedStore(store);
  const before = await snapshot(store, seeded);
  expect(before.report.visits).toBeGreaterThan(100);

  const target = join(dir, 'balie-backup.sqlite');
  const made = admin(['backup', target], { BALIE_DATA_DIR: data });
  expect(made.output).toContain('Back-up gemaakt');
  expect(made.status).toBe(0);
  expect(statSync(target).mode & 0o077).toBe(0);
  await store.close();

  // Restore: the backup copied into a data directory as its balie.sqlite.
  const file = join(dir, 'restored', 'balie.sqlite');
  mkdirSync(join(dir, 'restored'), { mode: 0o700 });
  copyFileSync(target, file);
  const again = await openTestStore({ file });
  expect(await snapshot(again, seeded)).toEqual(before);
  await again.close();

  const twice = admin(['backup', target], { BALIE_DATA_DIR: data });
  expect(twice.status).toBe(1);
  expect(twice.output).toContain('bestaat al');
});
