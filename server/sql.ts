// The one way the endpoint's stores talk to a database: a few async calls with `?` placeholders,
// and transactions. Two drivers implement it: sqlite-sql.ts (better-sqlite3, one file) and
// pg-sql.ts (node-postgres, a pool). The stores write SQL both understand; each driver keeps
// its own migrations, because the table definitions differ in detail.

/** A value a statement takes or a row holds. Booleans are stored as 0/1, times as ISO text. */
export type SqlValue = string | number | null;
/** What a statement takes: a value, or (PostgreSQL only: `unnest(?)`, `= ANY(?)`) a list of them. */
export type SqlParam = SqlValue | readonly SqlValue[];

/** What runs statements: the database itself, or one open transaction. */
export interface SqlRunner {
  /** Every row of a query. Integers (COUNT, SUM) come back as numbers in both drivers. */
  all<Row>(text: string, params?: readonly SqlParam[]): Promise<Row[]>;
  /** The first row of a query, or undefined. */
  get<Row>(text: string, params?: readonly SqlParam[]): Promise<Row | undefined>;
  /** A statement without rows; resolves to the number of rows it changed. */
  run(text: string, params?: readonly SqlParam[]): Promise<number>;
  /** One statement run once per list of parameters, in order; resolves to the rows changed in all. */
  runEach(text: string, rows: readonly (readonly SqlParam[])[]): Promise<number>;
}

export type Dialect = 'sqlite' | 'postgres';

export interface Sql extends SqlRunner {
  readonly dialect: Dialect;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * On PostgreSQL a transaction that lost a deadlock or a serialisation race is run again,
   * so `work` must only touch the database through `tx` (and may run more than once).
   * Statements on the database itself wait until the transaction ends (SQLite) or run on
   * another connection (PostgreSQL); transactions do not nest.
   */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * Within a transaction: waits until no other transaction holds `key` (PostgreSQL:
   * pg_advisory_xact_lock), released at commit or rollback. SQLite runs one writer at a
   * time anyway, so there it returns at once.
   */
  lock(tx: SqlRunner, key: string): Promise<void>;
  close(): Promise<void>;
}
