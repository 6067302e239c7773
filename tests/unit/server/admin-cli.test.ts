// npm run admin and npm run token, as scripts use them: the last line printed is the
// password, the id or the token; `location list` prints `id<TAB>name` lines.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { verifyPassword } from '../../../server/secrets';
import { openTestStore } from './helpers';
import { runCli } from './process';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'balie-cli-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const run = (script: string, args: string[]) => runCli(script, args, { BALIE_DATA_DIR: dir });

test('manager add prints a generated password last; location add its id; list; token create', async () => {
  const manager = run('server/admin-cli.ts', ['manager', 'add', 'Anna']);
  expect(manager.status).toBe(0);
  const password = manager.lines.at(-1) ?? '';
  expect(password.length).toBeGreaterThanOrEqual(16);

  const added = run('server/admin-cli.ts', [
    'location',
    'add',
    'Bibliotheek Centrum',
    '--gemeente',
    'Utrecht',
  ]);
  expect(added.status).toBe(0);
  const id = added.lines.at(-1) ?? '';
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  run('server/admin-cli.ts', [
    'location',
    'add',
    'Lopend IDO',
    '--gemeente',
    'Utrecht',
    '--kind',
    'lopend-ido',
  ]);
  const listed = run('server/admin-cli.ts', ['location', 'list']);
  expect(listed.lines[0]).toBe(`${id}\tBibliotheek Centrum`);
  expect(listed.lines).toHaveLength(2);

  const twice = run('server/admin-cli.ts', ['manager', 'add', 'anna']);
  expect(twice.status).toBe(1);
  const badKind = run('server/admin-cli.ts', [
    'location',
    'add',
    'X',
    '--gemeente',
    'Y',
    '--kind',
    'kantoor',
  ]);
  expect(badKind.status).toBe(1);

  const noLocation = run('server/token-cli.ts', ['create', '--label', 'Tablet']);
  expect(noLocation.status).toBe(1);
  const created = run('server/token-cli.ts', ['create', '--label', 'Tablet', '--location', id]);
  expect(created.status).toBe(0);
  const token = created.lines.at(-1) ?? '';

  const store = await openTestStore({ file: join(dir, 'balie.sqlite') });
  try {
    expect(
      await verifyPassword(password, (await store.managers.withHash('anna'))?.password_hash),
    ).toBe(true);
    const device = await store.deviceForToken(token);
    expect(device?.location_id).toBe(id);
    expect(device?.role).toBe('desk');
    const actions = (await store.org.auditEntries((await store.org.organisation()).id, 10)).map(
      (e) => e.action,
    );
    expect(actions).toContain('location.created');
    expect(actions).toContain('device.linked');
  } finally {
    await store.close();
  }
}, 60_000);
