// Storing a batch: one transaction on either database, a handful of statements whatever its
// size. The batch row is claimed first (its primary key decides which of two processes sending
// the same batch stores it; the other replays the stored reply), then every record is checked in
// memory and the new ones inserted at once, kept once per (id, rev) by the table's primary key.

import { canonicalJson } from '../src/core/canonical';
import type { ClientInfo } from '../src/core/upload/batch';
import { parseUploadRecord } from '../src/core/upload/batch';
import type { RecordResult } from '../src/core/upload/reply';
import { claimBatch } from './batch-claim';
import { type BulkColumn, bulkInsert, inList } from './bulk';
import { describeIssues } from './reasons';
import { locationsOf, resolveLocation } from './record-location';
import { type ReportEntry, visitFacts } from './report-tables';
import { keepReports } from './report-upkeep';
import { sha256 } from './secrets';
import type { Sql, SqlRunner, SqlValue } from './sql';
import type { IngestOutcome, Sender } from './store';

export const FOREIGN_VISIT =
  'Deze registratie is eerder door een ander apparaat verstuurd. Alleen dat apparaat mag haar wijzigen of verwijderen.';
const SAME_REV_OTHER_CONTENT =
  'De server heeft deze versie van de registratie al, met een andere inhoud.';

const RECORD_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'rev', type: 'integer' },
  { name: 'deleted', type: 'integer' },
  { name: 'location', type: 'text' },
  { name: 'location_id', type: 'text' },
  { name: 'day', type: 'text' },
  { name: 'body', type: 'text' },
  { name: 'content_hash', type: 'text' },
  { name: 'device_id', type: 'text' },
  { name: 'batch_id', type: 'text' },
  { name: 'received_at', type: 'text' },
];

/** Stores a batch from `device` (its body hashed to `bodyHash`); `client` is what the app said. */
export function ingestBatch(
  sql: Sql,
  receivedAt: string,
  rawBatchId: string,
  device: Sender,
  bodyHash: string,
  records: readonly unknown[],
  client: ClientInfo | undefined,
): Promise<IngestOutcome> {
  const batchId = rawBatchId.toLowerCase();
  return sql.transaction(async (tx): Promise<IngestOutcome> => {
    // The app counts this batch among its unsent records; managers see what it left after.
    const after = client && { ...client, unsent: Math.max(0, client.unsent - records.length) };
    const claimed = await claimBatch(tx, sql, batchId, device, bodyHash, receivedAt, after);
    if (!claimed) {
      const earlier = await tx.get<{ body_hash: string; reply: string; device_id: string }>(
        'SELECT body_hash, reply, device_id FROM batches WHERE batch_id = ?',
        [batchId],
      );
      // A reply is only replayed to the device it was given to.
      if (!earlier || earlier.body_hash !== bodyHash || earlier.device_id !== device.id) {
        return { kind: 'key-reused' };
      }
      return { kind: 'stored', results: JSON.parse(earlier.reply), replayed: true };
    }
    const results = await storeRecords(tx, sql, device, batchId, receivedAt, records);
    const reply = JSON.stringify(results);
    await tx.run('UPDATE batches SET reply = ?, reply_bytes = ? WHERE batch_id = ?', [
      reply,
      Buffer.byteLength(reply),
      batchId,
    ]);
    return { kind: 'stored', results, replayed: false };
  });
}

interface Accepted {
  readonly index: number;
  readonly key: string;
  readonly hash: string;
  /** What the report tables take from it, on PostgreSQL (SQLite folds them in later). */
  readonly entry: ReportEntry | undefined;
}

/** Checks every record, inserts the new revisions (PostgreSQL: keeps the reports); one result per record. */
async function storeRecords(
  tx: SqlRunner,
  sql: Sql,
  device: Sender,
  batchId: string,
  receivedAt: string,
  values: readonly unknown[],
): Promise<RecordResult[]> {
  const checked = values.map((value) => parseUploadRecord(value));
  const ids = [
    ...new Set(checked.flatMap((parsed) => (parsed.success ? [parsed.data.id.toLowerCase()] : []))),
  ];
  const stored = await storedRevisions(tx, sql, ids);
  // Only these visits can have report rows yet (the loop below adds this batch's to `owners`).
  const known = new Set(stored.owners.keys());
  const locations = await locationsOf(tx, device.organisation_id);
  // PostgreSQL keeps the report tables in the batch's transaction; SQLite folds them in after
  // it commits (report-fold.ts), one fold for many batches.
  const keeps = sql.dialect === 'postgres';
  const results: RecordResult[] = [];
  const rows: SqlValue[][] = [];
  const accepted: Accepted[] = [];
  checked.forEach((parsed, index) => {
    if (!parsed.success) {
      const { id, rev } = looseRef(values[index]);
      results.push({ id, rev, status: 'rejected', reason: describeIssues(parsed.error.issues) });
      return;
    }
    // UUIDs are compared and stored in lower case, so one visit sent as "ABC…" and "abc…" is
    // one visit; the reply names the id as the device sent it, so the device finds its record.
    const ref = { id: parsed.data.id, rev: parsed.data.rev };
    const id = parsed.data.id.toLowerCase();
    const record = id === parsed.data.id ? parsed.data : { ...parsed.data, id };
    // A visit belongs to the organisation of the device that first sent it: a device of
    // another organisation may not add revisions or tombstones to it. (A device linked anew
    // after a revoke is a new device of the same organisation, and may send its old outbox.)
    const owner = stored.owners.get(record.id);
    if (owner && owner.organisation !== device.organisation_id) {
      results.push({ ...ref, status: 'rejected', reason: FOREIGN_VISIT });
      return;
    }
    const body = canonicalJson(record);
    const hash = sha256(body);
    const key = `${record.id} ${record.rev}`;
    const existing = stored.hashes.get(key);
    if (existing !== undefined) {
      results.push(
        existing === hash
          ? { ...ref, status: 'duplicate' }
          : { ...ref, status: 'conflict', reason: SAME_REV_OTHER_CONTENT },
      );
      return;
    }
    const live = 'deleted' in record ? null : record;
    // Checked only for a revision not stored yet: a resent one answers as before, even when
    // its location has since been closed.
    const location = live ? resolveLocation(live.location, locations) : undefined;
    if (location && !location.ok) {
      results.push({ ...ref, status: 'rejected', reason: location.reason });
      return;
    }
    const locationId = location?.id ?? null;
    rows.push([
      record.id,
      record.rev,
      live ? 0 : 1,
      live?.location ?? null,
      locationId,
      live?.day ?? null,
      body,
      hash,
      device.id,
      batchId,
      receivedAt,
    ]);
    // Later records of this batch see this one, as if stored one by one.
    stored.hashes.set(key, hash);
    if (!owner || record.rev < owner.rev) {
      stored.owners.set(record.id, { rev: record.rev, organisation: device.organisation_id });
    }
    accepted.push({
      index: results.length,
      key,
      hash,
      entry: keeps
        ? {
            id: record.id,
            rev: record.rev,
            organisationId: device.organisation_id,
            locationId,
            visit: live ? (visitFacts(live) ?? null) : null,
          }
        : undefined,
    });
    results.push({ ...ref, status: 'accepted' });
  });

  const insertedKeys = await insertRecords(tx, sql, batchId, rows);
  const entries: ReportEntry[] = [];
  for (const item of accepted) {
    if (insertedKeys.has(item.key)) {
      if (item.entry) entries.push(item.entry);
      continue;
    }
    // Another process stored this revision after it was read above: answer as for a resend.
    const [id, rev] = item.key.split(' ');
    const found = await tx.get<{ content_hash: string }>(
      'SELECT content_hash FROM records WHERE id = ? AND rev = ?',
      [id ?? '', Number(rev)],
    );
    const result = results[item.index] as RecordResult;
    results[item.index] =
      found?.content_hash === item.hash
        ? { id: result.id, rev: result.rev, status: 'duplicate' }
        : { id: result.id, rev: result.rev, status: 'conflict', reason: SAME_REV_OTHER_CONTENT };
  }
  if (keeps) await keepReports(tx, sql.dialect, entries, known);
  return results;
}

/** Inserts the new revisions; resolves to the keys ("id rev") of those it inserted. */
async function insertRecords(
  tx: SqlRunner,
  sql: Sql,
  batchId: string,
  rows: readonly SqlValue[][],
): Promise<Set<string>> {
  const conflict = 'ON CONFLICT (id, rev) DO NOTHING';
  const keys = (found: readonly { id: string; rev: number }[]) =>
    new Set(found.map((row) => `${row.id} ${row.rev}`));
  if (sql.dialect === 'postgres') {
    return keys(
      await bulkInsert(
        tx,
        'postgres',
        'records',
        RECORD_COLUMNS,
        rows,
        `${conflict} RETURNING id, rev`,
      ),
    );
  }
  // SQLite: the rows changed say whether all went in (one writer: they do); otherwise this
  // batch's own rows are the ones it inserted (its id is new in this transaction).
  const names = RECORD_COLUMNS.map((column) => column.name).join(', ');
  const marks = RECORD_COLUMNS.map(() => '?').join(', ');
  const changed = await tx.runEach(
    `INSERT INTO records (${names}) VALUES (${marks}) ${conflict}`,
    rows,
  );
  if (changed === rows.length)
    return keys(rows.map(([id, rev]) => ({ id: String(id), rev: Number(rev) })));
  return keys(await tx.all('SELECT id, rev FROM records WHERE batch_id = ?', [batchId]));
}

interface StoredRevisions {
  /** Per visit: its lowest stored revision and the organisation of the device that sent it. */
  readonly owners: Map<string, { rev: number; organisation: string | null }>;
  /** Per "id rev": the stored content's hash. */
  readonly hashes: Map<string, string>;
}

async function storedRevisions(
  tx: SqlRunner,
  sql: Sql,
  ids: readonly string[],
): Promise<StoredRevisions> {
  const owners: StoredRevisions['owners'] = new Map();
  const hashes: StoredRevisions['hashes'] = new Map();
  if (ids.length === 0) return { owners, hashes };
  const wanted = inList(sql.dialect, 'r.id', ids);
  const rows = await tx.all<{
    id: string;
    rev: number;
    content_hash: string;
    organisation_id: string | null;
  }>(
    `SELECT r.id, r.rev, r.content_hash, d.organisation_id
     FROM records r LEFT JOIN devices d ON d.id = r.device_id WHERE ${wanted.where}`,
    [wanted.param],
  );
  for (const row of rows) {
    hashes.set(`${row.id} ${row.rev}`, row.content_hash);
    const owner = owners.get(row.id);
    if (!owner || row.rev < owner.rev) {
      owners.set(row.id, { rev: row.rev, organisation: row.organisation_id });
    }
  }
  return { owners, hashes };
}

function looseRef(value: unknown): { id: string | null; rev: number | null } {
  const object =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    id: typeof object.id === 'string' ? object.id.slice(0, 100) : null,
    // Only a safe integer: the app's reply schema (z.int()) refuses 1e21 and would ack nothing.
    rev: Number.isSafeInteger(object.rev) ? (object.rev as number) : null,
  };
}
