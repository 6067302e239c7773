// Composition root: the database (plain IndexedDB for the first page, Dexie loaded when a
// screen or the uploader first needs it), the uploader and the published maps, then render.

import { render } from 'preact';
import type { BalieDb } from './data/db';
import { openDesk } from './data/desk';
import { connectMaps } from './map-link';
import { connectSync } from './sync-link';
import { App } from './ui/App';

const desk = openDesk();
let loading: Promise<BalieDb> | undefined;
/** Dexie and the schema, loaded once; a failed load (an update half-installed) is tried again. */
const dexie = () => {
  loading ??= import('./data/db')
    .then(({ BalieDb }) => new BalieDb())
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
};
const sync = connectSync(desk, dexie);
const maps = connectMaps(dexie);
const root = document.getElementById('app');
if (root) render(<App desk={desk} dexie={dexie} sync={sync} maps={maps} />, root);
