// The published sociale kaart: GET for everyone (ETag, 304, CORS), PUT and restoring an
// earlier version for managers only (a session or a manager-role token), always over the
// version the manager last saw (If-Match).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Context, caller, limitedBody } from '../context';
import { refuse, sendJson } from '../http';
import { checkMap } from '../map-body';
import type { MapPrecondition, MapWrite, PublishedMap } from '../map-store';
import type { Routes } from './types';

/** A published map: thousands of partners fit; a mistake (a whole database dump) does not. */
export const MAX_MAP_BYTES = 5 * 1024 * 1024;

export const MAP_MANAGERS_ONLY =
  'Alleen een beheerder mag de sociale kaart publiceren of een oudere versie terugzetten. Dit apparaat is gekoppeld als balie-apparaat, niet als beheerder.';
const MAP_VERSION_NEEDED =
  'De server weet niet welke versie van de kaart u hebt aangepast. Haal de kaart eerst op en publiceer dan opnieuw.';
const MAP_CHANGED =
  'De kaart is intussen door iemand anders veranderd. Haal de nieuwe kaart op, bekijk de verschillen en publiceer dan opnieuw.';
const NO_SUCH_VERSION = 'Deze versie van de kaart bestaat niet (meer).';

/** If-None-Match holds a list of tags, maybe weak (W/"…"), or `*`. */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

export function mapRoutes(ctx: Context): Routes {
  const { store } = ctx;

  /** A manager (session or manager-role token); otherwise answers 401/403/415/429. */
  const manager = (req: IncomingMessage, res: ServerResponse, changes = false) =>
    caller(ctx, req, res, { manager: true, changes, forbidden: MAP_MANAGERS_ONLY });

  /**
   * What a map write expects the current map to be (If-Match: its ETag; a first publish: no
   * header or If-None-Match: *); or undefined after answering 428 or 412 without reading on.
   */
  async function mapPrecondition(
    req: IncomingMessage,
    res: ServerResponse,
    firstAllowed: boolean,
  ): Promise<MapPrecondition | undefined> {
    const current = await store.publishedMap();
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
    const who = await manager(req, res, true);
    if (!who) return;
    const expected = await mapPrecondition(req, res, true);
    if (expected === undefined) return;
    const text = await limitedBody(
      ctx,
      req,
      res,
      MAX_MAP_BYTES,
      'De kaart is groter dan 5 MB. Publiceer alleen de partners van uw vestiging.',
    );
    if (text === undefined) return;
    const checked = checkMap(text);
    if (!checked.ok) return sendJson(res, 400, { error: checked.error });
    const write = await store.publishMap(checked.body, checked.partners, who.actorId, expected);
    if (write.kind === 'published') {
      await store.org.audit(who.organisationId, who.actor, 'map.published', {
        version: write.map.version,
        partners: write.map.partners,
      });
    }
    answerMapWrite(req, res, write);
  }

  /** The kept versions of the map, newest first, for a manager. */
  async function listMapVersions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!(await manager(req, res))) return;
    const current = await store.publishedMap();
    sendJson(res, 200, { current: current?.version ?? null, versions: await store.mapVersions() });
  }

  /** One earlier version, for a manager to look at before restoring it. */
  async function sendMapVersion(
    req: IncomingMessage,
    res: ServerResponse,
    version: number,
  ): Promise<void> {
    if (!(await manager(req, res))) return;
    const kept = await store.mapVersion(version);
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
  async function restoreMap(req: IncomingMessage, res: ServerResponse, version: number) {
    const who = await manager(req, res, true);
    if (!who) return;
    const expected = await mapPrecondition(req, res, false);
    if (expected === undefined) return;
    const write = await store.restoreMapVersion(version, who.actorId, expected);
    if (write.kind === 'published') {
      await store.org.audit(who.organisationId, who.actor, 'map.restored', {
        version: write.map.version,
        restoredFrom: version,
        partners: write.map.partners,
      });
    }
    answerMapWrite(req, res, write);
  }

  /**
   * The published map for every device, with an ETag so an unchanged map costs a 304. It
   * holds only what organisations publish about themselves (no notes, nothing about visitors),
   * so other branches may follow it too: readable from any origin, without a token.
   */
  async function sendMap(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const map = await store.publishedMap();
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', 'ETag');
    if (!map) {
      // Nothing published yet is not an error: 204, so a browser's console stays clean.
      res.writeHead(204, { 'cache-control': 'no-cache' });
      res.end();
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

  return {
    exact: {
      'PUT /api/map': publishMap,
      'GET /api/map': sendMap,
      'HEAD /api/map': sendMap,
      'OPTIONS /api/map': (_req, res) => allowMapReaders(res),
      'GET /api/map/versions': listMapVersions,
    },
    patterns: [
      [
        'GET',
        /^\/api\/map\/versions\/(\d{1,9})$/,
        (req, res, n) => sendMapVersion(req, res, Number(n)),
      ],
      [
        'POST',
        /^\/api\/map\/versions\/(\d{1,9})\/restore$/,
        (req, res, n) => restoreMap(req, res, Number(n)),
      ],
    ],
  };
}
