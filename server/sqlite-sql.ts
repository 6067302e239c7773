// The SQLite driver of the `Sql` interface (sql.ts) over one better-sqlite3 handle: statements
// cached by their text, and transactions (BEGIN IMMEDIATE) whose work is async, so one open
// transaction holds the handle and every other statement or transaction waits for it to end.
// The raw handle stays reachable for what only SQLite has (migrations, PRAGMAs, the file).

import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Sql, SqlRunner, SqlValue } from './sql';

/** Statements kept prepared; report queries vary with their filters, so the cache is bounded. */
const CACHED_STATEMENTS = 500;

export class SqliteSql implements Sql {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  /** Resolves when the last exclusive section queued so far has ended. */
  private tail: Promise<void> = Promise.resolve();
  /** Exclusive sections queued or running; 0 means a statement may run at once. */
  private pending = 0;
  /** Marks the async work of an open transaction, to refuse nesting and stray statements. */
  private readonly inside = new AsyncLocalStorage<true>();

  constructor(readonly handle: Database.Database) {}

  all<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.standalone(() => this.statement(text).all(...params) as Row[]);
  }

  get<Row>(text: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
    return this.standalone(() => this.statement(text).get(...params) as Row | undefined);
  }

  run(text: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.standalone(() => this.statement(text).run(...params).changes);
  }

  runEach(text: string, rows: readonly (readonly SqlValue[])[]): Promise<number> {
    return this.standalone(() => this.each(text, rows));
  }

  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    if (this.inside.getStore()) {
      return Promise.reject(new Error('Transactions do not nest: use the open one (tx).'));
    }
    return this.exclusive(async () => {
      this.handle.exec('BEGIN IMMEDIATE');
      let open = true;
      const use = (): void => {
        if (!open) throw new Error('This transaction has already ended.');
      };
      const tx: SqlRunner = {
        all: async <Row>(text: string, params: readonly SqlValue[] = []) => {
          use();
          return this.statement(text).all(...params) as Row[];
        },
        get: async <Row>(text: string, params: readonly SqlValue[] = []) => {
          use();
          return this.statement(text).get(...params) as Row | undefined;
        },
        run: async (text: string, params: readonly SqlValue[] = []) => {
          use();
          return this.statement(text).run(...params).changes;
        },
        // In one go, without an await per row (which costs more than the insert itself).
        runEach: async (text: string, rows: readonly (readonly SqlValue[])[]) => {
          use();
          return this.each(text, rows);
        },
      };
      try {
        const result = await this.inside.run(true, () => work(tx));
        this.handle.exec('COMMIT');
        return result;
      } catch (error) {
        // SQLite may have rolled back by itself already (a full disk, say).
        if (this.handle.inTransaction) this.handle.exec('ROLLBACK');
        throw error;
      } finally {
        open = false;
      }
    });
  }

  async lock(_tx: SqlRunner, _key: string): Promise<void> {
    // One transaction at a time holds the handle: there is nobody else to wait for.
  }

  /**
   * Runs synchronous work on the raw handle when no transaction is open (or queued), e.g. a
   * better-sqlite3 transaction of its own; it never interleaves with an async transaction.
   */
  serial<T>(work: (handle: Database.Database) => T): Promise<T> {
    return this.standalone(() => work(this.handle));
  }

  async close(): Promise<void> {
    await this.exclusive(async () => {
      this.statements.clear();
      this.handle.close();
    });
  }

  /** At once while nothing holds the handle; else after what is queued before it. */
  private standalone<T>(work: () => T): Promise<T> {
    if (this.inside.getStore()) {
      return Promise.reject(
        new Error('A statement on the database inside a transaction would wait forever: use tx.'),
      );
    }
    if (this.pending === 0) {
      try {
        return Promise.resolve(work());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.exclusive(async () => work());
  }

  /** Runs `work` alone: after every section queued before it, and before any queued later. */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    const before = this.tail;
    let release = (): void => {};
    this.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.pending++;
    try {
      await before;
      return await work();
    } finally {
      this.pending--;
      release();
    }
  }

  private each(text: string, rows: readonly (readonly SqlValue[])[]): number {
    const statement = this.statement(text);
    let changed = 0;
    for (const params of rows) changed += statement.run(...params).changes;
    return changed;
  }

  private statement(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.handle.prepare(text);
      if (this.statements.size >= CACHED_STATEMENTS) {
        const oldest = this.statements.keys().next().value;
        if (oldest !== undefined) this.statements.delete(oldest);
      }
      this.statements.set(text, statement);
    }
    return statement;
  }
}
