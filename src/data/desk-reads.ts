// What the registration screen and the status bar read, through plain IndexedDB (desk.ts) and
// by index or key only: the outbox counts, the uploader's state, the answer lists, favourites,
// the latest visits for Snelkeuze and the partners for a topic. Every screen uses these.

import { promisifyRequest } from 'idb-keyval';
import type { Partner } from '../core/partners/partner';
import { type Customisation, NO_CUSTOMISATION } from '../core/registration/catalogue';
import type { Favourite } from '../core/registration/quick-picks';
import { INITIAL_RETRY_STATE, type RetryState } from '../core/upload/outbox';
import type { OutboxState, Progress, StateRow, VisitRow } from './db';
import { collect, type Desk, transact } from './desk';
import { parseStored, StoredFavourites } from './stored';
import { StoredCustomisation, StoredProgress, StoredRetryState } from './stored-state';

const REFUSED: readonly OutboxState[] = ['rejected', 'conflict'];

/**
 * Every entry less the refused ones, in one transaction: counting the store is several times
 * cheaper than counting an index range as long (measured in Chromium over 5,000 entries: 4–7
 * against 19–43 ms), and the status bar counts again after every batch. Plus what a tab still
 * on the previous version queued in its store, which the uploader moves over (db-queue.ts).
 */
export function countQueued(desk: Desk): Promise<number> {
  return transact(desk, ['queue', 'outbox'], 'readonly', async (tx) => {
    const older = await promisifyRequest(tx.objectStore('outbox').index('state').count('queued'));
    const all = await promisifyRequest(tx.objectStore('queue').count());
    return all - (await refusedIn(tx)) + older;
  });
}

/** How many records the endpoint refused, for the status bar. */
export function countRefused(desk: Desk): Promise<number> {
  return transact(desk, ['queue'], 'readonly', refusedIn);
}

async function refusedIn(tx: IDBTransaction): Promise<number> {
  const byState = tx.objectStore('queue').index('state');
  const counts = await Promise.all(REFUSED.map((state) => promisifyRequest(byState.count(state))));
  return counts.reduce((sum, count) => sum + count, 0);
}

export async function readRetryState(desk: Desk): Promise<RetryState> {
  return parseStored(StoredRetryState, await readState(desk, 'retry'), INITIAL_RETRY_STATE).value;
}

export async function readProgress(desk: Desk): Promise<Progress | null> {
  return parseStored<Progress | null>(StoredProgress, await readState(desk, 'progress'), null)
    .value;
}

/** The answer lists: the organisation's, or the branch's own changes to the national ones. */
export async function readCustomisation(desk: Desk): Promise<Customisation> {
  const stored = await readState(desk, 'catalogue');
  return parseStored(StoredCustomisation, stored, NO_CUSTOMISATION).value;
}

export async function readFavourites(desk: Desk): Promise<readonly Favourite[]> {
  return parseStored(StoredFavourites, await readState(desk, 'favourites'), []).value;
}

/** One state row's value, unparsed (undefined when there is none). */
export function readState(desk: Desk, key: StateRow['key']): Promise<unknown> {
  return transact(desk, ['state'], 'readonly', async (tx) => {
    const row = await promisifyRequest<StateRow | undefined>(tx.objectStore('state').get(key));
    return row?.value;
  });
}

/** The latest visits on this device, newest first, for the recent Snelkeuze. */
export async function recentVisits(desk: Desk, limit: number): Promise<VisitRow[]> {
  const rows = await transact(desk, ['visits'], 'readonly', (tx) =>
    collect<VisitRow>(tx.objectStore('visits').index('updatedAt'), 'prev', limit * 2),
  );
  return rows.filter((row) => row.deleted === 0).slice(0, limit);
}

/** The partners that help with one topic, through the `topics` index (no full scan). */
export function partnersWithTopic(desk: Desk, topic: string): Promise<Partner[]> {
  return transact(desk, ['partners'], 'readonly', (tx) =>
    promisifyRequest<Partner[]>(tx.objectStore('partners').index('topics').getAll(topic)),
  );
}
