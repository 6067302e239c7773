// Writes of the answer lists (the branch's own, or its organisation's) and the Snelkeuze favourites. Each change is applied to
// what is stored, inside one transaction, so quick changes or two tabs never undo each other.

import { type Customisation, NO_CUSTOMISATION } from '../core/registration/catalogue';
import { type Favourite, pickKey, type QuickPick } from '../core/registration/quick-picks';
import type { BalieDb } from './db';
import { parseStored, StoredFavourites } from './stored';
import { StoredCustomisation } from './stored-state';

/**
 * Changes the branch's answer lists (see src/core/catalogue.ts). The change is applied to
 * what is stored, inside the transaction, so quick changes or two tabs never undo each other.
 */
export function changeCustomisation(
  db: BalieDb,
  change: (current: Customisation) => Customisation,
): Promise<void> {
  return db.transaction('rw', db.state, async () => {
    const row = await db.state.get('catalogue');
    const current = parseStored(StoredCustomisation, row?.value, NO_CUSTOMISATION).value;
    await db.state.put({ key: 'catalogue', value: change(current) });
  });
}

/**
 * Takes in the organisation's answer lists (from the endpoint, revision > 0): they replace
 * the device's own, so every screen uses them, offline too.
 */
export function adoptOrganisationLists(db: BalieDb, lists: Customisation): Promise<void> {
  return db.transaction('rw', db.state, async () => {
    const row = await db.state.get('catalogue');
    if (JSON.stringify(row?.value) === JSON.stringify(lists)) return;
    await db.state.put({ key: 'catalogue', value: lists });
  });
}

/** Keeps a combination as a favourite; the same combination is kept once. */
export function addFavourite(db: BalieDb, pick: QuickPick, id: string): Promise<void> {
  return db.transaction('rw', db.state, async () => {
    const current = await storedFavourites(db);
    if (current.some((favourite) => pickKey(favourite) === pickKey(pick))) return;
    await db.state.put({ key: 'favourites', value: [...current, { ...pick, id }] });
  });
}

export function removeFavourite(db: BalieDb, id: string): Promise<void> {
  return db.transaction('rw', db.state, async () => {
    const current = await storedFavourites(db);
    await db.state.put({ key: 'favourites', value: current.filter((f) => f.id !== id) });
  });
}

async function storedFavourites(db: BalieDb): Promise<readonly Favourite[]> {
  const row = await db.state.get('favourites');
  return parseStored(StoredFavourites, row?.value, []).value;
}
