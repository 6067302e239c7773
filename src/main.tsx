// Composition root: open the database, connect the uploader, render the app.

import { render } from 'preact';
import { BalieDb } from './data/db';
import { connectSync } from './sync-link';
import { App } from './ui/App';

const db = new BalieDb();
const sync = connectSync(db);
const root = document.getElementById('app');
if (root) render(<App db={db} sync={sync} />, root);
