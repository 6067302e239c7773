// Linking this device to an endpoint: the development device's code offered on this machine,
// and whether an endpoint accepts a code. Only HTTP here; the enrolment is kept in settings.ts.

export type TokenCheck = 'ok' | 'refused' | 'unreachable';

/** The development server's code, offered only to pages on the same machine; null if none. */
export async function fetchDevToken(): Promise<string | null> {
  try {
    const response = await fetch('/api/dev-device');
    const body = response.ok ? ((await response.json()) as { token?: unknown }) : null;
    return typeof body?.token === 'string' ? body.token : null;
  } catch {
    return null;
  }
}

/** Asks the endpoint whether it knows this code. Unreachable is not refused: link anyway. */
export async function checkToken(endpoint: string, token: string): Promise<TokenCheck> {
  try {
    const response = await fetch(`${endpoint.replace(/\/+$/, '')}/device`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(8_000),
    });
    if (response.status === 401 || response.status === 403) return 'refused';
    return 'ok';
  } catch {
    return 'unreachable';
  }
}
