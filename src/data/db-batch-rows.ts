// Version 4 of the database: a batch is one row (its id and its entries' [id, rev]) instead of
// a batch id on every outbox entry. An older version's unanswered batch becomes such a row, with
// the client info it went out with, so the updated app sends it again byte for byte.

import type { Transaction } from 'dexie';
import type { BatchRow, OutboxEntry } from './db';
import { parseStored } from './stored';
import { StoredBatchClient } from './stored-state';

/** An outbox entry as versions 1–4 stored it, keyed by [id, rev]. */
export type KeyedByRef = Omit<OutboxEntry, 'seq'>;

/** The upload order of versions 1–4 (version 5 keeps it as the queue's key order). */
export function byUploadOrder(a: KeyedByRef, b: KeyedByRef): number {
  return a.queuedAt - b.queuedAt || a.id.localeCompare(b.id) || a.rev - b.rev;
}

/** An outbox entry as versions 1–3 stored it: with the id of the batch it was in, or null. */
type OlderEntry = KeyedByRef & { readonly batchId?: unknown };

export async function batchRowsFromEntries(tx: Transaction): Promise<void> {
  const outbox = tx.table<OlderEntry, [string, number]>('outbox');
  const inBatch = new Map<string, KeyedByRef[]>();
  const rewritten: KeyedByRef[] = [];
  for (const older of await outbox.toArray()) {
    if (!('batchId' in older)) continue;
    const { batchId, ...entry } = older;
    rewritten.push(entry);
    if (typeof batchId !== 'string') continue;
    const members = inBatch.get(batchId) ?? [];
    members.push(entry);
    inBatch.set(batchId, members);
  }
  await outbox.bulkPut(rewritten);

  const state = tx.table<{ key: string; value: unknown }, string>('state');
  const kept = parseStored(StoredBatchClient, (await state.get('batch-client'))?.value, undefined);
  const rows: BatchRow[] = [...inBatch].map(([batchId, members]) => ({
    batchId,
    refs: members.sort(byUploadOrder).map((entry) => [entry.id, entry.rev] as const),
    // Older versions made the client info just before the first send: a batch without it
    // was never sent, so it may go without.
    ...(kept.value?.batchId === batchId ? { client: kept.value.client } : {}),
  }));
  await tx.table<BatchRow, string>('batches').bulkPut(rows);
  await state.delete('batch-client');
}
