// The service worker: serves the app shell offline and uploads the outbox.
// Woken by Background Sync, periodic sync and the page's messages; the upload itself is
// src/data/sync.ts, shared with the page.

import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { PageMessage, type WorkerMessage } from '../src/core/upload/messages';
import type { SyncTrigger } from '../src/core/upload/outbox';
import { BalieDb } from '../src/data/db';
import { browserSyncDeps, runSync, SYNC_TAG, type SyncResult } from '../src/data/sync';
import type { PeriodicSyncEvent, SyncEvent } from './events';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

// What to cache: the built app, and every navigation answered by the app shell.
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }),
);

// A first visit is controlled at once, so it works offline after one load. Updates wait
// for the page to say so (it shows "Nieuwe versie"), so nothing changes under a form.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

let db: BalieDb | undefined;

async function sync(trigger: SyncTrigger): Promise<SyncResult> {
  db ??= new BalieDb();
  const fetchFn: typeof fetch = (input, init) => self.fetch(input, init);
  const result = await runSync(await browserSyncDeps(db, fetchFn, self.navigator.locks), trigger);
  await tellPages({ type: 'sync-finished', outcome: result.outcome, sent: result.sent });
  return result;
}

async function tellPages(message: WorkerMessage): Promise<void> {
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}

self.addEventListener('sync', (event: SyncEvent) => {
  if (event.tag !== SYNC_TAG) return;
  // Rejecting asks the browser to fire the sync again later, even with the app closed.
  event.waitUntil(
    sync('background-sync').then((result) => {
      if (result.outcome === 'failed') throw new Error('upload failed; the browser will retry');
    }),
  );
});

self.addEventListener('periodicsync', (event: PeriodicSyncEvent) => {
  if (event.tag === SYNC_TAG) event.waitUntil(sync('periodic-sync'));
});

self.addEventListener('message', (event) => {
  const message = PageMessage.safeParse(event.data);
  if (!message.success) return;
  switch (message.data.type) {
    case 'sync':
      event.waitUntil(sync(message.data.trigger));
      break;
    case 'skip-waiting':
      event.waitUntil(self.skipWaiting());
      break;
  }
});
