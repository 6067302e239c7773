// SIGTERM while a batch is on its way in: the process stops taking new connections, finishes
// the batch (stored and answered 200) and only then exits with 0, as docs/deploy.md promises.

import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { addTestLocation, envelope, openTestStore, visit } from './helpers';
import { spawnServer } from './process';

const dir = mkdtempSync(join(tmpdir(), 'balie-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a batch half sent when SIGTERM comes is stored and answered; then the process exits 0', async () => {
  const file = join(dir, 'balie.sqlite');
  const setup = await openTestStore({ file });
  await addTestLocation(setup);
  const { token } = await setup.createDevice('tablet', 'desk');
  await setup.close();

  const server = await spawnServer({ BALIE_DATA_DIR: dir });
  const batch = envelope(Array.from({ length: 100 }, () => visit()));
  const body = Buffer.from(JSON.stringify(batch));
  const url = new URL(`${server.url}/api/batches`);
  const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          'idempotency-key': batch.batchId,
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    // Half the body now; the signal comes; the rest after it.
    req.write(body.subarray(0, body.length >> 1));
    setTimeout(() => {
      server.child.kill('SIGTERM');
      setTimeout(() => req.end(body.subarray(body.length >> 1)), 300);
    }, 200);
  });

  const reply = await answered;
  expect(reply.status).toBe(200);
  const results = (JSON.parse(reply.text) as { results: { status: string }[] }).results;
  expect(results.map((result) => result.status)).toEqual(batch.records.map(() => 'accepted'));
  expect(await server.exited).toEqual({ code: 0, signal: null });
  // A new connection is refused once the process is gone.
  await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();

  const after = await openTestStore({ file });
  expect(await after.countRecords()).toBe(100);
  await after.close();
});
