// Koppelcodes: a manager makes a short single-use code (valid 24 hours, only its hash kept);
// a new device redeems it for its own long token, bound to the code's location and role.
// Redeeming is one transaction, so a code links exactly one device.

import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  type AuditAction,
  KOPPELCODE_HOURS,
  type Location,
  type Organisation,
  type Redeemed,
} from './org-types';
import { generateKoppelcode, normaliseKoppelcode, randomSecret, sha256 } from './secrets';

export function openKoppelStore(
  db: Database.Database,
  now: () => number,
  org: {
    organisation(id?: string): Organisation;
    location(organisationId: string, id: string): Location | undefined;
    audit(
      organisationId: string,
      actor: string,
      action: AuditAction,
      detail?: Record<string, unknown>,
    ): void;
  },
) {
  const iso = () => new Date(now()).toISOString();
  const { organisation, location, audit } = org;

  const redeem = db.transaction((code: string): Redeemed => {
    const row = db
      .prepare<
        [string],
        {
          organisation_id: string;
          location_id: string;
          label: string;
          role: 'desk' | 'manager';
          expires_at: string;
          used_at: string | null;
        }
      >(
        'SELECT organisation_id, location_id, label, role, expires_at, used_at FROM koppelcodes WHERE code_hash = ?',
      )
      .get(sha256(normaliseKoppelcode(code)));
    if (!row) return { kind: 'unknown' };
    if (row.used_at !== null) return { kind: 'used' };
    if (Date.parse(row.expires_at) <= now()) return { kind: 'expired' };
    const place = location(row.organisation_id, row.location_id);
    if (!place) return { kind: 'unknown' };
    const token = randomSecret();
    const id = randomUUID();
    const at = iso();
    db.prepare(
      `INSERT INTO devices (id, label, role, token_hash, created_at, organisation_id, location_id, last_seen_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, row.label, row.role, sha256(token), at, row.organisation_id, place.id, at);
    db.prepare('UPDATE koppelcodes SET used_at = ?, device_id = ? WHERE code_hash = ?').run(
      at,
      id,
      sha256(normaliseKoppelcode(code)),
    );
    audit(row.organisation_id, row.label, 'device.linked', {
      deviceId: id,
      label: row.label,
      role: row.role,
      locationId: place.id,
    });
    return {
      kind: 'linked',
      token,
      device: { id, label: row.label, role: row.role },
      organisation: organisation(row.organisation_id),
      location: place,
    };
  });

  return {
    /** A single-use code, valid 24 hours; only its hash is kept. */
    createKoppelcode(
      organisationId: string,
      request: { locationId: string; label: string; role: 'desk' | 'manager'; createdBy: string },
    ): { code: string; expiresAt: string } {
      const code = generateKoppelcode();
      const expiresAt = new Date(now() + KOPPELCODE_HOURS * 3600_000).toISOString();
      db.prepare(
        `INSERT INTO koppelcodes (code_hash, organisation_id, location_id, label, role, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        sha256(normaliseKoppelcode(code)),
        organisationId,
        request.locationId,
        request.label,
        request.role,
        request.createdBy,
        iso(),
        expiresAt,
      );
      return { code, expiresAt };
    },

    /** Links a new device with a code: its own token, bound to the code's location and role. */
    redeemKoppelcode(code: string): Redeemed {
      return redeem(code);
    },
  };
}
