// Koppelcodes: a manager makes a short single-use code (valid 24 hours, only its hash kept);
// a new device redeems it for its own long token, bound to the code's location and role.
// Redeeming is one transaction, so a code links exactly one device.

import { randomUUID } from 'node:crypto';
import {
  type AuditAction,
  KOPPELCODE_HOURS,
  type Location,
  type Organisation,
  type Redeemed,
} from './org-types';
import { generateKoppelcode, normaliseKoppelcode, randomSecret, sha256 } from './secrets';
import type { Sql, SqlRunner } from './sql';

export function openKoppelStore(
  sql: Sql,
  now: () => number,
  org: {
    organisation(id: string, run: SqlRunner): Promise<Organisation>;
    location(organisationId: string, id: string, run: SqlRunner): Promise<Location | undefined>;
    audit(
      organisationId: string,
      actor: string,
      action: AuditAction,
      detail: Record<string, unknown>,
      run: SqlRunner,
    ): Promise<void>;
  },
) {
  const iso = () => new Date(now()).toISOString();
  const { organisation, location, audit } = org;

  return {
    /** A single-use code, valid 24 hours; only its hash is kept. */
    async createKoppelcode(
      organisationId: string,
      request: { locationId: string; label: string; role: 'desk' | 'manager'; createdBy: string },
    ): Promise<{ code: string; expiresAt: string }> {
      const code = generateKoppelcode();
      const expiresAt = new Date(now() + KOPPELCODE_HOURS * 3600_000).toISOString();
      await sql.run(
        `INSERT INTO koppelcodes (code_hash, organisation_id, location_id, label, role, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          sha256(normaliseKoppelcode(code)),
          organisationId,
          request.locationId,
          request.label,
          request.role,
          request.createdBy,
          iso(),
          expiresAt,
        ],
      );
      return { code, expiresAt };
    },

    /** Links a new device with a code: its own token, bound to the code's location and role. */
    redeemKoppelcode(code: string): Promise<Redeemed> {
      const hash = sha256(normaliseKoppelcode(code));
      return sql.transaction<Redeemed>(async (tx) => {
        const row = await tx.get<{
          organisation_id: string;
          location_id: string;
          label: string;
          role: 'desk' | 'manager';
          expires_at: string;
          used_at: string | null;
        }>(
          'SELECT organisation_id, location_id, label, role, expires_at, used_at FROM koppelcodes WHERE code_hash = ?',
          [hash],
        );
        if (!row) return { kind: 'unknown' };
        if (row.used_at !== null) return { kind: 'used' };
        if (Date.parse(row.expires_at) <= now()) return { kind: 'expired' };
        const place = await location(row.organisation_id, row.location_id, tx);
        if (!place) return { kind: 'unknown' };
        const token = randomSecret();
        const id = randomUUID();
        const at = iso();
        // The code is taken only while still unused, so of two devices redeeming it at the
        // same moment (two endpoint processes) exactly one is linked.
        const taken = await tx.run(
          'UPDATE koppelcodes SET used_at = ?, device_id = ? WHERE code_hash = ? AND used_at IS NULL',
          [at, id, hash],
        );
        if (taken === 0) return { kind: 'used' };
        await tx.run(
          `INSERT INTO devices (id, label, role, token_hash, created_at, organisation_id, location_id, last_seen_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, row.label, row.role, sha256(token), at, row.organisation_id, place.id, at],
        );
        const detail = { deviceId: id, label: row.label, role: row.role, locationId: place.id };
        await audit(row.organisation_id, row.label, 'device.linked', detail, tx);
        return {
          kind: 'linked',
          token,
          device: { id, label: row.label, role: row.role },
          organisation: await organisation(row.organisation_id, tx),
          location: place,
        };
      });
    },
  };
}
