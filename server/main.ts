// Starts the reference endpoint: the built app and the upload API on one port.

import { startServer } from './app';
import { ensureDevDevice, readConfig } from './config';

const config = readConfig();
const running = await startServer({
  databaseFile: config.databaseFile,
  port: config.port,
  host: config.host,
  staticDir: config.staticDir,
  log: config.log,
  ...(config.devDevice ? { devToken: (store) => ensureDevDevice(store, config.dataDir) } : {}),
});

console.log(`Balie draait op ${running.url}`);
console.log(`Gegevens: ${config.databaseFile}`);
if (config.devDevice) console.log('Ontwikkelapparaat gekoppeld: de app synchroniseert direct.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}
