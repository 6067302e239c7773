// Publishing this device's sociale kaart on the endpoint (`PUT <endpoint>/map`) for every
// device of the organisation: only over the version this device last saw (If-Match), and only
// a manager may; every other answer is told apart so the screen can say what to do.

import { endpointMapUrl, MAP_TIMEOUT_MS } from './map-refresh';

export type PublishFailure = 'network' | 'auth' | 'forbidden' | 'stale' | 'refused';

export type PublishResult =
  | { readonly ok: true; readonly partners: number }
  | { readonly ok: false; readonly code: PublishFailure; readonly detail?: string };

/**
 * Puts this device's map (an HSDS JSON export) on the endpoint, for every device of the branch.
 * `etag` is the version this device last saw (If-Match), so a map someone else published in
 * the meantime is never overwritten unseen; without one, only a first map is accepted.
 */
export async function publishMap(
  fetchFn: typeof fetch,
  endpoint: string,
  token: string,
  body: string,
  etag: string | undefined,
): Promise<PublishResult> {
  let response: Response;
  try {
    response = await fetchFn(endpointMapUrl(endpoint), {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(etag ? { 'if-match': etag } : { 'if-none-match': '*' }),
      },
      body,
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
      signal: AbortSignal.timeout(MAP_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, code: 'network' };
  }
  const reply = (await response.json().catch(() => null)) as {
    partners?: unknown;
    error?: unknown;
  } | null;
  if (response.ok) {
    return { ok: true, partners: typeof reply?.partners === 'number' ? reply.partners : 0 };
  }
  if (response.status === 401) return { ok: false, code: 'auth' };
  // 403: this device may not publish (not a manager); it stays linked.
  if (response.status === 403) return { ok: false, code: 'forbidden' };
  // 412/428: the map on the server is not the one this device last saw.
  if (response.status === 412 || response.status === 428) return { ok: false, code: 'stale' };
  const detail = typeof reply?.error === 'string' ? reply.error.slice(0, 500) : undefined;
  return {
    ok: false,
    code: 'refused',
    ...(detail === undefined ? { detail: `HTTP ${response.status}` } : { detail }),
  };
}
