// Many rows in one statement, the way each database reads them best, so a batch of 500
// records costs a handful of statements: PostgreSQL unnests one array per column; SQLite reads
// one JSON array of rows with json_each. The statement text is the same for any row count.

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
  // better-sqlite3 reads rows only from a statement that returns some.
  const send = async (text: string, params: SqlParam[]) => {
    if (/\bRETURNING\b/i.test(tail)) return tx.all<Row>(text, params);
    await tx.run(text, params);
    return [];
  };
  const names = columns.map((column) => column.name).join(', ');
  if (dialect === 'postgres') {
    const arrays = columns.map((column) => `?::${column.type}[]`).join(', ');
    const params = columns.map((_, index) => rows.map((row) => row[index] ?? null));
    return tx.all<Row>(
      `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays}) ${tail}`,
      params,
    );
  }
  // "WHERE true": SQLite's grammar needs it between INSERT … SELECT and ON CONFLICT.
  const values = columns.map((_, index) => `value ->> ${index}`).join(', ');
  return send(
    `INSERT INTO ${table} (${names}) SELECT ${values} FROM json_each(?) WHERE true ${tail}`,
    [JSON.stringify(rows)],
  );
}

/** `column IN (values)` as one parameter, for a list of any length. */
export function inList(
  dialect: Dialect,
  column: string,
  values: readonly string[],
): { readonly where: string; readonly param: SqlParam } {
  return dialect === 'postgres'
    ? { where: `${column} = ANY(?::text[])`, param: values }
    : { where: `${column} IN (SELECT value FROM json_each(?))`, param: JSON.stringify(values) };
}
