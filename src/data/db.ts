// The device's database: every registration, the outbox of revisions to upload, sync state,
// and the partners of the sociale kaart. IndexedDB through Dexie; shared by the page and the
// service worker. Schema changes are new versions below, never edits of old ones, so an
// update never loses data.

import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type EntityTable,
  type Middleware,
  type Table,
} from 'dexie';
import type { ImportIssue } from '../core/partners/issues';
import type { Partner } from '../core/partners/partner';
import type { Customisation } from '../core/registration/catalogue';
import type { Favourite } from '../core/registration/quick-picks';
import type { VisitContent } from '../core/registration/schema';
import type { ClientInfo, UploadRecord } from '../core/upload/batch';
import type { RetryState } from '../core/upload/outbox';
import { announce, type Topic } from './changes';
import { batchRowsFromEntries, type KeyedByRef } from './db-batch-rows';
import { queueFromOutbox } from './db-queue';
import { DB_NAME, type Desk } from './desk';

export interface VisitRow {
  readonly id: string;
  /** The current revision; an edit after a revision left the device makes a new one. */
  readonly rev: number;
  readonly content: VisitContent;
  /** Local only, never uploaded: the sociale-kaart partner each question was referred to. */
  readonly partners: readonly (string | null)[];
  readonly createdAt: number;
  readonly updatedAt: number;
  /** 1 once deleted; kept until the tombstone is acknowledged. (Booleans are not keys.) */
  readonly deleted: 0 | 1;
  /**
   * Frozen revisions the row itself records (0 = none): those that left a batch without an
   * answer, and what was frozen when the row last changed. Revisions in an open batch, refused
   * or acknowledged are frozen too: registration-writes.ts `frozenRev` works it out.
   */
  readonly frozenRev: number;
  // Whether the endpoint has the visit is not stored here: it is "no outbox entry left".
}

export type OutboxState = 'queued' | 'rejected' | 'conflict';
export type LocalRefusal = 'too-large';

/**
 * One revision waiting for the endpoint. Its record never changes once it is in a batch (which
 * batch is the batch row's to say, not the entry's: taking a batch writes one row, not 200).
 */
export interface OutboxEntry {
  /**
   * Its place in the upload queue (the store's key, counted up by IndexedDB): a batch is a run
   * of neighbouring keys, read with one range read and, once acknowledged, deleted with one.
   */
  readonly seq: number;
  readonly id: string;
  readonly rev: number;
  readonly record: UploadRecord;
  readonly bytes: number;
  readonly queuedAt: number;
  readonly state: OutboxState;
  /** The endpoint's reason, for rejected and conflicting records. */
  readonly reason?: string;
  /** Why the device itself kept the record back, when it was not the endpoint. */
  readonly reasonCode?: LocalRefusal;
}

/**
 * A batch that may have been sent and is not answered yet: sent again with the same id, the
 * same records in the same order and the same client info until the endpoint answers it.
 */
export interface BatchRow {
  readonly batchId: string;
  /** Its outbox entries, [id, rev], in the order they are sent. */
  readonly refs: readonly (readonly [string, number])[];
  /** The envelope's client info; none for a batch an older version took but never sent. */
  readonly client?: ClientInfo;
}

/** The numbers of the latest upload run. Whether one runs now is the Web Lock's to say. */
export interface Progress {
  readonly sent: number;
  readonly total: number;
  readonly updatedAt: number;
}

/** What the device last heard from one published sociale kaart (the endpoint's, or a followed URL). */
export interface MapSourceState {
  readonly url: string;
  /** The validator to send back in If-None-Match. */
  readonly etag?: string;
  /** SHA-256 of the last body imported, to skip a followed map that did not change. */
  readonly bodyHash?: string;
  readonly checkedAt: number;
  /** When this map last arrived whole; null when it never did. */
  readonly importedAt: number | null;
  /** Partners in the map as last imported. */
  readonly partners: number;
  /** Why the last try failed; cleared by the next success. */
  readonly error?: MapFailure;
}

export interface MapFailure {
  readonly code: 'network' | 'timeout' | 'not-found' | 'http' | 'too-large' | 'invalid';
  /** The status code. */
  readonly detail?: string;
  /** The import's first problem, as a code the screen phrases. */
  readonly issue?: ImportIssue;
}

export type StateRow =
  | { readonly key: 'retry'; readonly value: RetryState }
  | { readonly key: 'progress'; readonly value: Progress }
  /** The answer lists: the organisation's, or (before it sent any) the branch's own changes. */
  | { readonly key: 'catalogue'; readonly value: Customisation }
  | { readonly key: 'favourites'; readonly value: readonly Favourite[] }
  /** Per published map URL: what the device last heard from it. */
  | { readonly key: 'maps'; readonly value: Readonly<Record<string, MapSourceState>> };

export class BalieDb extends Dexie {
  declare visits: EntityTable<VisitRow, 'id'>;
  /** The outbox: one entry per revision waiting for the endpoint, in queue order. */
  declare queue: EntityTable<OutboxEntry, 'seq'>;
  /** Version 4's outbox: kept, empty, for the previous version still running (db-queue.ts). */
  declare outbox: Table<KeyedByRef, [string, number]>;
  declare state: EntityTable<StateRow, 'key'>;
  declare batches: EntityTable<BatchRow, 'batchId'>;
  declare partners: EntityTable<Partner, 'id'>;
  /** The same database through plain IndexedDB, for desk-reads.ts and desk-writes.ts. */
  readonly desk: Desk;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      visits: 'id, content.day, updatedAt',
      outbox: '[id+rev], id, state, queuedAt',
      state: 'key',
    });
    // The sociale kaart. `*topics` finds the partners for a question's topic without a scan.
    this.version(2).stores({ partners: 'id, name, *topics' });
    // The uploader takes the oldest queued entries and finds an interrupted batch through
    // indexes, instead of reading the whole outbox for every batch. (Null batch ids are not
    // indexed, so `batchId` lists exactly the entries that are in a batch.)
    this.version(3).stores({
      outbox: '[id+rev], id, state, queuedAt, batchId, [state+queuedAt]',
    });
    // A batch is one row (its id and its entries) instead of a batch id on each entry: taking
    // and answering a batch write one row, not one per record. Entries of an older version's
    // unanswered batch become that batch's row, so the update sends it again unchanged.
    this.version(4)
      .stores({
        outbox: '[id+rev], id, state, queuedAt, [state+queuedAt]',
        batches: 'batchId',
      })
      .upgrade(batchRowsFromEntries);
    // The outbox in queue order: keyed by a number IndexedDB counts up, so the oldest entries
    // are one key range (a batch is read and deleted with one request each, not one per
    // record); (id, rev) stays unique through its index. Entries move over in upload order.
    // The old store stays as it was (see db-queue.ts), so it is not named here.
    this.version(5).stores({ queue: '++seq, &[id+rev], id, state' }).upgrade(queueFromOutbox);
    this.use(announceChanges(name));
    // desk.ts's SCHEMA_VERSION names the last version above (a unit test holds them together).
    this.desk = {
      name,
      connect: async () => {
        if (!this.isOpen()) await this.open();
        return this.backendDB();
      },
    };
  }
}

/** Makes or upgrades database `name` to the schema above, for desk.ts, and closes it again. */
export async function prepareSchema(name: string): Promise<void> {
  const db = new BalieDb(name);
  await db.open();
  db.close();
}

/**
 * Every write through Dexie, announced once its transaction is committed (changes.ts), so the
 * views re-read what they show, in this page, other tabs and from the worker.
 */
function announceChanges(db: string): Middleware<{ stack: 'dbcore' } & DBCore> {
  const pending = new WeakMap<object, Topic[]>();
  return {
    stack: 'dbcore',
    name: 'announce-changes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: async (request) => {
            const result = await table.mutate(request);
            const topics = topicsOf(name, request);
            const trans = request.trans as Partial<IDBTransaction>;
            const known = pending.get(trans);
            if (known) known.push(...topics);
            else if (typeof trans.addEventListener === 'function') {
              pending.set(trans, topics);
              trans.addEventListener('complete', () => announce(db, pending.get(trans) ?? []));
            } else announce(db, topics);
            return result;
          },
        };
      },
    }),
  };
}

/** What a write changes: its store, or for `state` the keys it wrote when they are known. */
function topicsOf(table: string, request: DBCoreMutateRequest): Topic[] {
  if (table !== 'state') return [table as Topic];
  const keys =
    request.type === 'deleteRange' || ('criteria' in request && request.criteria)
      ? null
      : request.type === 'delete'
        ? request.keys
        : request.values.map((value: { key?: unknown }) => value.key);
  return keys?.every((key) => typeof key === 'string')
    ? keys.map((key): Topic => `state:${key}`)
    : ['state'];
}
