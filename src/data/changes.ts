// Which stores of the database changed, told to every live view: in this page, in other tabs
// and from the service worker. Dexie's writes are announced by db.ts (a middleware), the desk's
// own by desk-writes.ts; ui/hooks.ts `useLiveQuery` reads again what it watches. No Dexie here.

import * as z from 'zod/mini';
import type { StoreName } from './desk';

/** A store, or one key of the `state` store (`state:progress`); `state` alone means any key. */
export type Topic = StoreName | `state:${string}`;

/** A message from another context is parsed: it is only ever a hint to read again. */
const Change = z.object({
  db: z.string(),
  topics: z.array(z.custom<Topic>((topic) => typeof topic === 'string')),
});
type Change = z.infer<typeof Change>;

const CHANNEL = 'balie-changes';
const listeners = new Set<(change: Change) => void>();
let channel: BroadcastChannel | null | undefined;

/** The one channel of this page or worker, opened on first use (none where it is missing). */
function broadcast(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    if (channel) {
      channel.onmessage = (event: MessageEvent) => {
        const change = Change.safeParse(event.data);
        if (change.success) tell(change.data);
      };
    }
  }
  return channel;
}

/** Tells this context's views at once and every other context through the channel. */
export function announce(db: string, topics: readonly Topic[]): void {
  if (topics.length === 0) return;
  const change: Change = { db, topics: [...new Set(topics)] };
  tell(change);
  broadcast()?.postMessage(change);
}

/** Calls `listener` after every change of `db` that touches one of `topics`; returns the stop. */
export function watch(db: string, topics: readonly Topic[], listener: () => void): () => void {
  broadcast();
  const heard = (change: Change) => {
    if (change.db === db && touches(topics, change.topics)) listener();
  };
  listeners.add(heard);
  return () => listeners.delete(heard);
}

/** Whether a change of `changed` may change what a view watching `watched` shows. */
export function touches(watched: readonly Topic[], changed: readonly Topic[]): boolean {
  return watched.some((w) =>
    changed.some((c) => w === c || w.startsWith(`${c}:`) || c.startsWith(`${w}:`)),
  );
}

function tell(change: Change): void {
  for (const listener of listeners) listener(change);
}
