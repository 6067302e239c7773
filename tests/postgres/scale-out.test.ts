// Several endpoint processes on one PostgreSQL: every batch of 2,000 registrations is delivered
// to two processes at the same moment, one process is killed mid-ingest and started again. The
// database must hold each (id, rev) once and every reply must be right for every record.

import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { openPgStore } from '../../server/pg-store';
import { startFanOutProxy } from '../support/fan-out-proxy';
import { createDatabase } from '../support/postgres';
import { visitContent } from '../support/visits';
import { type ServerProcess, spawnServer } from '../unit/server/process';

const REGISTRATIONS = 2000;
const BATCH = 200;
const LOCATION = 'Bibliotheek Teststad';

let databaseUrl: string;
let token: string;
const processes: ServerProcess[] = [];

beforeAll(async () => {
  databaseUrl = await createDatabase(inject('postgresUrl'), 'scale');
  const store = await openPgStore(databaseUrl);
  const organisation = await store.org.organisation();
  await store.org.addLocation(organisation.id, {
    name: LOCATION,
    gemeente: 'Teststad',
    kind: 'vaste-balie',
    hours: '',
    staffing: '',
  });
  token = (await store.createDevice('balie 1')).token;
  await store.close();
});

afterAll(async () => {
  for (const server of processes) server.child.kill('SIGKILL');
});

/** Kills `server` once one of its connections is in a transaction; false if none was seen. */
async function killInTransaction(server: ServerProcess): Promise<boolean> {
  const watcher = new pg.Client({ connectionString: databaseUrl });
  await watcher.connect();
  try {
    for (let tries = 0; tries < 5000; tries++) {
      const found = await watcher.query(
        // A transaction id is only given once a transaction wrote something: mid-ingest.
        'SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND backend_xid IS NOT NULL',
        [`balie ${server.child.pid}`],
      );
      if (found.rowCount) {
        server.child.kill('SIGKILL');
        return true;
      }
    }
    server.child.kill('SIGKILL');
    return false;
  } finally {
    await watcher.end();
  }
}

const start = () => spawnServer({ DATABASE_URL: databaseUrl, BALIE_DATA_DIR: '/nonexistent' });

test('three processes, every batch delivered twice, one killed mid-ingest: each revision stored once', async () => {
  processes.push(await start(), await start(), await start());
  const proxy = await startFanOutProxy(processes.map((server) => server.url));
  // The fourth batch's delivery to the second process: that process is killed as soon as
  // PostgreSQL shows it inside a transaction, storing the batch.
  let killed: ServerProcess | undefined;
  let killing: Promise<boolean> | undefined;
  proxy.onSent = (upstream, batchId) => {
    const victim = processes[1];
    if (killing || batchId !== batches[3]?.batchId || upstream !== victim?.url) return;
    killed = victim;
    killing = killInTransaction(victim);
  };
  const records = Array.from({ length: REGISTRATIONS }, (_, i) => ({
    ...visitContent({ hour: 9 + (i % 8), location: LOCATION }),
    id: randomUUID(),
    rev: 1,
  }));
  const batches = Array.from({ length: REGISTRATIONS / BATCH }, (_, i) => ({
    batchId: randomUUID(),
    records: records.slice(i * BATCH, (i + 1) * BATCH),
  }));

  const answers = new Map<string, { status: string; id: string }[]>();
  for (const [index, batch] of batches.entries()) {
    if (index === 5 && killed) {
      // The killed process is started again and takes its place behind the proxy.
      const again = await start();
      processes.push(again);
      proxy.upstreams = proxy.upstreams.map((url) => (url === killed?.url ? again.url : url));
    }
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${proxy.url}/api/batches`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': batch.batchId,
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ ...batch, deviceId: randomUUID() }),
      });
      const body = (await response.json()) as { results?: { status: string; id: string }[] };
      if (response.status === 200 && body.results) {
        answers.set(batch.batchId, body.results);
        break;
      }
      expect(attempt, `batch ${index} kept failing (${response.status})`).toBeLessThan(5);
    }
  }
  await proxy.close();

  expect(await killing, 'a process was killed inside its transaction').toBe(true);
  expect(proxy.deliveries.some((delivery) => delivery.status === 0)).toBe(true);
  // Every answer any process gave, first delivery or replay, is right for every record.
  for (const batch of batches) {
    expect(answers.get(batch.batchId)).toEqual(
      batch.records.map((record) => ({ id: record.id, rev: 1, status: 'accepted' })),
    );
    for (const delivery of proxy.deliveries.filter((d) => d.batchId === batch.batchId)) {
      if (delivery.status === 0) continue;
      expect(delivery.status).toBe(200);
      expect(JSON.parse(delivery.body).results).toEqual(answers.get(batch.batchId));
    }
  }
  const store = await openPgStore(databaseUrl);
  try {
    const stored = await store.allRecords();
    expect(stored).toHaveLength(REGISTRATIONS);
    expect(new Set(stored.map((row) => `${row.id} ${row.rev}`)).size).toBe(REGISTRATIONS);
    const from = records.map((record) => record.day).sort()[0] as string;
    const report = await store.report({
      organisationId: (await store.org.organisation()).id,
      from,
      to: '2999-12-31',
    });
    expect(report.visits).toBe(REGISTRATIONS);
  } finally {
    await store.close();
  }
});
