// The shapes of Dexie's state rows: the uploader's retry state and progress, its batch rows, the
// answer lists and what the device knows of published maps. Read with parseStored
// (stored.ts): a damaged row gives its default. Each shape is checked against its type.

import * as z from 'zod/mini';
import { type Customisation, LIST_NAMES } from '../core/registration/catalogue';
import { ClientInfo } from '../core/upload/batch';
import { FAILURE_CODES, type RetryState } from '../core/upload/outbox';
import type { BatchRow, MapSourceState, Progress } from './db';
import { type Fits, Id, Ids, Moment, Text } from './stored';

export const StoredRetryState = z.object({
  attempts: z.number(),
  nextTryAt: Moment,
  waitUntil: Moment,
  blocked: z.boolean(),
  lastError: z.nullable(
    z.object({
      code: z.enum(FAILURE_CODES),
      status: z.exactOptional(z.number()),
      detail: z.exactOptional(Text),
      unanswered: z.exactOptional(z.number()),
      at: z.number(),
    }),
  ),
  lastSuccessAt: Moment,
  lastAttemptAt: Moment,
  batchLimit: z.int().check(z.gte(1)),
});

export const StoredProgress = z.object({
  sent: z.number(),
  total: z.number(),
  updatedAt: z.number(),
});

export const StoredCustomisation = z.object({
  revision: z.int().check(z.gte(0)),
  hidden: Ids,
  added: z.array(
    z.object({
      id: Id,
      label: Text,
      list: z.enum(LIST_NAMES),
      domain: z.exactOptional(Id),
      retired: z.exactOptional(z.literal(true)),
    }),
  ),
});

/** Versions 1–3: the envelope's client info, kept with the batch it went with. */
export const StoredBatchClient = z.object({ batchId: z.string(), client: ClientInfo });

/** A batch that may have been sent (db.ts `BatchRow`): sent again unchanged until answered. */
export const StoredBatchRow = z.object({
  batchId: z.string(),
  refs: z.array(z.tuple([z.string(), z.number()])).check(z.minLength(1)),
  client: z.exactOptional(ClientInfo),
});

const MapFailureShape = z.object({
  code: z.enum(['network', 'timeout', 'not-found', 'http', 'too-large', 'invalid']),
  detail: z.exactOptional(Text),
});

export const StoredMaps = z.record(
  z.string(),
  z.object({
    url: z.string(),
    etag: z.exactOptional(z.string()),
    bodyHash: z.exactOptional(z.string()),
    checkedAt: z.number(),
    importedAt: Moment,
    partners: z.number(),
    error: z.exactOptional(MapFailureShape),
  }),
);

const proofs: [
  Fits<z.infer<typeof StoredRetryState>, RetryState>,
  Fits<z.infer<typeof StoredProgress>, Progress>,
  Fits<z.infer<typeof StoredBatchRow>, BatchRow>,
  Fits<z.infer<typeof StoredCustomisation>, Customisation>,
  Fits<z.infer<typeof StoredMaps>, Readonly<Record<string, MapSourceState>>>,
] = [true, true, true, true, true];
void proofs;
