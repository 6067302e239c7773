// The upload client: one batch, one POST, the raw reply. Deciding what the reply means is
// src/core/outbox.ts's job; this file only speaks HTTP.

import type { Batch } from '../core/upload/batch';
import type { RawReply } from '../core/upload/outbox';

export const UPLOAD_TIMEOUT_MS = 30_000;

export class UploadError extends Error {
  constructor(readonly code: 'network' | 'timeout') {
    super(code === 'timeout' ? 'upload timed out' : 'network error');
  }
}

export async function postBatch(
  fetchFn: typeof fetch,
  endpoint: string,
  token: string,
  batch: Batch,
  timeoutMs = UPLOAD_TIMEOUT_MS,
): Promise<RawReply> {
  try {
    const response = await fetchFn(`${endpoint.replace(/\/+$/, '')}/batches`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': batch.batchId,
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(batch),
      // A redirect is a captive portal or a misconfiguration, never an acknowledgement.
      redirect: 'error',
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    throw new UploadError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network');
  }
}
