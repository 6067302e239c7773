// The store on PostgreSQL: a pool (pg-sql.ts), the tables brought up to date at open (one
// process migrates, others wait), and the same store every database shares (build-store.ts).

import { buildStore } from './build-store';
import { migratePg } from './pg-migrations';
import { openPgSql } from './pg-sql';
import type { Store, StoreOptions } from './store';

export async function openPgStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const sql = openPgSql(url);
  try {
    await migratePg(sql, options.now ? { now: options.now } : {});
  } catch (error) {
    await sql.close();
    throw error;
  }
  return buildStore(sql, options, {
    // Commits wait for the WAL flush unless the server was told otherwise.
    durability: async () => {
      const row = await sql.get<{ synchronous_commit: string }>('SHOW synchronous_commit');
      return { journalMode: 'postgres', synchronous: row?.synchronous_commit === 'off' ? 0 : 2 };
    },
  });
}
