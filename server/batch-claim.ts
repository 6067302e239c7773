// Claiming a batch at the start of its transaction: the device's last upload noted, the batch
// row inserted unless it is there (its primary key decides which of two processes stores the
// batch), and, once claimed, the organisation's ingest lock taken. PostgreSQL does all three in
// one statement (one round trip instead of three); SQLite, in this process, runs them one by one.

import type { ClientInfo } from '../src/core/upload/batch';
import { ADVISORY_LOCK } from './pg-sql';
import type { Sql, SqlRunner, SqlValue } from './sql';
import type { Sender } from './store';

const NOTE_DEVICE = `UPDATE devices SET last_upload_at = ?, last_seen_at = ?,
  app_version = COALESCE(?, app_version), unsent_at_last_upload = ? WHERE id = ?`;
const INSERT_BATCH = `INSERT INTO batches (batch_id, device_id, body_hash, reply, reply_bytes, received_at)
  VALUES (?, ?, ?, '', 0, ?) ON CONFLICT (batch_id) DO NOTHING RETURNING batch_id`;

/** Whether this transaction stores the batch (false: it was there already). */
export async function claimBatch(
  tx: SqlRunner,
  sql: Sql,
  batchId: string,
  device: Sender,
  bodyHash: string,
  receivedAt: string,
  client: ClientInfo | undefined,
): Promise<boolean> {
  const noted: SqlValue[] = [
    receivedAt,
    receivedAt,
    client?.version ?? null,
    client?.unsent ?? null,
    device.id,
  ];
  const batch: SqlValue[] = [batchId, device.id, bodyHash, receivedAt];
  // One organisation's batches are stored one at a time, so the report tables (derived
  // counts) see every revision of a visit in order, across processes.
  const lockKey = `balie:ingest:${device.organisation_id}`;
  if (sql.dialect === 'postgres') {
    // A second process inserting the same batch waits in `claim` until the first commits (then
    // finds its row: no row here, no lock) or rolls back (then stores the batch itself).
    // Statements in WITH run once and to the end, whether or not the query reads them.
    const row = await tx.get(
      `WITH noted AS (${NOTE_DEVICE}), claim AS (${INSERT_BATCH})
       SELECT batch_id, ${ADVISORY_LOCK} AS locked FROM claim`,
      [...noted, ...batch, lockKey],
    );
    return row !== undefined;
  }
  await tx.run(NOTE_DEVICE, noted);
  if (!(await tx.get(INSERT_BATCH, batch))) return false;
  await sql.lock(tx, lockKey);
  return true;
}
