// Many rows at once, the way each database takes them best: PostgreSQL in one statement that
// unnests one array per column (one round trip, the same text for any row count); SQLite, which
// runs in this process, one prepared statement per row. `inList` is a list as one parameter.

import type { Dialect, SqlParam, SqlRunner, SqlValue } from './sql';

export interface BulkColumn {
  readonly name: string;
  readonly type: 'text' | 'integer' | 'bigint';
}

/**
 * INSERT of `rows` (values in the order of `columns`) into `table`; `tail` is what follows the
 * rows (`ON CONFLICT …`, `RETURNING …`). Resolves to the rows RETURNING gives, if any.
 */
export async function bulkInsert<Row = never>(
  tx: SqlRunner,
  dialect: Dialect,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly SqlValue[])[],
  tail = '',
): Promise<Row[]> {
  if (rows.length === 0) return [];
  const names = columns.map((column) => column.name).join(', ');
  if (dialect === 'postgres') {
    const arrays = columns.map((column) => `?::${column.type}[]`).join(', ');
    const params = columns.map((_, index) => rows.map((row) => row[index] ?? null));
    return tx.all<Row>(
      `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays}) ${tail}`,
      params,
    );
  }
  // SQLite runs in this process: one prepared single-row statement per row costs less than
  // parsing the rows out of one JSON text (measured: 7 ms vs 3 ms for 200 records).
  const text = `INSERT INTO ${table} (${names}) VALUES (${columns.map(() => '?').join(', ')}) ${tail}`;
  // better-sqlite3 reads rows only from a statement that returns some.
  if (!/\bRETURNING\b/i.test(tail)) {
    await tx.runEach(text, rows);
    return [];
  }
  const returned: Row[] = [];
  for (const row of rows) returned.push(...(await tx.all<Row>(text, row)));
  return returned;
}

/** `column IN (values)` as one parameter, for a list of any length (of text or of integers). */
export function inList(
  dialect: Dialect,
  column: string,
  values: readonly string[] | readonly number[],
  type: 'text' | 'bigint' = 'text',
): { readonly where: string; readonly param: SqlParam } {
  return dialect === 'postgres'
    ? { where: `${column} = ANY(?::${type}[])`, param: values }
    : { where: `${column} IN (SELECT value FROM json_each(?))`, param: JSON.stringify(values) };
}
