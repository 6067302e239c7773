// The desk's own way into the database: plain IndexedDB for what the registration screen reads
// and writes (desk-reads.ts, desk-writes.ts), so the first page opens without Dexie. Dexie
// (db.ts) still owns the schema: a missing or older database is made or upgraded by it first.

import { promisifyRequest } from 'idb-keyval';

export const DB_NAME = 'balie';
/** db.ts's latest version (IndexedDB counts Dexie's versions times ten). */
export const SCHEMA_VERSION = 5;

export type StoreName = 'visits' | 'queue' | 'outbox' | 'state' | 'batches' | 'partners';

/** One database, reached without Dexie. */
export interface Desk {
  readonly name: string;
  /** The open connection: opened once, and again after a version change or a close. */
  connect(): Promise<IDBDatabase>;
}

/**
 * The desk of database `name`. When the database is missing or older than this version,
 * `prepare` has Dexie make or upgrade it (db.ts `prepareSchema`, loaded only then).
 */
export function openDesk(
  name = DB_NAME,
  prepare: (name: string) => Promise<void> = async (db) => (await import('./db')).prepareSchema(db),
): Desk {
  let connection: Promise<IDBDatabase> | undefined;
  const forget = () => {
    connection = undefined;
  };
  async function open(): Promise<IDBDatabase> {
    let db = await openCurrent(name);
    if (!db) {
      await prepare(name);
      db = await openCurrent(name);
    }
    if (!db) throw new Error(`database ${name} has no schema`);
    // Another version wants the database (an update in another tab, or the worker): let it.
    db.onversionchange = () => {
      db.close();
      forget();
    };
    db.onclose = forget;
    return db;
  }
  return {
    name,
    connect() {
      connection ??= open().catch((error: unknown) => {
        forget();
        throw error;
      });
      return connection;
    },
  };
}

/**
 * Opens the database at this version or newer; null when it is missing or older (the
 * upgrade that would start is aborted, and Dexie does it instead).
 */
function openCurrent(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, SCHEMA_VERSION * 10);
    let upgrade = false;
    request.onupgradeneeded = () => {
      upgrade = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      if (upgrade) resolve(null);
      // Made newer by a later version of Balie: its stores are read as they are.
      else if (request.error?.name === 'VersionError') resolve(openAsItIs(name));
      else reject(request.error);
    };
  });
}

function openAsItIs(name: string): Promise<IDBDatabase> {
  return promisifyRequest(indexedDB.open(name));
}

/**
 * Runs `body` in one transaction of `stores`, resolving with its result once committed. A
 * failing body aborts the transaction, so it writes nothing. Only IndexedDB requests may be
 * awaited inside (anything else lets the transaction commit early).
 */
export async function transact<T>(
  desk: Desk,
  stores: readonly StoreName[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => Promise<T>,
): Promise<T> {
  const db = await desk.connect();
  const tx = db.transaction([...stores], mode);
  const committed = promisifyRequest(tx);
  try {
    const result = await body(tx);
    await committed;
    return result;
  } catch (error) {
    if (!tx.error) {
      try {
        tx.abort();
      } catch {
        // Already finished: nothing left to undo.
      }
    }
    await committed.catch(() => undefined);
    throw error;
  }
}

/** The values of `source` in `direction`, at most `limit` of them, with one cursor. */
export function collect<T>(
  source: IDBObjectStore | IDBIndex,
  direction: IDBCursorDirection,
  limit: number,
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const found: T[] = [];
    const request = source.openCursor(null, direction);
    request.onsuccess = () => {
      const cursor = request.result;
      if (cursor && found.length < limit) {
        found.push(cursor.value as T);
        cursor.continue();
      } else resolve(found);
    };
    request.onerror = () => reject(request.error);
  });
}
