// Endpoint ingest: 10,000 records in batches of 200 over HTTP into the real endpoint,
// next to a raw SQLite insert of the same rows, one transaction per 200, in the same run.
// Both with synchronous=FULL (the endpoint's durability setting), so the comparison is fair.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServer } from '../../server/app';
import { visitContent } from '../support/visits';
import { openBenchStore } from './store';
import { number, type Row } from './table';

const RECORDS = 10_000;
const BATCH = 200;

export async function measureIngest(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'balie-bench-'));
  const server = await startServer({ store: await openBenchStore(join(dir, 'endpoint.sqlite')) });
  // A desk device at a location of the organisation: the endpoint refuses unknown locations.
  const { org } = server.store;
  const location = await org.addLocation((await org.organisation()).id, {
    name: 'Vestiging',
    gemeente: 'Teststad',
    kind: 'vaste-balie',
    hours: '',
    staffing: '',
  });
  if (location === 'taken') throw new Error('bench location exists already');
  const { token } = await server.store.createDevice('bench', 'desk', location.id);
  const records = Array.from({ length: RECORDS }, (_, i) => ({
    ...visitContent({ hour: 9 + (i % 8), location: location.id }),
    id: randomUUID(),
    rev: 1,
  }));
  const batches: { batchId: string; body: string }[] = [];
  for (let i = 0; i < RECORDS; i += BATCH) {
    const batchId = randomUUID();
    const body = JSON.stringify({
      batchId,
      deviceId: randomUUID(),
      records: records.slice(i, i + BATCH),
    });
    batches.push({ batchId, body });
  }

  const started = performance.now();
  for (const batch of batches) {
    const response = await fetch(`${server.url}/api/batches`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': batch.batchId,
        authorization: `Bearer ${token}`,
      },
      body: batch.body,
    });
    if (response.status !== 200) throw new Error(`ingest answered ${response.status}`);
    await response.arrayBuffer();
  }
  const endpointSeconds = (performance.now() - started) / 1000;
  const stored = await server.store.countRecords();
  await server.close();
  if (stored !== RECORDS) throw new Error(`expected ${RECORDS} stored, found ${stored}`);

  const raw = new Database(join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec(
    'CREATE TABLE records (id TEXT NOT NULL, rev INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (id, rev)) WITHOUT ROWID',
  );
  const insert = raw.prepare('INSERT INTO records (id, rev, body) VALUES (?, ?, ?)');
  const insertBatch = raw.transaction((rows: typeof records) => {
    for (const row of rows) insert.run(row.id, row.rev, JSON.stringify(row));
  });
  const rawStarted = performance.now();
  for (let i = 0; i < RECORDS; i += BATCH) insertBatch(records.slice(i, i + BATCH));
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  raw.close();
  rmSync(dir, { recursive: true, force: true });

  const endpointRate = RECORDS / endpointSeconds;
  const rawRate = RECORDS / rawSeconds;
  return [
    {
      measure: `Endpoint ingest, ${number(RECORDS)} records in batches of ${BATCH}`,
      balie: `${number(endpointRate)} records/s`,
      baseline: `${number(rawRate)} records/s raw SQLite insert (both synchronous=FULL)`,
      figure: `${number(endpointRate / rawRate, 2)}× raw (goal ≥ 0.5×)`,
    },
  ];
}
