// The registration screen's writes through plain IndexedDB (desk.ts): saving a new visit with
// its first outbox entry in one transaction, and the Snelkeuze favourites. They keep the rules
// in registration-writes.ts's header (changes and deletes are there), and announce what changed.

import { promisifyRequest } from 'idb-keyval';
import { type Favourite, pickKey, type QuickPick } from '../core/registration/quick-picks';
import type { VisitContent } from '../core/registration/schema';
import type { UploadRecord } from '../core/upload/batch';
import { announce } from './changes';
import type { OutboxEntry, StateRow, VisitRow } from './db';
import { type Desk, transact } from './desk';
import { parseStored, StoredFavourites } from './stored';

export interface VisitInput {
  readonly id: string;
  readonly content: VisitContent;
  readonly partners: readonly (string | null)[];
}

/** Saves a new visit and its first revision in the outbox. Saving an id twice keeps the first. */
export async function saveVisit(
  desk: Desk,
  input: VisitInput,
  now: number,
): Promise<'saved' | 'exists'> {
  const result = await transact(desk, ['visits', 'queue'], 'readwrite', async (tx) => {
    const visits = tx.objectStore('visits');
    if (await promisifyRequest(visits.getKey(input.id))) return 'exists';
    const row: VisitRow = {
      ...input,
      rev: 1,
      createdAt: now,
      updatedAt: now,
      deleted: 0,
      frozenRev: 0,
    };
    await Promise.all([
      promisifyRequest(visits.add(row)),
      promisifyRequest(tx.objectStore('queue').add(entryFor(row, now))),
    ]);
    return 'saved';
  });
  if (result === 'saved') announce(desk.name, ['visits', 'queue']);
  return result;
}

/** The outbox entry of a visit's revision (its `seq` is given by the store). */
export function entryFor(row: VisitRow, now: number): Omit<OutboxEntry, 'seq'> {
  const record: UploadRecord = row.deleted
    ? { id: row.id, rev: row.rev, deleted: true }
    : { ...row.content, id: row.id, rev: row.rev };
  return {
    id: row.id,
    rev: row.rev,
    record,
    bytes: new TextEncoder().encode(JSON.stringify(record)).length,
    queuedAt: now,
    state: 'queued',
  };
}

/** Keeps a combination as a favourite; the same combination is kept once. */
export function addFavourite(desk: Desk, pick: QuickPick, id: string): Promise<void> {
  return changeFavourites(desk, (current) =>
    current.some((favourite) => pickKey(favourite) === pickKey(pick))
      ? current
      : [...current, { ...pick, id }],
  );
}

export function removeFavourite(desk: Desk, id: string): Promise<void> {
  return changeFavourites(desk, (current) => current.filter((favourite) => favourite.id !== id));
}

/** Applies a change to the stored favourites in one transaction: two tabs never undo each other. */
async function changeFavourites(
  desk: Desk,
  change: (current: readonly Favourite[]) => readonly Favourite[],
): Promise<void> {
  const changed = await transact(desk, ['state'], 'readwrite', async (tx) => {
    const state = tx.objectStore('state');
    const row = await promisifyRequest<StateRow | undefined>(state.get('favourites'));
    const current = parseStored(StoredFavourites, row?.value, []).value;
    const next = change(current);
    if (next === current) return false;
    const updated: StateRow = { key: 'favourites', value: next };
    await promisifyRequest(state.put(updated));
    return true;
  });
  if (changed) announce(desk.name, ['state:favourites']);
}
