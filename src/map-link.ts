// The page's side of keeping the sociale kaart in step: refreshes the published maps on
// start, when the connection returns and when asked. The import code (HSDS reading) loads
// only when a refresh runs, so it never weighs on the first page.

import type { Device } from './core/upload/enrolment';
import type { BalieDb } from './data/db';
import { readSetting } from './data/device';
import type { MapRefresh } from './data/map-sync';

let running: Promise<MapRefresh[]> | null = null;

/** Refreshes every map this device follows, one at a time; a second call joins the first. */
export function refreshMaps(db: BalieDb, device: Device): Promise<MapRefresh[]> {
  running ??= (async () => {
    const sync = await import('./data/map-sync');
    const followed = await readSetting<string>(sync.FOLLOW_SETTING);
    const results: MapRefresh[] = [];
    for (const source of sync.mapSources(device.endpoint, followed)) {
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
export function watchMaps(db: BalieDb, device: Device): () => void {
  const refresh = () => {
    if (navigator.onLine) void refreshMaps(db, device).catch((error) => console.error(error));
  };
  refresh();
  window.addEventListener('online', refresh);
  return () => window.removeEventListener('online', refresh);
}
