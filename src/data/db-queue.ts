// Version 5 of the database: the outbox moves to the store `queue`, keyed by a number that
// IndexedDB counts up (`seq`), so the queue's order is its key order. Version 4's store
// `outbox` stays, empty: a tab or worker still running the previous version (only the tab that
// asked for the update reloads) would otherwise add it again and write there unseen. Whatever
// it writes there moves to the queue with the next batch (`adoptOlderEntries`).

import type { Table, Transaction } from 'dexie';
import { refKey } from '../core/upload/outbox';
import type { BalieDb } from './db';
import { byUploadOrder, type KeyedByRef } from './db-batch-rows';

export function queueFromOutbox(tx: Transaction): Promise<void> {
  return moveEntries(tx.table('outbox'), tx.table('queue'));
}

/**
 * Moves entries the previous version wrote into its store since the update to the end of the
 * queue, in its upload order, inside the caller's transaction (outbox and queue). A revision
 * that is in the queue already stays as it is there.
 */
export function adoptOlderEntries(db: BalieDb): Promise<void> {
  return moveEntries(db.outbox, db.queue as unknown as Table<KeyedByRef, number>);
}

async function moveEntries(
  outbox: Table<KeyedByRef, [string, number]>,
  queue: Table<KeyedByRef, number>,
): Promise<void> {
  const older = await outbox.toArray();
  if (older.length === 0) return;
  const refs = older.map((entry) => [entry.id, entry.rev]);
  const present = new Set((await queue.where('[id+rev]').anyOf(refs).toArray()).map(refKey));
  await queue.bulkAdd(older.filter((entry) => !present.has(refKey(entry))).sort(byUploadOrder));
  await outbox.clear();
}
