// The device's database: every registration, the outbox of revisions to upload, sync state.
// IndexedDB through Dexie; shared by the page and the service worker. Schema changes
// are new versions below, never edits of old ones, so an update never loses data.

import Dexie, { type EntityTable, type Table } from 'dexie';
import type { RetryState } from '../core/outbox';
import type { UploadRecord, VisitContent } from '../core/schema';

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
  /** Highest revision that was ever put in a batch (maybe delivered); 0 = none. */
  readonly frozenRev: number;
  /** Highest revision the endpoint acknowledged; 0 = none. */
  readonly ackedRev: number;
}

export type OutboxState = 'queued' | 'rejected' | 'conflict';

/** One revision waiting for the endpoint. Its record never changes once it is in a batch. */
export interface OutboxEntry {
  readonly id: string;
  readonly rev: number;
  readonly record: UploadRecord;
  readonly bytes: number;
  readonly queuedAt: number;
  readonly state: OutboxState;
  /** The endpoint's reason, for rejected and conflicting records. */
  readonly reason?: string;
  /** Set while the entry is in a batch that may have been sent; null otherwise. */
  readonly batchId: string | null;
}

/** The numbers of the latest upload run. Whether one runs now is the Web Lock's to say. */
export interface Progress {
  readonly sent: number;
  readonly total: number;
  readonly updatedAt: number;
}

export type StateRow =
  | { readonly key: 'retry'; readonly value: RetryState }
  | { readonly key: 'progress'; readonly value: Progress };

export class BalieDb extends Dexie {
  declare visits: EntityTable<VisitRow, 'id'>;
  declare outbox: Table<OutboxEntry, [string, number]>;
  declare state: EntityTable<StateRow, 'key'>;

  constructor(name = 'balie') {
    super(name);
    this.version(1).stores({
      visits: 'id, content.day, updatedAt',
      outbox: '[id+rev], id, state, queuedAt',
      state: 'key',
    });
  }
}
