// What travels to the endpoint: visit revisions and tombstones and the batch envelope (what
// comes back is reply.ts). Pure zod/mini schemas shared by the page, the service worker and the
// server. Records are strict: an unknown field could carry personal data, so it is refused.

import * as z from 'zod/mini';
import { VisitContent } from '../registration/schema';

const RecordId = z.uuid();
const Rev = z.int().check(z.gte(1), z.lte(1_000_000));

/** A live revision of a visit, as uploaded. */
export const VisitRecord = z.extend(VisitContent, { id: RecordId, rev: Rev });
export type VisitRecord = z.infer<typeof VisitRecord>;

/** A deletion after upload: a new revision that says the visit is gone. */
export const Tombstone = z.strictObject({ id: RecordId, rev: Rev, deleted: z.literal(true) });
export type Tombstone = z.infer<typeof Tombstone>;

export type UploadRecord = VisitRecord | Tombstone;

export function isTombstone(record: UploadRecord): record is Tombstone {
  return 'deleted' in record;
}

/** Parses one record; tombstones are told apart by `deleted: true`. */
export function parseUploadRecord(value: unknown) {
  const isDeletion =
    typeof value === 'object' &&
    value !== null &&
    (value as { deleted?: unknown }).deleted === true;
  return isDeletion ? Tombstone.safeParse(value) : VisitRecord.safeParse(value);
}

export const MAX_RECORDS_PER_BATCH = 500;

/**
 * Record shape version 2 (protocol version 2): a live record's `location` is the id (UUID) of
 * one of the organisation's locations. Version 1 records carry the branch name as free text;
 * the endpoint maps a known name to its id and refuses the record otherwise (never drops it).
 */
export const RECORD_SHAPE_VERSION = 2;

/** What the app tells the endpoint about itself with a batch (optional; for the Devices screen). */
export const ClientInfo = z.strictObject({
  version: z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[\w.+-]+$/)),
  unsent: z.int().check(z.gte(0), z.lte(10_000_000)),
});
export type ClientInfo = z.infer<typeof ClientInfo>;

/** The batch envelope. Records are checked one by one, so one bad record spoils nothing else. */
export const BatchEnvelope = z.strictObject({
  batchId: z.uuid(),
  deviceId: z.uuid(),
  records: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_RECORDS_PER_BATCH)),
  client: z.optional(ClientInfo),
});

export interface Batch {
  readonly batchId: string;
  readonly deviceId: string;
  readonly records: readonly UploadRecord[];
  readonly client?: ClientInfo;
}
