// Every write the app makes to its database, in one place.
//
// Why one file: the promise "nothing the UI called saved is lost, and the endpoint ends
// up with exactly one copy of each revision" is kept or broken here, nowhere else.
// The rules, all applied inside one IndexedDB transaction each:
//  - Saving a visit writes the visit and its first outbox entry together.
//  - An outbox entry that was put in a batch is frozen: the endpoint may already have it.
//    Editing or deleting after that makes a new revision (a delete, a tombstone), so an
//    upload in flight is never changed underneath. Before that, edits simply replace.
//  - An entry leaves the outbox only when the endpoint acknowledged that very record.
//  - Refused entries stay, with the endpoint's reason, until a person acts on them.
// No network call ever happens inside a transaction (Dexie would commit early).

import Dexie from 'dexie';
import { cleanText } from '../core/partners/cleaning';
import { mergeImported, planImport } from '../core/partners/import';
import {
  checkDetails,
  type DetailProblem,
  markOutdated,
  type Partner,
  type PartnerDetails,
  PartnerLocal,
} from '../core/partners/partner';
import { type Customisation, NO_CUSTOMISATION } from '../core/registration/catalogue';
import { type Favourite, pickKey, type QuickPick } from '../core/registration/quick-picks';
import type { UploadRecord, VisitContent } from '../core/registration/schema';
import { type RecordRef, type RetryState, takeBatch } from '../core/upload/outbox';
import type { BalieDb, MapSourceState, OutboxEntry, Progress, VisitRow } from './db';

export interface VisitInput {
  readonly id: string;
  readonly content: VisitContent;
  readonly partners: readonly (string | null)[];
}

/** Saves a new visit. Saving the same id twice (a double tap) keeps the first. */
export function saveVisit(
  db: BalieDb,
  input: VisitInput,
  now: number,
): Promise<'saved' | 'exists'> {
  return db.transaction('rw', db.visits, db.outbox, async () => {
    if (await db.visits.get(input.id)) return 'exists';
    const row: VisitRow = {
      ...input,
      rev: 1,
      createdAt: now,
      updatedAt: now,
      deleted: 0,
      frozenRev: 0,
    };
    await db.visits.add(row);
    await db.outbox.put(entryFor(row, now));
    return 'saved';
  });
}

/** Changes a visit: in place while unsent, as a new revision once a batch took it. */
export function editVisit(
  db: BalieDb,
  input: VisitInput,
  now: number,
): Promise<'saved' | 'missing'> {
  return db.transaction('rw', db.visits, db.outbox, async () => {
    const row = await db.visits.get(input.id);
    if (!row || row.deleted) return 'missing';
    const next: VisitRow = {
      ...row,
      content: input.content,
      partners: input.partners,
      rev: nextRev(row),
      updatedAt: now,
    };
    await replaceRevision(db, row, next, now);
    return 'saved';
  });
}

/**
 * Deletes a visit. Never sent: it is simply gone. Possibly sent: a tombstone revision
 * is queued, and the row stays (hidden) until the endpoint acknowledges it.
 */
export function deleteVisit(
  db: BalieDb,
  id: string,
  now: number,
): Promise<'removed' | 'tombstoned' | 'missing'> {
  return db.transaction('rw', db.visits, db.outbox, async () => {
    const row = await db.visits.get(id);
    if (!row || row.deleted) return 'missing';
    if (row.frozenRev === 0) {
      await db.outbox.where('id').equals(id).delete();
      await db.visits.delete(id);
      return 'removed';
    }
    const next: VisitRow = { ...row, rev: nextRev(row), deleted: 1, updatedAt: now };
    await replaceRevision(db, row, next, now);
    return 'tombstoned';
  });
}

/** Sends a refused record again, as a new revision so it cannot conflict with itself. */
export function retryRefused(db: BalieDb, ref: RecordRef, now: number): Promise<boolean> {
  return db.transaction('rw', db.visits, db.outbox, async () => {
    const entry = await db.outbox.get([ref.id, ref.rev]);
    const row = await db.visits.get(ref.id);
    if (!entry || entry.state === 'queued' || !row) return false;
    const next: VisitRow = { ...row, rev: Math.max(row.rev, row.frozenRev) + 1, updatedAt: now };
    await replaceRevision(db, row, next, now);
    return true;
  });
}

/** The edit rule: a revision not yet in a batch may be replaced; a frozen one never. */
function nextRev(row: VisitRow): number {
  return row.rev > row.frozenRev ? row.rev : row.rev + 1;
}

async function replaceRevision(db: BalieDb, row: VisitRow, next: VisitRow, now: number) {
  // Superseded: the unfrozen entry of the old revision, and refused entries the endpoint
  // never stored. Frozen, queued entries stay: the endpoint may be missing them.
  await db.outbox
    .where('id')
    .equals(row.id)
    .filter((entry) => entry.rev > row.frozenRev || entry.state !== 'queued')
    .delete();
  await db.visits.put(next);
  await db.outbox.put(entryFor(next, now));
}

function entryFor(row: VisitRow, now: number): OutboxEntry {
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
    batchId: null,
  };
}

export interface ClaimedBatch {
  readonly batchId: string;
  readonly entries: readonly OutboxEntry[];
}

/**
 * Takes the next batch to upload. A batch interrupted earlier (the worker was killed,
 * the reply never came) is sent again first, with the same id and the same records.
 * Taking a batch freezes its records: from now on an edit makes a new revision.
 */
export function claimBatch(
  db: BalieDb,
  options: { limit: number; maxBytes: number; newBatchId: () => string },
): Promise<ClaimedBatch | null> {
  return db.transaction('rw', db.visits, db.outbox, async () => {
    const interrupted = (await db.outbox.orderBy('batchId').first())?.batchId;
    if (interrupted) {
      const entries = await db.outbox.where('batchId').equals(interrupted).toArray();
      return { batchId: interrupted, entries: sortForUpload(entries) };
    }
    const oldest = await db.outbox
      .where('[state+queuedAt]')
      .between(['queued', Dexie.minKey], ['queued', Dexie.maxKey])
      .limit(options.limit)
      .toArray();
    const chosen = takeBatch(
      sortForUpload(oldest),
      options.limit,
      options.maxBytes,
      (entry) => entry.bytes,
    );
    if (chosen.length === 0) return null;
    const batchId = options.newBatchId();
    const entries = chosen.map((entry) => ({ ...entry, batchId }));
    await db.outbox.bulkPut(entries);
    const rows = await db.visits.bulkGet(entries.map((entry) => entry.id));
    const frozen = rows.flatMap((row) => {
      if (!row) return [];
      const highest = Math.max(
        row.frozenRev,
        ...entries.filter((entry) => entry.id === row.id).map((entry) => entry.rev),
      );
      return highest > row.frozenRev ? [{ ...row, frozenRev: highest }] : [];
    });
    await db.visits.bulkPut(frozen);
    return { batchId, entries };
  });
}

function sortForUpload(entries: OutboxEntry[]): OutboxEntry[] {
  return entries.sort(
    (a, b) => a.queuedAt - b.queuedAt || a.id.localeCompare(b.id) || a.rev - b.rev,
  );
}

export interface Answer {
  readonly acked: readonly RecordRef[];
  readonly rejected: readonly (RecordRef & { reason: string })[];
  readonly conflicts: readonly (RecordRef & { reason: string })[];
  readonly unanswered: readonly RecordRef[];
}

/** Applies the endpoint's per-record answer. Only acknowledged records leave the outbox. */
export function applyAnswer(db: BalieDb, answer: Answer): Promise<void> {
  return db.transaction('rw', db.outbox, async () => {
    await db.outbox.bulkDelete(answer.acked.map((ref) => [ref.id, ref.rev] as [string, number]));
    for (const refusal of answer.rejected) await refuse(db, refusal, 'rejected', refusal.reason);
    for (const refusal of answer.conflicts) await refuse(db, refusal, 'conflict', refusal.reason);
    for (const ref of answer.unanswered)
      await db.outbox.update([ref.id, ref.rev], { batchId: null });
  });
}

/** A refused record stays on the device, with the reason, out of the upload queue. */
export function refuseRecord(db: BalieDb, ref: RecordRef, reason: string): Promise<void> {
  return db.transaction('rw', db.outbox, () => refuse(db, ref, 'rejected', reason));
}

async function refuse(
  db: BalieDb,
  ref: RecordRef,
  state: 'rejected' | 'conflict',
  reason: string,
): Promise<void> {
  await db.outbox.update([ref.id, ref.rev], { state, reason, batchId: null });
}

/** Returns a batch's records to the queue, so they go out again in smaller batches. */
export function releaseBatch(db: BalieDb, batchId: string): Promise<void> {
  return db.transaction('rw', db.outbox, async () => {
    const released = await db.outbox.where('batchId').equals(batchId).toArray();
    await db.outbox.bulkPut(released.map((entry) => ({ ...entry, batchId: null })));
  });
}

export function saveRetryState(db: BalieDb, value: RetryState): Promise<unknown> {
  return db.state.put({ key: 'retry', value });
}

export function saveProgress(db: BalieDb, value: Progress): Promise<unknown> {
  return db.state.put({ key: 'progress', value });
}

/** Re-enrolment: a new token lifts the block that a refused token put on uploading. */
export function liftAuthBlock(db: BalieDb, retry: RetryState): Promise<unknown> {
  return saveRetryState(db, { ...retry, blocked: false, nextTryAt: null, attempts: 0 });
}

// Settings of this branch and device: the answer lists and the Snelkeuze favourites.

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
    const current = row?.key === 'catalogue' ? row.value : NO_CUSTOMISATION;
    await db.state.put({ key: 'catalogue', value: change(current) });
  });
}

/** Keeps a combination as a favourite; the same combination is kept once. */
export function addFavourite(db: BalieDb, pick: QuickPick, id: string): Promise<void> {
  return db.transaction('rw', db.state, async () => {
    const row = await db.state.get('favourites');
    const current = row?.key === 'favourites' ? row.value : [];
    if (current.some((favourite) => pickKey(favourite) === pickKey(pick))) return;
    await db.state.put({ key: 'favourites', value: [...current, { ...pick, id }] });
  });
}

export function removeFavourite(db: BalieDb, id: string): Promise<void> {
  return db.transaction('rw', db.state, async () => {
    const row = await db.state.get('favourites');
    const current: readonly Favourite[] = row?.key === 'favourites' ? row.value : [];
    await db.state.put({ key: 'favourites', value: current.filter((f) => f.id !== id) });
  });
}

// The sociale kaart. A partner row holds the details (from an import or the form) and the
// desk's own part (`local`: a note, the "verouderd" flag). Each write changes one half only,
// so a re-import or an edit never loses a note. An import is one transaction: all or nothing.

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
    const stored = await db.partners.bulkGet(imported.map((partner) => partner.id));
    const known = stored.filter((partner): partner is Partner => partner !== undefined);
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
  const known = row?.key === 'maps' ? row.value : {};
  await db.state.put({ key: 'maps', value: { ...known, [source.url]: source } });
}
