// Storing one uploaded record inside a batch's transaction: checked with the shared schema,
// kept once per (id, rev) by content hash, owned by the organisation that first sent it, its
// location resolved to one of the organisation's, and the report tables kept up to date.

import type Database from 'better-sqlite3';
import { canonicalJson } from '../src/core/canonical';
import { parseUploadRecord } from '../src/core/upload/batch';
import type { RecordResult } from '../src/core/upload/reply';
import { locationKey } from './migrations';
import { describeIssues } from './reasons';
import { visitFacts } from './report-tables';
import { reportUpkeep } from './report-upkeep';
import { sha256 } from './secrets';
import type { Sender } from './store';

export const FOREIGN_VISIT =
  'Deze registratie is eerder door een ander apparaat verstuurd. Alleen dat apparaat mag haar wijzigen of verwijderen.';

export const UNKNOWN_LOCATION = (text: string) =>
  `Onbekende locatie '${text}'. Kies in Balie de juiste locatie en verstuur opnieuw.`;
export const FOREIGN_LOCATION =
  'Deze locatie hoort niet bij uw organisatie of bestaat niet. Kies in Balie de juiste locatie en verstuur opnieuw.';
export const CLOSED_LOCATION = (name: string) =>
  `De locatie '${name}' is gesloten. Kies in Balie een andere locatie en verstuur opnieuw.`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function openRecordWriter(db: Database.Database) {
  const findRecord = db.prepare<[string, number], { content_hash: string }>(
    'SELECT content_hash FROM records WHERE id = ? AND rev = ?',
  );
  const findOwner = db.prepare<[string], { organisation_id: string | null }>(
    `SELECT d.organisation_id FROM records r LEFT JOIN devices d ON d.id = r.device_id
     WHERE r.id = ? ORDER BY r.rev LIMIT 1`,
  );
  const insertRecord = db.prepare(
    `INSERT INTO records (id, rev, deleted, location, location_id, day, body, content_hash, device_id, batch_id, received_at)
     VALUES (@id, @rev, @deleted, @location, @locationId, @day, @body, @hash, @deviceId, @batchId, @receivedAt)`,
  );
  const locationById = db.prepare<[string, string], { id: string; name: string; active: number }>(
    'SELECT id, name, active FROM locations WHERE id = ? AND organisation_id = ?',
  );
  const locationByKey = db.prepare<[string, string], { id: string; name: string; active: number }>(
    'SELECT id, name, active FROM locations WHERE name_key = ? AND organisation_id = ?',
  );
  const keepReport = reportUpkeep(db);

  /**
   * The location id a record names: version 2 sends an id of the device's organisation,
   * version 1 the branch's name as free text (mapped when it equals a location's name).
   */
  function resolveLocation(
    value: string,
    organisationId: string,
  ): { ok: true; id: string } | { ok: false; reason: string } {
    const found = UUID.test(value)
      ? locationById.get(value.toLowerCase(), organisationId)
      : locationByKey.get(locationKey(value), organisationId);
    if (!found) {
      return { ok: false, reason: UUID.test(value) ? FOREIGN_LOCATION : UNKNOWN_LOCATION(value) };
    }
    if (found.active !== 1) return { ok: false, reason: CLOSED_LOCATION(found.name) };
    return { ok: true, id: found.id };
  }

  return function storeRecord(
    value: unknown,
    device: Sender,
    batchId: string,
    receivedAt: string,
  ): RecordResult {
    const deviceId = device.id;
    const parsed = parseUploadRecord(value);
    if (!parsed.success) {
      const { id, rev } = looseRef(value);
      return { id, rev, status: 'rejected', reason: describeIssues(parsed.error.issues) };
    }
    // UUIDs are compared and stored in lower case, so one visit sent as "ABC…" and "abc…" is
    // one visit; the reply names the id as the device sent it, so the device finds its record.
    const ref = { id: parsed.data.id, rev: parsed.data.rev };
    const record = { ...parsed.data, id: parsed.data.id.toLowerCase() };
    // A visit belongs to the organisation of the device that first sent it: a device of
    // another organisation may not add revisions or tombstones to it. (A device linked anew
    // after a revoke is a new device of the same organisation, and may send its old outbox.)
    const owner = findOwner.get(record.id);
    if (owner && owner.organisation_id !== device.organisation_id) {
      return { ...ref, status: 'rejected', reason: FOREIGN_VISIT };
    }
    const body = canonicalJson(record);
    const hash = sha256(body);
    const existing = findRecord.get(record.id, record.rev);
    if (existing) {
      return existing.content_hash === hash
        ? { ...ref, status: 'duplicate' }
        : {
            ...ref,
            status: 'conflict',
            reason: 'De server heeft deze versie van de registratie al, met een andere inhoud.',
          };
    }
    const live = 'deleted' in record ? null : record;
    // Checked only for a revision not stored yet: a resent one answers as before, even when
    // its location has since been closed.
    const location = live ? resolveLocation(live.location, device.organisation_id) : undefined;
    if (location && !location.ok) return { ...ref, status: 'rejected', reason: location.reason };
    insertRecord.run({
      id: record.id,
      rev: record.rev,
      deleted: live ? 0 : 1,
      location: live?.location ?? null,
      locationId: location?.id ?? null,
      day: live?.day ?? null,
      body,
      hash,
      deviceId,
      batchId,
      receivedAt,
    });
    keepReport({
      id: record.id,
      rev: record.rev,
      organisationId: device.organisation_id,
      locationId: location?.id ?? null,
      visit: live ? (visitFacts(live) ?? null) : null,
    });
    return { ...ref, status: 'accepted' };
  };
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
