// docs/protocol.md promises that its example request is accepted exactly as written and
// answered as shown. This test holds the document to that.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../../../server/app';
import { openTestStore } from './helpers';

const doc = readFileSync('docs/protocol.md', 'utf8');
const jsonBlocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

let server: RunningServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'balie-doc-'));
  server = await startServer({ store: await openTestStore({ file: join(dir, 'balie.sqlite') }) });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the documented request is accepted as written and answered as documented', async () => {
  const [requestText, replyText] = jsonBlocks;
  expect(requestText).toContain('"batchId"');
  const request = JSON.parse(requestText ?? '');
  // The organisation has the location the example names, under that very id.
  const organisation = (await server.store.org.organisation()).id;
  await server.store.org.addLocation(
    organisation,
    {
      name: 'Bibliotheek Centrum',
      gemeente: 'Utrecht',
      kind: 'vaste-balie',
      hours: '',
      staffing: '',
    },
    request.records[0].location,
  );
  const { token } = await server.store.createDevice('doc');
  const response = await fetch(`${server.url}/api/batches`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': request.batchId,
      authorization: `Bearer ${token}`,
    },
    body: requestText ?? '',
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual(JSON.parse(replyText ?? ''));
  expect(await server.store.countRecords()).toBe(request.records.length);
});
