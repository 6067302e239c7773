// Keeping the sociale kaart in step with published maps: the endpoint's (`GET <endpoint>/map`)
// and, if set, a followed HSDS JSON URL. (Publishing is map-publish.ts.)
// Fetch first, then one import transaction: a map that fails to load or to import changes no
// partner, and local notes always survive. No network call happens inside a transaction.

import { importHsdsJson } from '../core/hsds/json';
import type { BalieDb, MapFailure, MapSourceState } from './db';
import { readMapStates } from './partner-reads';
import { type ImportCounts, importPartners, saveMapState } from './partner-writes';

export const MAP_TIMEOUT_MS = 30_000;
/** A map of 20,000 partners is about 40 MB of HSDS; a desk's map is far below this. */
export const MAX_MAP_CHARS = 50 * 1024 * 1024;

export interface MapSource {
  readonly url: string;
  /**
   * The endpoint answers If-None-Match itself. A followed URL may be on any host: a custom
   * header there would need a CORS preflight most hosts refuse, so the browser's own
   * conditional GET (`cache: 'no-cache'`) is used, and an unchanged body is recognised by hash.
   */
  readonly kind: 'endpoint' | 'followed';
}

export function endpointMapUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/map`;
}

export function mapSources(endpoint: string, followed: string | undefined): MapSource[] {
  const own: MapSource = { url: endpointMapUrl(endpoint), kind: 'endpoint' };
  return followed && followed !== own.url ? [own, { url: followed, kind: 'followed' }] : [own];
}

export type MapRefresh =
  | { readonly outcome: 'imported'; readonly url: string; readonly counts: ImportCounts }
  /** Nothing new (304, or the same body), or nothing published yet at the endpoint. */
  | { readonly outcome: 'unchanged' | 'none'; readonly url: string }
  | { readonly outcome: 'failed'; readonly url: string; readonly error: MapFailure };

export async function refreshMap(
  db: BalieDb,
  source: MapSource,
  fetchFn: typeof fetch,
  now: number,
): Promise<MapRefresh> {
  const before = (await readMapStates(db))[source.url];
  const { error: _lastError, ...known }: MapSourceState = before ?? {
    url: source.url,
    checkedAt: now,
    importedAt: null,
    partners: 0,
  };
  const checked: MapSourceState = { ...known, checkedAt: now };
  const fail = async (error: MapFailure): Promise<MapRefresh> => {
    await saveMapState(db, { ...checked, error });
    return { outcome: 'failed', url: source.url, error };
  };

  let response: Response;
  try {
    const headers: Record<string, string> = {};
    if (source.kind === 'endpoint' && known.etag) headers['if-none-match'] = known.etag;
    response = await fetchFn(source.url, {
      headers,
      cache: source.kind === 'endpoint' ? 'no-store' : 'no-cache',
      credentials: 'omit',
      signal: AbortSignal.timeout(MAP_TIMEOUT_MS),
    });
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    return fail({ code: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network' });
  }
  if (response.status === 304) {
    await saveMapState(db, checked);
    return { outcome: 'unchanged', url: source.url };
  }
  // 204: nothing published yet (404 from an endpoint older than that).
  if (response.status === 204 || (response.status === 404 && source.kind === 'endpoint')) {
    // Nothing published yet: not a failure, and the partners already here stay.
    await saveMapState(db, checked);
    return { outcome: 'none', url: source.url };
  }
  if (response.status === 404) return fail({ code: 'not-found' });
  if (!response.ok) return fail({ code: 'http', detail: String(response.status) });
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_MAP_CHARS) return fail({ code: 'too-large' });
  const body = await response.text().catch(() => null);
  if (body === null) return fail({ code: 'network' });
  if (body.length > MAX_MAP_CHARS) return fail({ code: 'too-large' });

  const bodyHash = await sha256(body);
  const etag = response.headers.get('etag') ?? undefined;
  const next: MapSourceState = {
    ...checked,
    bodyHash,
    ...(etag === undefined ? {} : { etag }),
  };
  if (known.importedAt !== null && known.bodyHash === bodyHash) {
    await saveMapState(db, next);
    return { outcome: 'unchanged', url: source.url };
  }
  const result = importHsdsJson(body);
  if (!result.ok) {
    const first = result.errors[0];
    return fail({ code: 'invalid', ...(first ? { issue: first } : {}) });
  }
  const counts = await importPartners(db, result.partners, {
    ...next,
    importedAt: now,
    partners: result.partners.length,
  });
  return { outcome: 'imported', url: source.url, counts };
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
