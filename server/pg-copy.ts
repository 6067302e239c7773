// Moving an installation from SQLite to PostgreSQL (`npm run admin -- migrate-to-postgres`):
// every table copied into an empty, migrated PostgreSQL database in one transaction, then
// verified per table: the row count and a checksum of every row must be equal on both sides.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type BulkColumn, bulkInsert } from './bulk';
import { migrate } from './migrations';
import { migratePg } from './pg-migrations';
import { foldPending } from './report-fold';
import type { Sql, SqlRunner, SqlValue } from './sql';
import { SqliteSql } from './sqlite-sql';

/** Every table, parents before the tables that refer to them. */
export const TABLES = [
  'organisations',
  'locations',
  'managers',
  'sessions',
  'login_failures',
  'koppelcodes',
  'catalogues',
  'audit',
  'devices',
  'records',
  'batches',
  'map',
  'map_versions',
  'report_visits',
  'report_answers',
  'report_counts',
] as const;

const PAGE = 2000;

export interface TableCheck {
  readonly table: string;
  readonly rows: number;
  readonly checksum: string;
}

/** Copies the SQLite file into the (empty) database `pg`; resolves to what both now hold. */
export async function copySqliteToPg(file: string, pg: Sql): Promise<TableCheck[]> {
  if (!existsSync(file)) throw new Error(`Het SQLite-bestand ${file} bestaat niet.`);
  const db = new Database(file, { fileMustExist: true });
  try {
    // An older file is brought up to date first, as Balie does at every start, and its last
    // records folded into the report tables (PostgreSQL keeps them at ingest, never folds).
    migrate(db);
    await foldPending(new SqliteSql(db));
    await migratePg(pg, { organisation: false });
    const columns = new Map<string, BulkColumn[]>();
    for (const table of TABLES) columns.set(table, await columnsOf(pg, table));
    for (const table of TABLES) {
      const found = await pg.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
      if ((found?.n ?? 0) > 0) {
        throw new Error(
          `De PostgreSQL-database is niet leeg (tabel ${table} heeft al gegevens). Er is niets gekopieerd. Kopiëren kan alleen naar een lege database; is de overstap al gedaan, dan hoeft het niet nog eens.`,
        );
      }
    }
    await pg.transaction(async (tx) => {
      for (const table of TABLES) {
        const cols = columns.get(table) ?? [];
        const select = db
          .prepare(`SELECT ${cols.map((c) => c.name).join(', ')} FROM ${table}`)
          .raw(true);
        let page: SqlValue[][] = [];
        for (const row of select.iterate() as Iterable<SqlValue[]>) {
          page.push(row);
          if (page.length === PAGE) {
            await bulkInsert(tx, 'postgres', table, cols, page);
            page = [];
          }
        }
        await bulkInsert(tx, 'postgres', table, cols, page);
      }
      // The audit log and the visits number on from the highest copied one.
      for (const [table, column] of [
        ['audit', 'id'],
        ['report_visits', 'visit_no'],
      ]) {
        await tx.get(
          `SELECT setval(pg_get_serial_sequence('${table}', '${column}'), COALESCE((SELECT MAX(${column}) FROM ${table}), 0) + 1, false)`,
        );
      }
    });
    const checks: TableCheck[] = [];
    for (const table of TABLES) {
      const cols = columns.get(table) ?? [];
      const names = cols.map((c) => c.name).join(', ');
      const from = sqliteSum(db, `SELECT ${names} FROM ${table}`);
      const to = await pgSum(pg, `SELECT ${names} FROM ${table}`);
      if (from.rows !== to.rows || from.checksum !== to.checksum) {
        throw new Error(
          `Controle mislukt voor tabel ${table}: SQLite ${from.rows} rijen (${from.checksum.slice(0, 12)}), PostgreSQL ${to.rows} rijen (${to.checksum.slice(0, 12)}).`,
        );
      }
      checks.push({ table, ...to });
    }
    return checks;
  } finally {
    db.close();
  }
}

/** A table's columns as PostgreSQL has them (the SQLite file has the same ones). */
async function columnsOf(pg: SqlRunner, table: string): Promise<BulkColumn[]> {
  const rows = await pg.all<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((row) => ({
    name: row.column_name,
    type: row.data_type === 'text' ? 'text' : row.data_type === 'bigint' ? 'bigint' : 'integer',
  }));
}

/**
 * Row count and checksum of a query's rows, whatever their order: the sum, modulo 2^256, of
 * each row's SHA-256. The two databases sort text differently, so no order is relied on.
 */
class Checksum {
  rows = 0;
  private sum = 0n;
  add(row: readonly unknown[]) {
    this.rows++;
    const digest = createHash('sha256').update(JSON.stringify(row)).digest('hex');
    this.sum = (this.sum + BigInt(`0x${digest}`)) % 2n ** 256n;
  }
  get checksum() {
    return this.sum.toString(16).padStart(64, '0');
  }
}

type Sum = Omit<TableCheck, 'table'>;

function sqliteSum(db: Database.Database, query: string): Sum {
  const sum = new Checksum();
  for (const row of db.prepare(query).raw(true).iterate() as Iterable<unknown[]>) sum.add(row);
  return { rows: sum.rows, checksum: sum.checksum };
}

async function pgSum(pg: Sql, query: string): Promise<Sum> {
  const sum = new Checksum();
  await pg.transaction(async (tx) => {
    await tx.run(`DECLARE balie_rows NO SCROLL CURSOR FOR ${query}`);
    for (;;) {
      const rows = await tx.all<Record<string, unknown>>(`FETCH ${PAGE} FROM balie_rows`);
      for (const row of rows) sum.add(Object.values(row));
      if (rows.length < PAGE) break;
    }
  });
  return { rows: sum.rows, checksum: sum.checksum };
}
