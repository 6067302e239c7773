// Every write to the sociale kaart on this device, and what it knows of published maps.
// A partner row holds the details (from an import or the form) and the desk's own part
// (`local`: a note, the "verouderd" flag). Each write changes one half only, so a re-import
// or an edit never loses a note. An import is one transaction: all or nothing.

import { cleanText } from '../core/partners/cleaning';
import { mergeImported, planImport } from '../core/partners/import';
import { type Partner, type PartnerDetails, PartnerLocal } from '../core/partners/partner';
import { checkDetails, type DetailProblem, markOutdated } from '../core/partners/partner-check';
import type { BalieDb, MapSourceState } from './db';
import { parseStored } from './stored';
import { StoredMaps } from './stored-state';

export type PartnerSave =
  | { readonly ok: true; readonly partner: Partner }
  | { readonly ok: false; readonly problems: readonly DetailProblem[] };

/**
 * Adds a partner or replaces its details after the last check. The desk's note stays; the
 * "verouderd" flag is lifted only when the new details say they were checked after it was set.
 */
export async function savePartner(db: BalieDb, details: unknown): Promise<PartnerSave> {
  const checked = checkDetails(details);
  if (!checked.ok) return checked;
  return db.transaction('rw', db.partners, async () => {
    const partner = mergeImported(await db.partners.get(checked.details.id), checked.details);
    await db.partners.put(partner);
    return { ok: true, partner } as const;
  });
}

export type LocalSave = 'saved' | 'missing' | 'invalid';

/** Keeps the desk's note about a partner (at most 2,000 characters; line breaks stay). */
export function savePartnerNote(db: BalieDb, id: string, notes: string): Promise<LocalSave> {
  return db.transaction('rw', db.partners, async () => {
    const partner = await db.partners.get(id);
    if (!partner) return 'missing';
    const local = PartnerLocal.safeParse({ ...partner.local, notes: cleanText(notes, true) });
    if (!local.success) return 'invalid';
    await db.partners.put({ ...partner, local: local.data });
    return 'saved';
  });
}

/** "Verouderd": a colleague found the details wrong (or right again), seen at the desk `today`. */
export function markPartnerOutdated(
  db: BalieDb,
  id: string,
  outdated: boolean,
  today: string,
): Promise<LocalSave> {
  return db.transaction('rw', db.partners, async () => {
    const partner = await db.partners.get(id);
    if (!partner) return 'missing';
    await db.partners.put(markOutdated(partner, outdated, today));
    return 'saved';
  });
}

export interface ImportCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Partners of the same published map that it no longer holds. */
  readonly removed: number;
}

/**
 * Saves a whole import: new partners are added, known ids updated (their notes kept),
 * unchanged ones left alone. With `source` (a published map), each partner remembers that
 * map, partners the map no longer holds are removed, and what the device knows about the
 * map is saved in the same transaction, so the two never disagree.
 */
export function importPartners(
  db: BalieDb,
  imported: readonly PartnerDetails[],
  source?: MapSourceState,
): Promise<ImportCounts> {
  return db.transaction('rw', db.partners, db.state, async () => {
    // The ids the table holds come in one request; only those are read whole (a first import
    // into an empty sociale kaart reads nothing, instead of asking for 5,000 missing rows).
    const held = new Set(await db.partners.toCollection().primaryKeys());
    const known = (
      await db.partners.bulkGet(imported.map((partner) => partner.id).filter((id) => held.has(id)))
    ).filter((partner): partner is Partner => partner !== undefined);
    const plan = planImport(known, imported);
    let put = [...plan.put];
    let removed = 0;
    if (source) {
      const url = source.url;
      const stamp = (partner: Partner): Partner => ({
        ...partner,
        local: { ...partner.local, mapSource: url },
      });
      const planned = new Set(put.map((partner) => partner.id));
      put = [
        ...put.map(stamp),
        ...known.filter((p) => !planned.has(p.id) && p.local.mapSource !== url).map(stamp),
      ];
      const kept = new Set(imported.map((partner) => partner.id));
      const gone = await db.partners
        .filter((partner) => partner.local.mapSource === url && !kept.has(partner.id))
        .primaryKeys();
      await db.partners.bulkDelete(gone);
      removed = gone.length;
      await putMapState(db, source);
    }
    await db.partners.bulkPut(put);
    return { added: plan.added, updated: plan.updated, unchanged: plan.unchanged, removed };
  });
}

/** Removes a partner from this device's sociale kaart. Registrations keep only its id. */
export function deletePartner(db: BalieDb, id: string): Promise<void> {
  return db.partners.delete(id);
}

/** What the device last heard from a published map, when nothing was imported. */
export function saveMapState(db: BalieDb, source: MapSourceState): Promise<void> {
  return db.transaction('rw', db.state, () => putMapState(db, source));
}

async function putMapState(db: BalieDb, source: MapSourceState): Promise<void> {
  const row = await db.state.get('maps');
  const known = parseStored(StoredMaps, row?.value, {}).value;
  await db.state.put({ key: 'maps', value: { ...known, [source.url]: source } });
}
