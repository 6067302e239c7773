// Version 5 of the database: the outbox moves to the store `queue`, keyed by a number that
// IndexedDB counts up (`seq`), so the queue's order is its key order. The entries of version 4
// are added in their upload order; batch rows name entries by [id, rev] and stay as they are.

import type { Transaction } from 'dexie';
import { byUploadOrder, type KeyedByRef } from './db-batch-rows';

export async function queueFromOutbox(tx: Transaction): Promise<void> {
  const older = await tx.table<KeyedByRef, [string, number]>('outbox').toArray();
  await tx.table<KeyedByRef, number>('queue').bulkAdd(older.sort(byUploadOrder));
}
