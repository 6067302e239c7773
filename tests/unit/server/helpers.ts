// Shared by the endpoint tests: the one place a test opens a store (SQLite, or PostgreSQL in the
// PostgreSQL project), a valid record builder and a batch poster.

import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { inject } from 'vitest';
import { openPgSql } from '../../../server/pg-sql';
import { openPgStore } from '../../../server/pg-store';
import type { SqlValue } from '../../../server/sql';
import { openSqliteStore, type Store } from '../../../server/store';
import { createDatabase } from '../../support/postgres';
import { visitContent } from '../../support/visits';

/** The endpoint tests' database: `postgres` in the PostgreSQL project (vite.config.ts). */
export const TEST_DATABASE = process.env.BALIE_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestStoreOptions {
  /** The SQLite file (made in a new temporary directory when left out; SQLite only). */
  readonly file?: string;
  /** The clock (ms); tests pass a fake one. */
  readonly now?: () => number;
}

const databases = new Map<string, string>();

/** Every test that needs a store opens it here, so one place picks the database. */
export async function openTestStore(options: TestStoreOptions = {}): Promise<Store> {
  if (TEST_DATABASE === 'postgres') {
    // A database per file a test names (opened again: the same database), on the run's
    // throwaway server (tests/support/postgres-setup.ts); a new one when no file is named.
    let url = options.file ? databases.get(options.file) : undefined;
    if (!url) {
      url = await createDatabase(inject('postgresUrl'));
      if (options.file) databases.set(options.file, url);
    }
    return openPgStore(url, options.now ? { now: options.now } : {});
  }
  const file = options.file ?? join(mkdtempSync(join(tmpdir(), 'balie-store-')), 'balie.sqlite');
  return openSqliteStore(file, options.now ? { now: options.now } : {});
}

/** The rows of a query straight on the database a test named by `file` (for what no route shows). */
export async function queryTestDatabase<Row>(
  file: string,
  text: string,
  params: readonly SqlValue[] = [],
): Promise<Row[]> {
  if (TEST_DATABASE === 'postgres') {
    const url = databases.get(file);
    if (!url) throw new Error(`no database was opened for ${file}`);
    const sql = openPgSql(url);
    try {
      return await sql.all<Row>(text, params);
    } finally {
      await sql.close();
    }
  }
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(text).all(...params) as Row[];
  } finally {
    db.close();
  }
}

export const visit = (over: Record<string, unknown> = {}) => ({
  ...visitContent(),
  id: randomUUID(),
  rev: 1,
  ...over,
});

export const envelope = (records: unknown[], over: Record<string, unknown> = {}) => ({
  batchId: randomUUID(),
  deviceId: randomUUID(),
  records,
  ...over,
});

export interface PostOptions {
  readonly token?: string | null;
  readonly key?: string | null;
  readonly headers?: Record<string, string>;
}

/** POSTs a batch the way the app does; `body` may be an object or raw text. */
export async function postBatch(
  url: string,
  body: unknown,
  options: PostOptions = {},
): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const batchId =
    typeof body === 'object' && body !== null ? (body as { batchId?: unknown }).batchId : undefined;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const key = options.key === undefined ? batchId : options.key;
  if (typeof key === 'string') headers['idempotency-key'] = key;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${url}/api/batches`, {
    method: 'POST',
    headers: { ...headers, ...options.headers },
    body: text,
  });
  const replyText = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(replyText);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text: replyText };
}

/** The location name the test records carry (version 1 free text, mapped by name). */
export const TEST_LOCATION = 'Bibliotheek Teststad';

/**
 * Gives a test database's organisation the location the test records name, so free-text
 * records map to it; returns its id.
 */
export async function addTestLocation(
  store: Store,
  name = TEST_LOCATION,
  organisationId?: string,
): Promise<string> {
  const organisation = organisationId ?? (await store.org.organisation()).id;
  const existing = (await store.org.locations(organisation)).find(
    (location) => location.name === name,
  );
  if (existing) return existing.id;
  const location = await store.org.addLocation(organisation, {
    name,
    gemeente: 'Teststad',
    kind: 'vaste-balie',
    hours: '',
    staffing: '',
  });
  if (location === 'taken') throw new Error('location name taken');
  return location.id;
}
