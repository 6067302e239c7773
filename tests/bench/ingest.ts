// Endpoint ingest: 10,000 records in batches of 200 over HTTP (posted from a thread of their own,
// as from another machine), on SQLite and PostgreSQL, each next to a bare insert of the same rows
// in the same database and run (SQLite: both synchronous=FULL; PostgreSQL: one unnest insert per
// batch). Both sides run warm; SQLite's fold into the report tables after has a row of its own.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { startServer } from '../../server/app';
import { openPgSql } from '../../server/pg-sql';
import { openPgStore } from '../../server/pg-store';
import type { Store } from '../../server/store';
import { createDatabase, startPostgres } from '../support/postgres';
import { visitContent } from '../support/visits';
import { openBenchStore } from './store';
import { number, type Row } from './table';

const RECORDS = 10_000;
const BATCH = 200;
/** Records each side stores untimed first (the endpoint's code and the raw insert run warm). */
const WARM_UP = 2_000;

type Record = ReturnType<typeof visitContent> & { id: string; rev: number };

/** Records per second the endpoint stored, over HTTP, from one device. */
async function endpointRate(
  store: Store,
): Promise<{ rate: number; seconds: number; foldSeconds: number; records: Record[] }> {
  const server = await startServer({ store });
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
  const deviceId = randomUUID();
  const send = async (records: readonly Record[]) => {
    const batches: { batchId: string; body: string }[] = [];
    for (let i = 0; i < records.length; i += BATCH) {
      const batchId = randomUUID();
      batches.push({
        batchId,
        body: JSON.stringify({ batchId, deviceId, records: records.slice(i, i + BATCH) }),
      });
    }
    return postBatches(`${server.url}/api/batches`, token, batches);
  };
  // What the next report read (or a pause) would do on SQLite; nothing on PostgreSQL.
  const fold = async (count: number) => {
    const started = performance.now();
    const folded = await server.store.foldReports();
    if (folded !== (store.dialect === 'sqlite' ? count : 0)) {
      throw new Error(`expected ${count} records folded once, folded ${folded}`);
    }
    return (performance.now() - started) / 1000;
  };
  await send(benchRecords(WARM_UP, location.id));
  await fold(WARM_UP);
  const records = benchRecords(RECORDS, location.id);
  const seconds = await send(records);
  const foldSeconds = await fold(RECORDS);
  const stored = await server.store.countRecords();
  await server.close();
  if (stored !== WARM_UP + RECORDS) {
    throw new Error(`expected ${WARM_UP + RECORDS} stored, found ${stored}`);
  }
  return { rate: RECORDS / seconds, seconds, foldSeconds, records };
}

/**
 * Posts the batches one after another, as one device does, from a thread of its own (the
 * device is another machine: its fetch() is not the endpoint's work); resolves to the seconds
 * from the first request to the last answer.
 */
function postBatches(
  url: string,
  token: string,
  batches: readonly { batchId: string; body: string }[],
): Promise<number> {
  const client = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const { url, token, batches } = workerData;
      const started = performance.now();
      for (const batch of batches) {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': batch.batchId,
            authorization: 'Bearer ' + token,
          },
          body: batch.body,
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error('ingest answered ' + response.status);
      }
      parentPort.postMessage((performance.now() - started) / 1000);
    })();
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(client, { eval: true, workerData: { url, token, batches } });
    worker.once('message', (seconds: number) => resolve(seconds));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the posting thread stopped with ${code}`));
    });
  });
}

function benchRecords(count: number, location: string): Record[] {
  return Array.from({ length: count }, (_, i) => ({
    ...visitContent({ hour: 9 + (i % 8), location }),
    id: randomUUID(),
    rev: 1,
  }));
}

function rawSqliteRate(file: string, records: readonly Record[]): number {
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec(
    'CREATE TABLE records (id TEXT NOT NULL, rev INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (id, rev)) WITHOUT ROWID',
  );
  const insert = raw.prepare('INSERT INTO records (id, rev, body) VALUES (?, ?, ?)');
  const insertBatch = raw.transaction((rows: readonly Record[]) => {
    for (const row of rows) insert.run(row.id, row.rev, JSON.stringify(row));
  });
  const warm = benchRecords(WARM_UP, records[0]?.location ?? '');
  for (let i = 0; i < WARM_UP; i += BATCH) insertBatch(warm.slice(i, i + BATCH));
  const started = performance.now();
  for (let i = 0; i < RECORDS; i += BATCH) insertBatch(records.slice(i, i + BATCH));
  const seconds = (performance.now() - started) / 1000;
  raw.close();
  return RECORDS / seconds;
}

async function rawPgRate(url: string, records: readonly Record[]): Promise<number> {
  const sql = openPgSql(url);
  try {
    await sql.run(
      'CREATE TABLE raw_records (id TEXT NOT NULL, rev INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (id, rev))',
    );
    const insert = async (rows: readonly Record[]) => {
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        await sql.run(
          'INSERT INTO raw_records (id, rev, body) SELECT * FROM unnest(?::text[], ?::integer[], ?::text[])',
          [
            batch.map((row) => row.id),
            batch.map((row) => row.rev),
            batch.map((row) => JSON.stringify(row)),
          ],
        );
      }
    };
    await insert(benchRecords(WARM_UP, records[0]?.location ?? ''));
    const started = performance.now();
    await insert(records);
    return RECORDS / ((performance.now() - started) / 1000);
  } finally {
    await sql.close();
  }
}

/** The fold after the SQLite ingest, and ingest and fold together against the raw insert. */
function foldRow(seconds: number, foldSeconds: number, baseline: number): Row {
  const both = RECORDS / (seconds + foldSeconds);
  return {
    measure: `Then the same ${number(RECORDS)} records folded into the report tables on SQLite (one transaction)`,
    balie: `${number(foldSeconds * 1000)} ms`,
    baseline: `ingest and fold together: ${number(both)} records/s`,
    figure: `${number(both / baseline, 2)}× raw together`,
  };
}

function row(database: string, balie: number, baseline: number, what: string): Row {
  return {
    measure: `Endpoint ingest on ${database}, ${number(RECORDS)} records in batches of ${BATCH}`,
    balie: `${number(balie)} records/s`,
    baseline: `${number(baseline)} records/s ${what}`,
    figure: `${number(balie / baseline, 2)}× raw (goal ≥ 0.5×)`,
  };
}

export async function measureIngest(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'balie-bench-'));
  const postgres = await startPostgres();
  try {
    const sqlite = await endpointRate(await openBenchStore(join(dir, 'endpoint.sqlite')));
    const sqliteRaw = rawSqliteRate(join(dir, 'raw.sqlite'), sqlite.records);
    const url = await createDatabase(postgres.url, 'bench');
    const pg = await endpointRate(await openPgStore(url));
    const pgRaw = await rawPgRate(url, pg.records);
    return [
      row('SQLite', sqlite.rate, sqliteRaw, 'raw SQLite insert (both synchronous=FULL)'),
      foldRow(sqlite.seconds, sqlite.foldSeconds, sqliteRaw),
      row('PostgreSQL', pg.rate, pgRaw, 'bare unnest insert, same server'),
    ];
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
