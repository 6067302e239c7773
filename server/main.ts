// Starts the reference endpoint: the built app and the upload API on one port.
// Exit codes, for a supervisor (systemd Restart=on-failure): 0 after SIGINT/SIGTERM,
// 1 when it could not start or crashed (restart it), 78 for a setting it cannot use.

import { startServer } from './app';
import {
  DEV_MANAGER,
  describeDatabase,
  devKoppelLink,
  ensureDevDevice,
  ensureDevManager,
  openConfiguredStore,
  readConfig,
} from './config';

const EXIT_FAILURE = 1;
const EXIT_CONFIG = 78;
/** How long requests in flight may take to finish after SIGTERM/SIGINT. */
const SHUTDOWN_GRACE_MS = 10_000;

// A fault nobody caught leaves the process in an unknown state: stop, so the supervisor
// starts a clean one. Batches already answered are committed; an unanswered one is retried.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error) => {
    console.error(`Balie stopt na een onverwachte fout (${event}):`, error);
    process.exit(EXIT_FAILURE);
  });
}

// Stop cleanly on a signal at any moment, also while still starting.
let stop: () => void = () => process.exit(0);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop());

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(EXIT_CONFIG);
}

const running = await openConfiguredStore(config)
  .then((store) =>
    startServer({
      store,
      port: config.port,
      host: config.host,
      staticDir: config.staticDir,
      log: config.log,
      limits: config.limits,
      bodyTimeoutMs: config.bodyTimeoutMs,
      trustProxy: config.trustProxy,
      ...(config.devDevice ? { devToken: (store) => ensureDevDevice(store, config.dataDir) } : {}),
    }),
  )
  .catch((error: NodeJS.ErrnoException): never => {
    const reason =
      error.code === 'EADDRINUSE'
        ? `Poort ${config.port} is al in gebruik. Stop het andere programma of kies een andere PORT.`
        : `Balie kon niet starten: ${error.message}`;
    console.error(reason);
    process.exit(EXIT_FAILURE);
  });
// A batch being stored when the signal comes is committed and answered first.
stop = () => void running.close(SHUTDOWN_GRACE_MS).then(() => process.exit(0));

console.log(`Gegevens: ${describeDatabase(config)}`);
if (config.devDeviceRefused) {
  console.warn('Geen ontwikkelapparaat: dat kan niet met NODE_ENV=production.');
}
if (running.devToken) {
  // Only the person who can read this console gets the token: it is never served over HTTP,
  // so no other machine, forwarded request or web page (DNS rebinding) can fetch it.
  console.log(
    'Ontwikkelapparaat (beheerder). Open deze koppellink in een browser op deze computer:',
  );
  console.log(devKoppelLink(running.url, running.devToken));
  // A new password at every start; only its hash is stored.
  const password = await ensureDevManager(running.store);
  console.log(
    `Beheerder (ontwikkeling): meld u aan op ${running.url} met naam "${DEV_MANAGER}" en wachtwoord ${password}`,
  );
}
// Last, so whoever waits for this line (a supervisor's log, the tests) has seen the rest.
console.log(`Balie draait op ${running.url}`);
