// Reads of the sociale kaart (partners by topic, for the first page, are desk-reads.ts's).
// Views read them live (ui/hooks.ts), so a search index is rebuilt once per change of the
// partners, whoever made it.

import type { Partner } from '../core/partners/partner';
import type { BalieDb, MapSourceState } from './db';
import { parseStored } from './stored';
import { StoredMaps } from './stored-state';

export function allPartners(db: BalieDb): Promise<Partner[]> {
  return db.partners.toArray();
}

export function readPartner(db: BalieDb, id: string): Promise<Partner | undefined> {
  return db.partners.get(id);
}

export function countPartners(db: BalieDb): Promise<number> {
  return db.partners.count();
}

/** What the device last heard from each published map, by URL. */
export async function readMapStates(
  db: BalieDb,
): Promise<Readonly<Record<string, MapSourceState>>> {
  const row = await db.state.get('maps');
  return parseStored(StoredMaps, row?.value, {}).value;
}
