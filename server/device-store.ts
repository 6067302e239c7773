// Device tokens: creating a device of an organisation (at a location), what a bearer token is
// (unknown, revoked, unused for 180 days, or a device), roles, listing and revoking. Only a
// token's SHA-256 is kept; last use is written at most every five minutes.

import { randomUUID } from 'node:crypto';
import { randomSecret, sha256 } from './secrets';
import type { Sql } from './sql';

/** A desk device registers and uploads; a manager may also publish the sociale kaart. */
export const ROLES = ['desk', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export interface DeviceRow {
  readonly id: string;
  readonly label: string;
  readonly role: Role;
  readonly created_at: string;
  readonly revoked_at: string | null;
}

/** A device as a request's token finds it: with its organisation and own location. */
export interface TokenDevice extends DeviceRow {
  readonly organisation_id: string;
  readonly location_id: string | null;
  readonly last_seen_at: string | null;
}

/** Why a token is refused: never seen, revoked by a manager, or unused for 180 days. */
export type TokenCheck =
  | { readonly ok: true; readonly device: TokenDevice }
  | { readonly ok: false; readonly why: 'unknown' | 'revoked' | 'expired' };

/** A device token unused this long is refused. */
export const TOKEN_IDLE_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Last use is written at most this often per device (each write is a disk sync). */
const SEEN_RESOLUTION_MS = 5 * 60 * 1000;

export function openDeviceStore(
  sql: Sql,
  now: () => number,
  firstOrganisation: () => Promise<string>,
) {
  const iso = () => new Date(now()).toISOString();

  /** What a bearer token is: a device, or why not (unknown, revoked, unused 180 days). */
  async function checkToken(token: string): Promise<TokenCheck> {
    const device = await sql.get<TokenDevice>(
      `SELECT id, label, role, created_at, revoked_at, organisation_id, location_id, last_seen_at
       FROM devices WHERE token_hash = ?`,
      [sha256(token)],
    );
    if (!device) return { ok: false, why: 'unknown' };
    if (device.revoked_at !== null) return { ok: false, why: 'revoked' };
    const lastUse = Date.parse(device.last_seen_at ?? device.created_at);
    const time = now();
    if (time - lastUse > TOKEN_IDLE_DAYS * DAY_MS) return { ok: false, why: 'expired' };
    if (time - lastUse > SEEN_RESOLUTION_MS) {
      await sql.run('UPDATE devices SET last_seen_at = ? WHERE id = ?', [iso(), device.id]);
    }
    return { ok: true, device };
  }

  return {
    /**
     * Creates a device of the organisation, at `locationId` (or none yet), and returns its
     * token (256 random bits); only the token's hash is kept.
     */
    async createDevice(
      label: string,
      role: Role = 'desk',
      locationId: string | null = null,
    ): Promise<{ device: DeviceRow; token: string }> {
      const token = randomSecret();
      const device: DeviceRow = {
        id: randomUUID(),
        label,
        role,
        created_at: iso(),
        revoked_at: null,
      };
      // A device belongs to its location's organisation (or, without one, the first).
      const place =
        locationId === null
          ? undefined
          : await sql.get<{ organisation_id: string }>(
              'SELECT organisation_id FROM locations WHERE id = ?',
              [locationId],
            );
      const organisationId = place?.organisation_id ?? (await firstOrganisation());
      await sql.run(
        `INSERT INTO devices (id, label, role, token_hash, created_at, organisation_id, location_id, last_seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          device.id,
          label,
          role,
          sha256(token),
          device.created_at,
          organisationId,
          locationId,
          device.created_at,
        ],
      );
      return { device, token };
    },

    checkToken,

    /** The device a bearer token belongs to, unless unknown, revoked or expired. */
    async deviceForToken(token: string): Promise<TokenDevice | undefined> {
      const checked = await checkToken(token);
      return checked.ok ? checked.device : undefined;
    },

    async setRole(id: string, role: Role): Promise<void> {
      await sql.run('UPDATE devices SET role = ? WHERE id = ?', [role, id]);
    },

    listDevices(): Promise<DeviceRow[]> {
      return sql.all<DeviceRow>(
        'SELECT id, label, role, created_at, revoked_at FROM devices ORDER BY created_at, id',
      );
    },

    /** Revokes by id or label; returns how many devices it revoked. */
    revokeDevice(idOrLabel: string): Promise<number> {
      return sql.run(
        'UPDATE devices SET revoked_at = ? WHERE (id = ? OR label = ?) AND revoked_at IS NULL',
        [iso(), idOrLabel, idOrLabel],
      );
    },
  };
}

export type DeviceStore = ReturnType<typeof openDeviceStore>;
