// Writes of the answer lists (the branch's own, or its organisation's; the Snelkeuze favourites
// are desk-writes.ts's). Each change is applied to what is stored, inside one transaction, so
// quick changes or two tabs never undo each other.

import { type Customisation, NO_CUSTOMISATION } from '../core/registration/catalogue';
import type { BalieDb } from './db';
import { parseStored } from './stored';
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
