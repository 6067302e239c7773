// Starts the reference endpoint: the built app and the upload API on one port.
// Exit codes, for a supervisor (systemd Restart=on-failure): 0 after SIGINT/SIGTERM,
// 1 when it could not start or crashed (restart it), 78 for a setting it cannot use.

import { startServer } from './app';
import { ensureDevDevice, readConfig } from './config';

const EXIT_FAILURE = 1;
const EXIT_CONFIG = 78;

// A fault nobody caught leaves the process in an unknown state: stop, so the supervisor
// starts a clean one. Batches already answered are committed; an unanswered one is retried.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error) => {
    console.error(`Balie stopt na een onverwachte fout (${event}):`, error);
    process.exit(EXIT_FAILURE);
  });
}

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(EXIT_CONFIG);
}

const running = await startServer({
  databaseFile: config.databaseFile,
  port: config.port,
  host: config.host,
  staticDir: config.staticDir,
  log: config.log,
  limits: config.limits,
  bodyTimeoutMs: config.bodyTimeoutMs,
  ...(config.devDevice ? { devToken: (store) => ensureDevDevice(store, config.dataDir) } : {}),
}).catch((error: NodeJS.ErrnoException) => {
  const reason =
    error.code === 'EADDRINUSE'
      ? `Poort ${config.port} is al in gebruik. Stop het andere programma of kies een andere PORT.`
      : `Balie kon niet starten: ${error.message}`;
  console.error(reason);
  process.exit(EXIT_FAILURE);
});

console.log(`Balie draait op ${running.url}`);
console.log(`Gegevens: ${config.databaseFile}`);
if (config.devDevice) console.log('Ontwikkelapparaat gekoppeld: de app synchroniseert direct.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}
