// Every write of a registration: changing and deleting visits, and retrying a refused one (also
// with another location, when the endpoint did not know the one it had). Saving a new visit is
// desk-writes.ts's (plain IndexedDB, for the first page); the answer lists are list-writes.ts's.
//
// This file and upload-writes.ts keep the promise "nothing the UI called saved is lost, and
// the endpoint ends up with exactly one copy of each revision". The rules, each applied
// inside one IndexedDB transaction:
//  - Saving a visit writes the visit and its first outbox entry together.
//  - An outbox entry that was put in a batch is frozen: the endpoint may already have it.
//    Editing or deleting after that makes a new revision (a delete, a tombstone), so an
//    upload in flight is never changed underneath. Before that, edits simply replace.
//    Which revisions are frozen is worked out here (`frozenRev`), from the open batch rows
//    and the outbox: taking a batch writes one batch row, not every visit in it.
// No network call ever happens inside a transaction (Dexie would commit early).

import type { RecordRef } from '../core/upload/outbox';
import type { BalieDb, OutboxEntry, VisitRow } from './db';
import { entryFor, type VisitInput } from './desk-writes';

export type { VisitInput } from './desk-writes';

/** Changes a visit: in place while unsent, as a new revision once a batch took it. */
export function editVisit(
  db: BalieDb,
  input: VisitInput,
  now: number,
): Promise<'saved' | 'missing'> {
  return db.transaction('rw', db.visits, db.queue, db.batches, async () => {
    const visit = await current(db, input.id);
    if (!visit || visit.row.deleted) return 'missing';
    const next: VisitRow = {
      ...visit.row,
      content: input.content,
      partners: input.partners,
      rev: nextRev(visit),
      updatedAt: now,
    };
    await replaceRevision(db, visit, next, now);
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
  return db.transaction('rw', db.visits, db.queue, db.batches, async () => {
    const visit = await current(db, id);
    if (!visit || visit.row.deleted) return 'missing';
    if (visit.frozen === 0) {
      await db.queue.where('id').equals(id).delete();
      await db.visits.delete(id);
      return 'removed';
    }
    const next: VisitRow = { ...visit.row, rev: nextRev(visit), deleted: 1, updatedAt: now };
    await replaceRevision(db, visit, next, now);
    return 'tombstoned';
  });
}

/** Sends a refused record again, as a new revision so it cannot conflict with itself. */
export function retryRefused(db: BalieDb, ref: RecordRef, now: number): Promise<boolean> {
  return db.transaction('rw', db.visits, db.queue, db.batches, async () => {
    const entry = await db.queue.get({ id: ref.id, rev: ref.rev });
    const visit = await current(db, ref.id);
    if (!entry || entry.state === 'queued' || !visit) return false;
    const rev = Math.max(visit.row.rev, visit.frozen) + 1;
    await replaceRevision(db, visit, { ...visit.row, rev, updatedAt: now }, now);
    return true;
  });
}

/**
 * Sends a refused visit again at another location (its id): the endpoint did not know the
 * location it had (a branch name from before locations had ids, or a closed location). Like
 * any retry it is a new revision, and the visit itself keeps the new location from now on.
 */
export function retryWithLocation(
  db: BalieDb,
  ref: RecordRef,
  location: string,
  now: number,
): Promise<boolean> {
  return db.transaction('rw', db.visits, db.queue, db.batches, async () => {
    const entry = await db.queue.get({ id: ref.id, rev: ref.rev });
    const visit = await current(db, ref.id);
    if (!entry || entry.state === 'queued' || !visit || visit.row.deleted) return false;
    const next: VisitRow = {
      ...visit.row,
      content: { ...visit.row.content, location },
      rev: Math.max(visit.row.rev, visit.frozen) + 1,
      updatedAt: now,
    };
    await replaceRevision(db, visit, next, now);
    return true;
  });
}

/** A stored visit, its outbox entries, and the highest revision of it that is frozen. */
interface Current {
  readonly row: VisitRow;
  readonly entries: readonly OutboxEntry[];
  readonly frozen: number;
}

async function current(db: BalieDb, id: string): Promise<Current | undefined> {
  const row = await db.visits.get(id);
  if (!row) return undefined;
  const entries = await db.queue.where('id').equals(id).toArray();
  return { row, entries, frozen: await frozenRev(db, row, entries) };
}

/**
 * The highest revision of a visit that the endpoint may have (0: none). A revision is frozen
 * from the moment a batch takes it: while it is in an open batch (its batch row lists it),
 * once refused (the endpoint saw it), once acknowledged (its entry is gone), and after a batch
 * closed without an answer for it (upload-writes.ts marks the row's frozenRev then). A changed
 * row keeps what was frozen in its own frozenRev.
 */
async function frozenRev(
  db: BalieDb,
  row: VisitRow,
  entries: readonly OutboxEntry[],
): Promise<number> {
  let frozen = row.frozenRev;
  if (!entries.some((entry) => entry.rev === row.rev)) frozen = Math.max(frozen, row.rev);
  for (const entry of entries) {
    if (entry.state !== 'queued') frozen = Math.max(frozen, entry.rev);
  }
  await db.batches.each((batch) => {
    for (const [id, rev] of Array.isArray(batch.refs) ? batch.refs : []) {
      if (id === row.id) frozen = Math.max(frozen, rev);
    }
  });
  return frozen;
}

/** The edit rule: a revision not yet in a batch may be replaced; a frozen one never. */
function nextRev({ row, frozen }: Current): number {
  return row.rev > frozen ? row.rev : row.rev + 1;
}

async function replaceRevision(db: BalieDb, visit: Current, next: VisitRow, now: number) {
  // Superseded: the unfrozen entry of the old revision, and refused entries the endpoint
  // never stored. Frozen, queued entries stay: the endpoint may be missing them.
  const superseded = visit.entries.filter(
    (entry) => entry.rev > visit.frozen || entry.state !== 'queued',
  );
  await db.queue.bulkDelete(superseded.map((entry) => entry.seq));
  await db.visits.put({ ...next, frozenRev: Math.max(next.frozenRev, visit.frozen) });
  await db.queue.add(entryFor(next, now));
}
