// The routes await the store: a store call that fails is answered 500 with a Dutch reason (or
// 503 from the health check), never left as an unhandled rejection, and the server lives on.

import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { type RunningServer, startServer } from '../../../server/app';
import { addTestLocation, envelope, openTestStore, postBatch, visit } from './helpers';

let server: RunningServer;
let token: string;

beforeAll(async () => {
  server = await startServer({ store: await openTestStore() });
  await addTestLocation(server.store);
  token = (await server.store.createDevice('tablet')).token;
  // The database goes away under the running server.
  await server.store.close();
});

afterAll(async () => {
  await server?.close();
});

test('a route whose store call fails answers 500 in Dutch, and the server keeps answering', async () => {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    for (const path of ['/api/device', '/api/locations']) {
      const reply = await fetch(`${server.url}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(reply.status).toBe(500);
      expect(await reply.json()).toEqual({ error: 'Er ging iets mis op de server.' });
    }
    const batch = await postBatch(server.url, envelope([visit()]), { token });
    expect(batch.status).toBe(500);
    // Each failure is logged for the operator.
    expect(logged.mock.calls.map((call) => call[0])).toEqual([
      'request failed',
      'request failed',
      'request failed',
    ]);
  } finally {
    logged.mockRestore();
  }
  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toEqual({ ok: false, error: 'De database is niet bereikbaar.' });
});
