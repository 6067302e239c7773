// The reference endpoint: dispatches /api requests to the route modules in routes/ (batches,
// the map, sessions, the organisation, devices, reports), the built app everywhere else, and starts
// the HTTP server. Every request is checked before anything is stored; a bad one gets a
// Dutch reason.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from './context';
import { sendJson } from './http';
import { DEFAULT_LIMITS, type Limits, tokenBuckets } from './limits';
import { batchRoutes } from './routes/batches';
import { deviceRoutes } from './routes/devices';
import { mapRoutes } from './routes/map';
import { organisationRoutes } from './routes/organisation';
import { reportRoutes } from './routes/reports';
import { sessionRoutes } from './routes/session';
import type { Handler, Routes } from './routes/types';
import { serveStatic } from './static';
import { openSqliteStore, type Store } from './store';

export { MAX_BODY_BYTES } from './routes/batches';
export { MAX_MAP_BYTES } from './routes/map';
/**
 * A body must have arrived this long after its request did, or it is answered 408: the app
 * gives up on an upload after 30 s itself, so a slower body is one nobody waits for.
 */
export const BODY_TIMEOUT_MS = 30_000;

export interface AppOptions {
  readonly store: Store;
  /** The built app (dist/); omitted when the endpoint only serves the API. */
  readonly staticDir?: string;
  readonly log?: boolean;
  /** Defaults to BODY_TIMEOUT_MS; tests make it short. */
  readonly bodyTimeoutMs?: number;
  /** Defaults to DEFAULT_LIMITS. */
  readonly limits?: Partial<Limits>;
  /**
   * Behind a reverse proxy on this machine (for TLS) every request comes from 127.0.0.1; with
   * this on, the address the limits count is the last one the proxy put in X-Forwarded-For.
   */
  readonly trustProxy?: boolean;
  /** The clock (ms); tests pass a fake one. */
  readonly now?: () => number;
  /** How a slowed sign-in waits; tests record the waits instead. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export function createApp(options: AppOptions) {
  const { store } = options;
  const now = options.now ?? Date.now;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const ctx: Context = {
    store,
    limits,
    now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    authFailures: tokenBuckets(limits.authFailuresPerMinute, now),
    tokenUse: tokenBuckets(limits.requestsPerMinute, now),
    trustProxy: options.trustProxy === true,
    bodyTimeoutMs: options.bodyTimeoutMs ?? BODY_TIMEOUT_MS,
  };
  const modules = [
    batchRoutes(ctx),
    mapRoutes(ctx),
    organisationRoutes(ctx),
    deviceRoutes(ctx),
    reportRoutes(ctx),
    { exact: sessionRoutes(ctx) },
    { exact: { 'GET /api/health': (_req, res) => health(res) } as Routes['exact'] },
  ];
  const exact = new Map<string, Handler>();
  for (const module of modules) {
    for (const [route, handler] of Object.entries(module.exact)) exact.set(route, handler);
  }
  const patterns = modules.flatMap((module) =>
    'patterns' in module ? (module.patterns ?? []) : [],
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const handler = exact.get(`${req.method} ${path}`);
    if (handler) return handler(req, res);
    let pathKnown = false;
    for (const [method, pattern, paramHandler] of patterns) {
      const match = pattern.exec(path);
      if (!match) continue;
      if (method === req.method) return paramHandler(req, res, match[1] ?? '');
      pathKnown = true;
    }
    if (pathKnown || path === '/api/map/versions') {
      return sendJson(res, 405, { error: 'Deze methode wordt niet ondersteund.' });
    }
    if (url.pathname.startsWith('/api/')) {
      return sendJson(res, 404, { error: 'Dit adres bestaat niet op de server.' });
    }
    if (options.staticDir && (req.method === 'GET' || req.method === 'HEAD')) {
      return serveStatic(options.staticDir, url.pathname, req, res);
    }
    return sendJson(res, 405, { error: 'Deze methode wordt niet ondersteund.' });
  }

  /**
   * For a supervisor or load balancer: 200 only when the database answers and is still the
   * file on disk (a data directory deleted under a running server would swallow every batch).
   */
  async function health(res: ServerResponse): Promise<void> {
    const problem = await store.healthProblem();
    if (problem === undefined) sendJson(res, 200, { ok: true });
    else sendJson(res, 503, { ok: false, error: problem });
  }

  return async function requestListener(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    try {
      await handle(req, res);
    } catch (error) {
      // A client that hangs up mid-request is the network's doing, not a server fault.
      if (!req.destroyed && !req.readableAborted) {
        console.error('request failed', req.method, logPath(req), error);
      }
      if (!res.headersSent) sendJson(res, 500, { error: 'Er ging iets mis op de server.' });
      else res.destroy();
    } finally {
      if (options.log) {
        const ms = (performance.now() - started).toFixed(1);
        console.log(`${req.method} ${logPath(req)} ${res.statusCode} ${ms}ms`);
      }
    }
  };
}

/** The path only: a query string could hold anything a client put there. */
function logPath(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0] ?? '/';
}

export interface RunningServer {
  readonly url: string;
  /** The development device's token, when one was asked for: never served over HTTP. */
  readonly devToken: string | undefined;
  readonly store: Store;
  readonly server: Server;
  /** Stops taking requests; those in flight get `graceMs` (default 0) to finish. */
  close(graceMs?: number): Promise<void>;
}

/** Wraps every request; tests use it to inject faults in front of the real endpoint. */
export type RequestHook = (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => Promise<void>,
) => Promise<void>;

export interface StartOptions {
  /** The SQLite file to open, unless `store` is given. */
  readonly databaseFile?: string;
  /** A store opened already (tests open theirs in one place); closed with the server. */
  readonly store?: Store;
  readonly hook?: RequestHook;
  readonly port?: number;
  readonly host?: string;
  readonly staticDir?: string;
  /** Makes the development device at start; main prints its koppellink on the console. */
  readonly devToken?: (store: Store) => Promise<string | undefined>;
  readonly log?: boolean;
  readonly bodyTimeoutMs?: number;
  /** How long a connection may take to send a request's headers; tests shorten it. */
  readonly headersTimeoutMs?: number;
  readonly limits?: Partial<Limits>;
  readonly trustProxy?: boolean;
  /** The clock (ms); tests pass a fake one for 24 hours, 180 days and lockouts. */
  readonly now?: () => number;
  /** How a slowed sign-in waits; tests record the waits instead of waiting. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Starts the endpoint in this process (tests and benchmarks do this too). */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const store = options.store ?? (await openSqliteStore(databaseFile(options), options));
  let devToken: string | undefined;
  try {
    devToken = await options.devToken?.(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  const bodyTimeoutMs = options.bodyTimeoutMs ?? BODY_TIMEOUT_MS;
  const app = createApp({
    store,
    bodyTimeoutMs,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.trustProxy ? { trustProxy: true } : {}),
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
    ...(options.log ? { log: true } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const { hook } = options;
  const server = createServer(
    {
      // Node's own backstop for requests the routes never see whole (slow headers): checked
      // every second instead of every 30, so a stalled request is answered within seconds.
      headersTimeout: options.headersTimeoutMs ?? Math.min(20_000, bodyTimeoutMs + 10_000),
      requestTimeout: bodyTimeoutMs + 10_000,
      connectionsCheckingInterval: 1000,
    },
    hook ? (req, res) => void hook(req, res, () => app(req, res)) : app,
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? '408 Request Timeout'
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? '431 Request Header Fields Too Large'
          : '400 Bad Request';
    // As Node's own handler does: no second answer on a socket whose reply already began
    // (a refused request whose unread body the parser then chokes on).
    const answering = (socket as { _httpMessage?: ServerResponse })._httpMessage;
    if (answering && !answering.headersSent && !answering.writableEnded && socket.writable) {
      // The request before the garbage is still being answered (handlers await the
      // database): that answer goes out first, and then the connection closes.
      answering.setHeader('connection', 'close');
      return;
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      // Mostly a connection a browser opened ahead and left unused. Closed whole, as Node's own
      // handler does: half-closed (end), it went on reading, and a request the browser sent on
      // it just then was carried out with no way left to answer it. The browser, without an
      // answer, sent it again on a new connection: a saved change came back as a conflict
      // (PUT /api/catalogue, 412). Now that request is never read, and its repeat is the only one.
      if (socket.writable && !answering?.headersSent) {
        socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      }
      socket.destroy();
      return;
    }
    if (socket.writable && !answering?.headersSent) {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    } else socket.destroy();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    devToken,
    store,
    server,
    close: (graceMs = 0) =>
      new Promise<void>((resolve, reject) => {
        server.close(() => {
          clearTimeout(cutOff);
          clearInterval(idle);
          store.close().then(resolve, reject);
        });
        // Keep-alive connections go as soon as they are idle; requests in flight get
        // `graceMs` to finish (a batch being stored is committed and answered).
        server.closeIdleConnections();
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        const cutOff = setTimeout(() => server.closeAllConnections(), graceMs);
      }),
  };
}

function databaseFile(options: StartOptions): string {
  if (options.databaseFile === undefined) throw new Error('startServer needs a store or a file');
  return options.databaseFile;
}
