// Uploads as a desk device makes them, straight to the endpoint over HTTP, for browser tests
// that need registrations on the server (say, the organisation's Overzicht). Returns each
// record's result status.

import { randomUUID } from 'node:crypto';
import type { VisitContent } from '../../src/core/registration/schema';
import { visitContent } from './visits';

/** One batch of new visits at `location` (an id), with the device's own token. */
export async function uploadVisits(
  endpoint: string,
  token: string,
  location: string,
  visits: readonly Partial<VisitContent>[],
): Promise<string[]> {
  const records = visits.map((over) => ({
    ...visitContent({ ...over, location }),
    id: randomUUID(),
    rev: 1,
  }));
  const batchId = randomUUID();
  const response = await fetch(`${endpoint}/api/batches`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': batchId,
    },
    body: JSON.stringify({ batchId, deviceId: randomUUID(), records }),
  });
  if (response.status !== 200) throw new Error(`upload answered ${response.status}`);
  const reply = (await response.json()) as { results: { status: string }[] };
  return reply.results.map((result) => result.status);
}
