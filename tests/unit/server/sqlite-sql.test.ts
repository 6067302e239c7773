// The SQLite driver (server/sqlite-sql.ts): statements with `?` parameters, a transaction that
// commits or rolls back, and the handle held while an async transaction is open: a statement
// issued meanwhile waits for it and is not rolled back with it; transactions do not nest.

import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { SqliteSql } from '../../../server/sqlite-sql';

let sql: SqliteSql;

beforeEach(() => {
  sql = new SqliteSql(new Database(':memory:'));
  sql.handle.exec('CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER NOT NULL)');
});

afterEach(async () => {
  await sql.close();
});

const rows = () => sql.all<{ k: string; n: number }>('SELECT k, n FROM t ORDER BY k');

test('runs statements with positional parameters; run resolves to the rows changed', async () => {
  expect(await sql.run('INSERT INTO t (k, n) VALUES (?, ?), (?, ?)', ['a', 1, 'b', 2])).toBe(2);
  expect(await sql.get('SELECT n FROM t WHERE k = ?', ['b'])).toEqual({ n: 2 });
  expect(await sql.get('SELECT n FROM t WHERE k = ?', ['x'])).toBeUndefined();
  expect(await sql.run('UPDATE t SET n = n + 1')).toBe(2);
  expect(await rows()).toEqual([
    { k: 'a', n: 2 },
    { k: 'b', n: 3 },
  ]);
  expect(sql.dialect).toBe('sqlite');
});

test('a transaction commits when its work resolves and rolls back when it throws', async () => {
  const value = await sql.transaction(async (tx) => {
    await tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['a', 1]);
    return 'done';
  });
  expect(value).toBe('done');
  await expect(
    sql.transaction(async (tx) => {
      await tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['b', 2]);
      await tx.run('UPDATE t SET n = 9 WHERE k = ?', ['a']);
      throw new Error('stop');
    }),
  ).rejects.toThrow('stop');
  expect(await rows()).toEqual([{ k: 'a', n: 1 }]);
  expect(sql.handle.inTransaction).toBe(false);
  // A failing statement rolls back too.
  await expect(
    sql.transaction(async (tx) => {
      await tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['c', 3]);
      await tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['a', 4]);
    }),
  ).rejects.toThrow(/UNIQUE/);
  expect(await rows()).toEqual([{ k: 'a', n: 1 }]);
});

test('a write issued while a transaction awaits waits for it and is not rolled back with it', async () => {
  let resume = (): void => {};
  const paused = new Promise<void>((resolve) => {
    resume = resolve;
  });
  const order: string[] = [];
  const failing = sql.transaction(async (tx) => {
    await tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['in-tx', 1]);
    await paused;
    order.push('tx ends');
    throw new Error('rolled back');
  });
  const outside = sql.run('INSERT INTO t (k, n) VALUES (?, ?)', ['outside', 2]).then((n) => {
    order.push('outside written');
    return n;
  });
  const read = sql.all('SELECT k FROM t');
  const second = sql.transaction(async (tx) => {
    order.push('second tx');
    return tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM t');
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(order).toEqual([]);
  resume();
  await expect(failing).rejects.toThrow('rolled back');
  expect(await outside).toBe(1);
  expect(await read).toEqual([{ k: 'outside' }]);
  expect(await second).toEqual({ n: 1 });
  expect(order).toEqual(['tx ends', 'outside written', 'second tx']);
  expect(await rows()).toEqual([{ k: 'outside', n: 2 }]);
});

test('transactions do not nest, and a statement on the database inside one is refused', async () => {
  await expect(sql.transaction(async () => sql.transaction(async () => 'inner'))).rejects.toThrow(
    /nest/,
  );
  await expect(
    sql.transaction(async (tx) => {
      await tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['a', 1]);
      await sql.run('INSERT INTO t (k, n) VALUES (?, ?)', ['b', 2]);
    }),
  ).rejects.toThrow(/use tx/);
  expect(await rows()).toEqual([]);
  // The driver still works afterwards.
  await sql.transaction((tx) => tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['c', 3]));
  expect(await rows()).toEqual([{ k: 'c', n: 3 }]);
});

test('a transaction’s runner is dead once it has ended; lock() returns at once', async () => {
  let kept: Parameters<Parameters<SqliteSql['transaction']>[0]>[0] | undefined;
  await sql.transaction(async (tx) => {
    await sql.lock(tx, 'map');
    kept = tx;
  });
  await expect(kept?.run('DELETE FROM t')).rejects.toThrow(/ended/);
});

test('synchronous work on the raw handle waits for an open transaction', async () => {
  let resume = (): void => {};
  const paused = new Promise<void>((resolve) => {
    resume = resolve;
  });
  const open = sql.transaction(async (tx) => {
    await tx.run('INSERT INTO t (k, n) VALUES (?, ?)', ['a', 1]);
    await paused;
  });
  const raw = sql.serial((db) =>
    db.transaction(() => db.prepare('UPDATE t SET n = n + 10').run().changes)(),
  );
  resume();
  await open;
  expect(await raw).toBe(1);
  expect(await rows()).toEqual([{ k: 'a', n: 11 }]);
});
