// What the endpoint answers to a batch: a result per record (accepted, duplicate, rejected,
// conflict, with a reason), or an error a person can read. Pure zod/mini schemas shared by the
// page, the service worker and the server.

import * as z from 'zod/mini';

export const RESULT_STATUSES = ['accepted', 'duplicate', 'rejected', 'conflict'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export const RecordResult = z.object({
  id: z.nullable(z.string()),
  rev: z.nullable(z.int()),
  status: z.enum(RESULT_STATUSES),
  reason: z.optional(z.string().check(z.maxLength(2000))),
});
export type RecordResult = z.infer<typeof RecordResult>;

/** The full reply of an endpoint that answers per record. */
export const BatchReply = z.object({ results: z.array(RecordResult) });
export type BatchReply = z.infer<typeof BatchReply>;

/** Error replies carry a reason a person can read. */
export const ErrorReply = z.object({ error: z.string() });
