// The PostgreSQL driver for server/sql.ts, over a node-postgres pool: `?` placeholders become
// `$1…`, each statement is prepared once per connection, integers come back as numbers, and a
// transaction that lost a deadlock or serialisation race is run again from the start.

import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Sql, SqlParam, SqlRunner } from './sql';

/** Waits for the transaction-scoped advisory lock of a text key (the one parameter). */
export const ADVISORY_LOCK = 'pg_advisory_xact_lock(hashtextextended(?, 0))';

/** How often a transaction is tried when PostgreSQL chose it as a deadlock's or race's loser. */
const ATTEMPTS = 5;
/** deadlock_detected, serialization_failure: the transaction may simply be run again. */
const RETRYABLE = new Set(['40P01', '40001']);

// COUNT and SUM answer int8 / numeric, which node-postgres gives as strings by default. The
// endpoint's counts stay far below 2^53, so they are read as numbers, like SQLite gives them.
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return Number;
    // biome-ignore lint/suspicious/noExplicitAny: node-postgres' overloads take the format as given
    return pg.types.getTypeParser(oid, format as any);
  },
};

export interface PgOptions {
  /** Connections per process; several processes share one server's max_connections. */
  readonly poolSize?: number;
}

export function openPgSql(url: string, options: PgOptions = {}): Sql {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    // Which process holds a connection, in pg_stat_activity (for operators, and the tests).
    application_name: `balie ${process.pid}`,
  });
  // An idle connection the server closed (restart, failover) is dropped, not a crash: the
  // next statement takes a new one.
  pool.on('error', () => {});

  const runner = (client: pg.Pool | pg.PoolClient): SqlRunner => ({
    async all<Row>(text: string, params: readonly SqlParam[] = []) {
      const result = await client.query(statement(text, params));
      return result.rows as Row[];
    },
    async get<Row>(text: string, params: readonly SqlParam[] = []) {
      const result = await client.query(statement(text, params));
      return result.rows[0] as Row | undefined;
    },
    async run(text: string, params: readonly SqlParam[] = []) {
      const result = await client.query(statement(text, params));
      return result.rowCount ?? 0;
    },
    async runEach(text: string, rows: readonly (readonly SqlParam[])[]) {
      let changed = 0;
      for (const params of rows)
        changed += (await client.query(statement(text, params))).rowCount ?? 0;
      return changed;
    },
  });

  return {
    dialect: 'postgres',
    ...runner(pool),
    async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        let broken: Error | undefined;
        try {
          await client.query('BEGIN');
          const result = await work(runner(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          try {
            await client.query('ROLLBACK');
          } catch (rollbackError) {
            // The connection itself failed: do not give it back to the pool.
            broken = rollbackError as Error;
          }
          const code = (error as { code?: string }).code;
          if (attempt >= ATTEMPTS || code === undefined || !RETRYABLE.has(code)) throw error;
        } finally {
          client.release(broken);
        }
      }
    },
    async lock(tx: SqlRunner, key: string) {
      await tx.get(`SELECT ${ADVISORY_LOCK}`, [key]);
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}

interface Prepared {
  readonly name: string;
  readonly text: string;
}
const prepared = new Map<string, Prepared>();
/**
 * Statements prepared by name, at most. Report queries vary with their filters (a list of any
 * length), and each named statement stays on every connection: past this many, a new text is
 * sent unnamed (parsed each time) so a long-running process does not grow without end.
 */
const PREPARED_STATEMENTS = 300;

/** The statement as node-postgres takes it: numbered placeholders and a name to prepare it by. */
function statement(text: string, params: readonly SqlParam[]): pg.QueryConfig | string {
  // Without values: the simple protocol, which also runs several statements (migrations).
  if (params.length === 0) return text;
  const known = prepared.get(text);
  if (known) return { name: known.name, text: known.text, values: params as unknown[] };
  const numbered = numberPlaceholders(text);
  if (prepared.size >= PREPARED_STATEMENTS) return { text: numbered, values: params as unknown[] };
  const name = `b${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  prepared.set(text, { name, text: numbered });
  return { name, text: numbered, values: params as unknown[] };
}

/** `?` → `$1`, `$2`… outside quoted text (the stores never put a `?` in a literal). */
export function numberPlaceholders(text: string): string {
  let n = 0;
  let quoted = false;
  let out = '';
  for (const char of text) {
    if (char === "'") quoted = !quoted;
    out += char === '?' && !quoted ? `$${++n}` : char;
  }
  return out;
}
