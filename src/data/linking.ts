// Linking this device to an endpoint: whether an endpoint accepts a code, and which IDO
// location it belongs to. Only HTTP here; the enrolment is kept in settings.ts.

import * as z from 'zod/mini';

/** `wait`: the endpoint saw too many tries from here (429) and asks to wait a minute. */
export type TokenCheck =
  | { readonly status: 'ok'; readonly location?: { readonly id: string; readonly name: string } }
  | { readonly status: 'refused' | 'unreachable' | 'wait' };

/** The part of `GET <endpoint>/device` that linking needs; anything else is ignored. */
const DeviceReply = z.object({
  location: z.nullish(
    z.object({ id: z.uuid(), name: z.string().check(z.minLength(1), z.maxLength(80)) }),
  ),
});

/** Asks the endpoint whether it knows this code. Unreachable is not refused: link anyway. */
export async function checkToken(endpoint: string, token: string): Promise<TokenCheck> {
  try {
    const response = await fetch(`${endpoint.replace(/\/+$/, '')}/device`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(8_000),
    });
    if (response.status === 401 || response.status === 403) return { status: 'refused' };
    if (response.status === 429) return { status: 'wait' };
    const reply = DeviceReply.safeParse(await response.json().catch(() => null));
    const location = reply.success ? reply.data.location : undefined;
    return location ? { status: 'ok', location } : { status: 'ok' };
  } catch {
    return { status: 'unreachable' };
  }
}
