// The page's side of keeping the sociale kaart in step: refreshes the published maps on
// start, when the connection returns and when asked. The import code (HSDS reading) loads
// only when a refresh runs, so it never weighs on the first page.

import type { Device } from './core/upload/enrolment';
import type { BalieDb } from './data/db';
import type { MapRefresh } from './data/map-refresh';
import { readFollowedMap } from './data/settings';
import type { MapLink } from './ui/hooks';

export function connectMaps(dexie: () => Promise<BalieDb>): MapLink {
  let running: Promise<MapRefresh[]> | null = null;

  /** Refreshes every map this device follows, one at a time; a second call joins the first. */
  function refresh(device: Device): Promise<MapRefresh[]> {
    running ??= (async () => {
      const [sync, db] = await Promise.all([import('./data/map-refresh'), dexie()]);
      const followed = await readFollowedMap();
      const results: MapRefresh[] = [];
      for (const source of sync.mapSources(device.endpoint, followed ?? undefined)) {
        results.push(
          await sync.refreshMap(db, source, (input, init) => fetch(input, init), Date.now()),
        );
      }
      return results;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  /** Refreshes now (when online) and whenever the connection returns; returns the cleanup. */
  function watch(device: Device): () => void {
    const onOnline = () => {
      if (navigator.onLine) void refresh(device).catch((error) => console.error(error));
    };
    onOnline();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }

  return { refresh, watch };
}
