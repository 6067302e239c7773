// The page's side of syncing: registers the service worker and wakes the uploader on
// start, `online`, a visible tab, a timer, a save and the button. Where there is no
// service worker the page runs the same uploader itself, under the same Web Lock.
// workbox-window and the page's own uploader (with Dexie) load after the first page, when needed.

import type { Workbox } from 'workbox-window';
import { type PageMessage, WorkerMessage } from './core/upload/messages';
import { mayTryNow, type SyncTrigger } from './core/upload/outbox';
import type { BalieDb } from './data/db';
import type { Desk } from './data/desk';
import { countQueued, readRetryState } from './data/desk-reads';
import type { Locks } from './data/sync';
import { SYNC_TAG } from './data/sync-names';
import type { SyncLink } from './ui/hooks';

const TIMER_MS = 15_000;
const PERIODIC_SYNC_MS = 60 * 60_000;
const SAVE_QUIET_MS = 1_000;
const SAVE_WAIT_MAX_MS = 5_000;

/** Debug switches, read once at start: `?sw=off` (no service worker), `?bgsync=off`. */
const params = new URLSearchParams(location.search);
const useWorker =
  'serviceWorker' in navigator && params.get('sw') !== 'off' && !import.meta.env.DEV;
const useBackgroundSync = params.get('bgsync') !== 'off';

export function connectSync(desk: Desk, dexie: () => Promise<BalieDb>): SyncLink {
  const updateListeners = new Set<() => void>();
  const finishedListeners = new Set<(message: WorkerMessage) => void>();
  let registration: ServiceWorkerRegistration | undefined;
  let updateRequested = false;

  function registerWorker(workbox: Workbox): void {
    workbox.addEventListener('waiting', () => {
      for (const listener of updateListeners) listener();
    });
    // The new version takes over only when the user said so; then the page reloads into it.
    // (Drafts and records live in IndexedDB, so the reload loses nothing.)
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (updateRequested) location.reload();
    });
    navigator.serviceWorker.addEventListener('message', (event) => {
      const message = WorkerMessage.safeParse(event.data);
      if (message.success) for (const listener of finishedListeners) listener(message.data);
    });
    workbox
      .register()
      .then((registered) => {
        registration = registered;
        if (registered) void askPeriodicSync(registered);
      })
      .catch((error) => console.error('service worker registration failed', error));
  }
  if (useWorker) {
    void import('workbox-window')
      .then(({ Workbox }) => registerWorker(new Workbox('/sw.js')))
      .catch((error) => console.error('service worker registration failed', error));
  }

  function inPage(trigger: SyncTrigger): void {
    const locks: Locks = navigator.locks ?? {
      request: (_name, _options, callback) => callback({}),
    };
    void import('./data/sync')
      .then(async ({ browserSyncDeps, runSync }) =>
        runSync(
          await browserSyncDeps(await dexie(), (input, init) => fetch(input, init), locks),
          trigger,
        ),
      )
      .then((result) => {
        const message = { type: 'sync-finished', ...result } as const;
        for (const listener of finishedListeners) listener(message);
      });
  }

  // Saves come in bursts at a busy desk: the upload starts once the desk is quiet for a
  // moment (at most SAVE_WAIT_MAX_MS after the first save), so it never holds the stores a
  // save is writing to. Hiding the page sends at once.
  let pendingSave: { timer: ReturnType<typeof setTimeout>; since: number } | undefined;
  function wakeAfterSave(): void {
    const since = pendingSave?.since ?? Date.now();
    if (pendingSave) clearTimeout(pendingSave.timer);
    const wait = Math.min(SAVE_QUIET_MS, Math.max(0, since + SAVE_WAIT_MAX_MS - Date.now()));
    pendingSave = { since, timer: setTimeout(flushSave, wait) };
  }
  function flushSave(): void {
    if (!pendingSave) return;
    clearTimeout(pendingSave.timer);
    pendingSave = undefined;
    wakeNow('save');
  }

  function wake(trigger: SyncTrigger): void {
    if (trigger === 'save') wakeAfterSave();
    else wakeNow(trigger);
  }

  function wakeNow(trigger: SyncTrigger): void {
    if (trigger === 'save' || trigger === 'start') void askBackgroundSync();
    const controller = useWorker ? navigator.serviceWorker.controller : null;
    if (controller) {
      const message: PageMessage = { type: 'sync', trigger };
      controller.postMessage(message);
    } else {
      inPage(trigger);
    }
  }

  /** Background Sync fires even after the tab is closed, once the network is back. */
  async function askBackgroundSync(): Promise<void> {
    const sync = (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)
      ?.sync;
    if (!useBackgroundSync || !sync) return;
    try {
      if ((await countQueued(desk)) > 0) await sync.register(SYNC_TAG);
    } catch {
      // Not allowed here (for instance in a private window): the page's own triggers remain.
    }
  }

  /**
   * Periodic Background Sync wakes the worker now and then without the app open. Chromium
   * grants it only to installed apps; elsewhere this quietly does nothing.
   */
  async function askPeriodicSync(registered: ServiceWorkerRegistration): Promise<void> {
    const periodic = (
      registered as {
        periodicSync?: { register(tag: string, options: { minInterval: number }): Promise<void> };
      }
    ).periodicSync;
    if (!periodic) return;
    try {
      const permission = await navigator.permissions.query({
        name: 'periodic-background-sync' as PermissionName,
      });
      if (permission.state === 'granted') {
        await periodic.register(SYNC_TAG, { minInterval: PERIODIC_SYNC_MS });
      }
    } catch {
      // Not supported here: the other triggers remain.
    }
  }

  async function onTimer(): Promise<void> {
    if (document.visibilityState !== 'visible') return;
    if ((await countQueued(desk)) === 0) return;
    if (mayTryNow(await readRetryState(desk), 'timer', Date.now()).open) wake('timer');
  }

  window.addEventListener('online', () => wake('online'));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') wake('visible');
    else flushSave();
  });
  setInterval(() => void onTimer(), TIMER_MS);

  return {
    wake,
    onUpdate: (listener) => updateListeners.add(listener),
    applyUpdate: () => {
      const message: PageMessage = { type: 'skip-waiting' };
      updateRequested = true;
      registration?.waiting?.postMessage(message);
    },
    onFinished: (listener) => finishedListeners.add(listener),
  };
}
