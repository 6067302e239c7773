// The reference endpoint's routes: the upload API and the published sociale kaart under /api,
// the built app everywhere else. Every request is checked before anything is stored; a bad
// one gets a Dutch reason.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BatchEnvelope } from '../src/core/upload/batch';
import { readBody, refuse, sendJson, TooLarge, TooSlow } from './http';
import { DEFAULT_LIMITS, type Limits, tokenBuckets } from './limits';
import { checkMap } from './map-body';
import { describeIssues } from './reasons';
import { serveStatic } from './static';
import {
  type MapPrecondition,
  type MapWrite,
  openStore,
  type PublishedMap,
  type Store,
  sha256,
} from './store';

export const MAX_BODY_BYTES = 1024 * 1024;
/** A published map: thousands of partners fit; a mistake (a whole database dump) does not. */
export const MAX_MAP_BYTES = 5 * 1024 * 1024;
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
}

export function createApp(options: AppOptions) {
  const { store } = options;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const authFailures = tokenBuckets(limits.authFailuresPerMinute);
  const tokenUse = tokenBuckets(limits.requestsPerMinute);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const route = `${req.method} ${path}`;
    const versions = /^\/api\/map\/versions(?:\/(\d{1,9})(\/restore)?)?$/.exec(path);
    if (versions) {
      const [, number, restore] = versions;
      if (req.method === 'GET' && number === undefined) return listMapVersions(req, res);
      if (req.method === 'GET' && !restore) return sendMapVersion(req, res, Number(number));
      if (req.method === 'POST' && restore) return restoreMap(req, res, Number(number));
      return sendJson(res, 405, { error: 'Deze methode wordt niet ondersteund.' });
    }
    switch (route) {
      case 'POST /api/batches':
        return receiveBatch(req, res);
      case 'GET /api/health':
        return health(res);
      case 'GET /api/device':
        return whoAmI(req, res);
      case 'PUT /api/map':
        return publishMap(req, res);
      case 'GET /api/map':
      case 'HEAD /api/map':
        return sendMap(req, res);
      case 'OPTIONS /api/map':
        return allowMapReaders(res);
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
   * The device a request's token belongs to; otherwise answers (401, or 429 while this address
   * has failed too often or the token is used too fast) and reads nothing more. While an
   * address is blocked even a right token gets 429, so a guess cannot be told from a hit.
   */
  function authorisedDevice(
    req: IncomingMessage,
    res: ServerResponse,
    unknown = 'Dit apparaat is niet (meer) gekoppeld. Koppel het opnieuw met een nieuwe code.',
  ) {
    const address = clientAddress(req, options.trustProxy === true);
    const blocked = authFailures.check(address);
    if (!blocked.ok) {
      tooMany(req, res, blocked.retryAfter, TOO_MANY_FAILURES);
      return undefined;
    }
    const device = store.deviceForToken(bearerToken(req) ?? '');
    if (!device) {
      authFailures.take(address);
      refuse(req, res, 401, { error: unknown }, { 'www-authenticate': 'Bearer' });
      return undefined;
    }
    const use = tokenUse.take(device.id);
    if (!use.ok) {
      tooMany(req, res, use.retryAfter, TOO_MANY_REQUESTS);
      return undefined;
    }
    return device;
  }

  function tooMany(req: IncomingMessage, res: ServerResponse, seconds: number, error: string) {
    refuse(req, res, 429, { error }, { 'retry-after': String(seconds) });
  }

  /**
   * The request body; or undefined after answering 413 when it is over `limit` bytes, or 408
   * when it did not arrive in time. Either way the rest of the body is not read.
   */
  async function limitedBody(
    req: IncomingMessage,
    res: ServerResponse,
    limit: number,
    tooLarge: string,
  ): Promise<string | undefined> {
    try {
      return await readBody(req, limit, options.bodyTimeoutMs ?? BODY_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof TooLarge) refuse(req, res, 413, { error: tooLarge });
      else if (error instanceof TooSlow) refuse(req, res, 408, { error: TOO_SLOW });
      else throw error;
      return undefined;
    }
  }

  async function receiveBatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const device = authorisedDevice(req, res);
    if (!device) return;
    // Every batch leaves a stored reply (for replays); a device that keeps sending records
    // the server rejects would otherwise fill the disk.
    const since = new Date(Date.now() - DAY_MS).toISOString();
    if (store.replyBytesSince(device.id, since) >= limits.replyBytesPerDay) {
      return tooMany(req, res, QUOTA_RETRY_SECONDS, OVER_QUOTA);
    }
    const text = await limitedBody(
      req,
      res,
      MAX_BODY_BYTES,
      'De batch is groter dan 1 MB. Stuur minder tegelijk.',
    );
    if (text === undefined) return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return sendJson(res, 400, { error: 'De inhoud is geen geldige JSON.' });
    }
    const envelope = BatchEnvelope.safeParse(json);
    if (!envelope.success) {
      return sendJson(res, 400, { error: describeIssues(envelope.error.issues) });
    }
    const { batchId, records } = envelope.data;
    const key = req.headers['idempotency-key'];
    if (key !== undefined && String(key).toLowerCase() !== batchId.toLowerCase()) {
      return sendJson(res, 400, { error: 'Idempotency-Key moet gelijk zijn aan batchId.' });
    }
    const outcome = store.ingest(batchId, device.id, sha256(text), records);
    if (outcome.kind === 'key-reused') {
      return sendJson(res, 422, {
        error: 'Deze batchId is al gebruikt voor een andere inhoud. Gebruik een nieuwe batchId.',
      });
    }
    if (outcome.replayed) res.setHeader('idempotent-replayed', 'true');
    return sendJson(res, 200, { results: outcome.results });
  }

  /** The device of a request, when it holds the manager role; otherwise answers 401/403/429. */
  function manager(req: IncomingMessage, res: ServerResponse) {
    const device = authorisedDevice(req, res);
    if (!device) return undefined;
    if (device.role === 'manager') return device;
    refuse(req, res, 403, { error: MANAGERS_ONLY });
    return undefined;
  }

  /**
   * What a map write expects the current map to be (If-Match: its ETag; a first publish: no
   * header or If-None-Match: *); or undefined after answering 428 or 412 without reading on.
   */
  function mapPrecondition(
    req: IncomingMessage,
    res: ServerResponse,
    firstAllowed: boolean,
  ): MapPrecondition | undefined {
    const current = store.publishedMap();
    const ifMatch = req.headers['if-match']?.trim();
    const ifNoneMatch = req.headers['if-none-match']?.trim();
    // `If-Match: *` ("whatever is there") would overwrite a map nobody looked at: it counts as
    // no version at all.
    if (ifMatch === undefined || ifMatch === '*') {
      const first = ifMatch === undefined && (ifNoneMatch === undefined || ifNoneMatch === '*');
      if (firstAllowed && first && current === undefined) return 'none';
      if (current === undefined || (firstAllowed && ifNoneMatch === '*')) {
        return stale(req, res, current);
      }
      refuse(req, res, 428, { error: MAP_VERSION_NEEDED }, { etag: current.etag });
      return undefined;
    }
    const tags = ifMatch.split(',').map((tag) => tag.trim());
    if (current && tags.includes(current.etag)) return { etag: current.etag };
    return stale(req, res, current);
  }

  function stale(req: IncomingMessage, res: ServerResponse, current: PublishedMap | undefined) {
    refuse(req, res, 412, { error: MAP_CHANGED }, current ? { etag: current.etag } : {});
    return undefined;
  }

  /** Answers a map write: the new map's numbers, or 412 when another write came first. */
  function answerMapWrite(req: IncomingMessage, res: ServerResponse, write: MapWrite): void {
    if (write.kind === 'no-version') {
      sendJson(res, 404, { error: NO_SUCH_VERSION });
      return;
    }
    if (write.kind === 'stale') {
      stale(req, res, write.current);
      return;
    }
    const { map } = write;
    sendJson(
      res,
      200,
      {
        partners: map.partners,
        etag: map.etag,
        publishedAt: map.publishedAt,
        version: map.version,
      },
      { etag: map.etag },
    );
  }

  /**
   * A manager publishes the map: only a whole, valid HSDS JSON map, written anew by Balie, and
   * only over the map the manager last saw (If-Match), so no one overwrites a newer map.
   */
  async function publishMap(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const device = manager(req, res);
    if (!device) return;
    const expected = mapPrecondition(req, res, true);
    if (expected === undefined) return;
    const text = await limitedBody(
      req,
      res,
      MAX_MAP_BYTES,
      'De kaart is groter dan 5 MB. Publiceer alleen de partners van uw vestiging.',
    );
    if (text === undefined) return;
    const checked = checkMap(text);
    if (!checked.ok) return sendJson(res, 400, { error: checked.error });
    answerMapWrite(req, res, store.publishMap(checked.body, checked.partners, device.id, expected));
  }

  /** The kept versions of the map, newest first, for a manager. */
  function listMapVersions(req: IncomingMessage, res: ServerResponse): void {
    if (!manager(req, res)) return;
    const current = store.publishedMap();
    sendJson(res, 200, { current: current?.version ?? null, versions: store.mapVersions() });
  }

  /** One earlier version, for a manager to look at before restoring it. */
  function sendMapVersion(req: IncomingMessage, res: ServerResponse, version: number): void {
    if (!manager(req, res)) return;
    const kept = store.mapVersion(version);
    if (!kept) {
      sendJson(res, 404, { error: NO_SUCH_VERSION });
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(kept.body),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      etag: kept.etag,
    });
    res.end(kept.body);
  }

  /** A manager makes an earlier version current again (as a new version; nothing is lost). */
  function restoreMap(req: IncomingMessage, res: ServerResponse, version: number): void {
    const device = manager(req, res);
    if (!device) return;
    const expected = mapPrecondition(req, res, false);
    if (expected === undefined) return;
    answerMapWrite(req, res, store.restoreMapVersion(version, device.id, expected));
  }

  /**
   * The published map for every device, with an ETag so an unchanged map costs a 304. It
   * holds only what organisations publish about themselves (no notes, nothing about visitors),
   * so other branches may follow it too: readable from any origin, without a token.
   */
  function sendMap(req: IncomingMessage, res: ServerResponse): void {
    const map = store.publishedMap();
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', 'ETag');
    if (!map) {
      sendJson(res, 404, { error: 'Er is nog geen sociale kaart gepubliceerd.' });
      return;
    }
    const headers = {
      etag: map.etag,
      'cache-control': 'no-cache',
      'last-modified': new Date(map.publishedAt).toUTCString(),
      'x-content-type-options': 'nosniff',
    };
    if (etagMatches(req.headers['if-none-match'], map.etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(map.body),
    });
    res.end(req.method === 'HEAD' ? undefined : map.body);
  }

  /** The CORS preflight a browser on another origin sends before a conditional GET. */
  function allowMapReaders(res: ServerResponse): void {
    res.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, HEAD',
      'access-control-allow-headers': 'If-None-Match',
      'access-control-max-age': '86400',
    });
    res.end();
  }

  /**
   * For a supervisor or load balancer: 200 only when the database answers and is still the
   * file on disk (a data directory deleted under a running server would swallow every batch).
   */
  function health(res: ServerResponse): void {
    const problem = store.healthProblem();
    if (problem === undefined) sendJson(res, 200, { ok: true });
    else sendJson(res, 503, { ok: false, error: problem });
  }

  /** Lets a device check its token while it is being linked. */
  function whoAmI(req: IncomingMessage, res: ServerResponse): void {
    const device = authorisedDevice(req, res, 'Deze koppelcode is onbekend of ingetrokken.');
    if (device) sendJson(res, 200, { label: device.label, role: device.role });
  }

  return async function requestListener(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    try {
      await handle(req, res);
    } catch (error) {
      // A client that hangs up mid-request is the network's doing, not a server fault.
      if (!req.destroyed && !req.readableAborted) {
        console.error('request failed', req.method, req.url, error);
      }
      if (!res.headersSent) sendJson(res, 500, { error: 'Er ging iets mis op de server.' });
      else res.destroy();
    } finally {
      if (options.log) {
        const ms = (performance.now() - started).toFixed(1);
        console.log(`${req.method} ${req.url} ${res.statusCode} ${ms}ms`);
      }
    }
  };
}

const MANAGERS_ONLY =
  'Alleen een beheerder mag de sociale kaart publiceren of een oudere versie terugzetten. Dit apparaat is gekoppeld als balie-apparaat, niet als beheerder.';
const MAP_VERSION_NEEDED =
  'De server weet niet welke versie van de kaart u hebt aangepast. Haal de kaart eerst op en publiceer dan opnieuw.';
const MAP_CHANGED =
  'De kaart is intussen door iemand anders veranderd. Haal de nieuwe kaart op, bekijk de verschillen en publiceer dan opnieuw.';
const NO_SUCH_VERSION = 'Deze versie van de kaart bestaat niet (meer).';
const DAY_MS = 24 * 60 * 60 * 1000;
const QUOTA_RETRY_SECONDS = 3600;
const TOO_MANY_FAILURES =
  'Te veel pogingen met een onbekende koppelcode vanaf dit adres. Wacht even en probeer het opnieuw.';
const TOO_MANY_REQUESTS =
  'Dit apparaat stuurt te veel verzoeken. Het probeert het zo vanzelf opnieuw.';
const OVER_QUOTA =
  'Dit apparaat heeft het afgelopen etmaal meer gestuurd dan de server per apparaat bewaart. Het probeert het later vanzelf opnieuw.';
const TOO_SLOW =
  'De gegevens kwamen te langzaam binnen. Controleer de verbinding en probeer het opnieuw.';

/** Who sent a request, for the limits: the socket's address, or the proxy's word for it. */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const socket = req.socket.remoteAddress ?? '';
  if (!trustProxy || !LOOPBACK.has(socket)) return socket;
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  // The last entry is the one the proxy added; earlier ones are whatever the client claimed.
  return forwarded.at(-1) ?? socket;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** If-None-Match holds a list of tags, maybe weak (W/"…"), or `*`. */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

export interface RunningServer {
  readonly url: string;
  /** The development device's token, when one was asked for: never served over HTTP. */
  readonly devToken: string | undefined;
  readonly store: Store;
  readonly server: Server;
  close(): Promise<void>;
}

/** Wraps every request; tests use it to inject faults in front of the real endpoint. */
export type RequestHook = (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => Promise<void>,
) => Promise<void>;

export interface StartOptions {
  readonly databaseFile: string;
  readonly hook?: RequestHook;
  readonly port?: number;
  readonly host?: string;
  readonly staticDir?: string;
  /** Makes the development device at start; main prints its koppellink on the console. */
  readonly devToken?: (store: Store) => string | undefined;
  readonly log?: boolean;
  readonly bodyTimeoutMs?: number;
  readonly limits?: Partial<Limits>;
  readonly trustProxy?: boolean;
}

/** Starts the endpoint in this process (tests and benchmarks do this too). */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const store = openStore(options.databaseFile);
  const devToken = options.devToken?.(store);
  const bodyTimeoutMs = options.bodyTimeoutMs ?? BODY_TIMEOUT_MS;
  const app = createApp({
    store,
    bodyTimeoutMs,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.trustProxy ? { trustProxy: true } : {}),
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
    ...(options.log ? { log: true } : {}),
  });
  const { hook } = options;
  const server = createServer(
    {
      // Node's own backstop for requests the routes never see whole (slow headers): checked
      // every second instead of every 30, so a stalled request is answered within seconds.
      headersTimeout: Math.min(20_000, bodyTimeoutMs + 10_000),
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
    const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
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
    store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    devToken,
    store,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
