// Linking this device to an endpoint: whether an endpoint accepts a code. Only HTTP here;
// the enrolment is kept in settings.ts.

/** `wait`: the endpoint saw too many tries from here (429) and asks to wait a minute. */
export type TokenCheck = 'ok' | 'refused' | 'unreachable' | 'wait';

/** Asks the endpoint whether it knows this code. Unreachable is not refused: link anyway. */
export async function checkToken(endpoint: string, token: string): Promise<TokenCheck> {
  try {
    const response = await fetch(`${endpoint.replace(/\/+$/, '')}/device`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(8_000),
    });
    if (response.status === 401 || response.status === 403) return 'refused';
    if (response.status === 429) return 'wait';
    return 'ok';
  } catch {
    return 'unreachable';
  }
}
