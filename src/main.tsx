// Composition root: open the database, connect the uploader and the published maps, render.

import { render } from 'preact';
import { BalieDb } from './data/db';
import { connectMaps } from './map-link';
import { connectSync } from './sync-link';
import { App } from './ui/App';

const db = new BalieDb();
const sync = connectSync(db);
const maps = connectMaps(db);
const root = document.getElementById('app');
if (root) render(<App db={db} sync={sync} maps={maps} />, root);
