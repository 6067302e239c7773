// The only messages the page and the service worker send each other.
// Pure. Both sides parse what they receive, so a stray postMessage is ignored, not obeyed.

import * as z from 'zod/mini';
import { SYNC_TRIGGERS } from './outbox';

export const SYNC_OUTCOMES = [
  'done',
  'nothing-to-send',
  'busy',
  'waiting',
  'failed',
  'not-enrolled',
] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];

/** Page → service worker. */
export const PageMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sync'), trigger: z.enum(SYNC_TRIGGERS) }),
  z.object({ type: z.literal('skip-waiting') }),
]);
export type PageMessage = z.infer<typeof PageMessage>;

/** Service worker → page. */
export const WorkerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sync-finished'), outcome: z.enum(SYNC_OUTCOMES), sent: z.int() }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessage>;
