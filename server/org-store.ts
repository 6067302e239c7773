// The organisation's own tables: the organisation, its IDO locations, koppelcodes, the devices
// as managers see them, the answer lists and the audit log. One organisation per database for
// now, but every row carries organisation_id, so one endpoint can later hold several.

import { randomUUID } from 'node:crypto';
import type { Customisation } from '../src/core/registration/catalogue';
import { type CatalogueChange, mergeCatalogue } from './catalogue';
import { openKoppelStore } from './koppel-store';
import { locationKey } from './migrations';
import {
  type AuditAction,
  type AuditEntry,
  type DeviceView,
  LOCATION_COLUMNS,
  type Location,
  type LocationInput,
  type LocationRow,
  type Organisation,
  toLocation,
} from './org-types';
import type { Sql, SqlRunner } from './sql';

export function openOrgStore(sql: Sql, now: () => number) {
  const iso = () => new Date(now()).toISOString();

  // The helpers take a runner: the database itself, or a transaction they are part of.
  async function organisation(id?: string, run: SqlRunner = sql): Promise<Organisation> {
    const row = await run.get<{ id: string; name: string; screen_lock_minutes: number | null }>(
      `SELECT id, name, screen_lock_minutes FROM organisations
       WHERE ? = '' OR id = ? ORDER BY created_at, id LIMIT 1`,
      [id ?? '', id ?? ''],
    );
    if (!row) throw new Error(`organisation ${id ?? '(the first)'} is missing`);
    const minutes = row.screen_lock_minutes;
    return { id: row.id, name: row.name, screenLock: minutes === null ? null : { minutes } };
  }

  async function location(
    organisationId: string,
    id: string,
    run: SqlRunner = sql,
  ): Promise<Location | undefined> {
    const row = await run.get<LocationRow>(
      `SELECT ${LOCATION_COLUMNS} FROM locations WHERE id = ? AND organisation_id = ?`,
      [id.toLowerCase(), organisationId],
    );
    return row && toLocation(row);
  }

  async function nameTaken(organisationId: string, name: string, except = ''): Promise<boolean> {
    const row = await sql.get<{ id: string }>(
      'SELECT id FROM locations WHERE organisation_id = ? AND name_key = ? AND id <> ?',
      [organisationId, locationKey(name), except],
    );
    return row !== undefined;
  }

  async function audit(
    organisationId: string,
    actor: string,
    action: AuditAction,
    detail: Record<string, unknown> = {},
    run: SqlRunner = sql,
  ): Promise<void> {
    await run.run(
      'INSERT INTO audit (organisation_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)',
      [organisationId, iso(), actor, action, JSON.stringify(detail)],
    );
  }

  function device(organisationId: string, id: string): Promise<DeviceView | undefined> {
    return sql.get<DeviceView>(`${DEVICE_SELECT} WHERE organisation_id = ? AND id = ?`, [
      organisationId,
      id,
    ]);
  }

  async function catalogue(organisationId: string, run: SqlRunner = sql): Promise<Customisation> {
    const row = await run.get<{ revision: number; hidden: string; added: string }>(
      'SELECT revision, hidden, added FROM catalogues WHERE organisation_id = ?',
      [organisationId],
    );
    if (!row) return { revision: 0, hidden: [], added: [] };
    return { revision: row.revision, hidden: JSON.parse(row.hidden), added: JSON.parse(row.added) };
  }

  const koppel = openKoppelStore(sql, now, { organisation, location, audit });

  return {
    /** The organisation by id; without an id, the first (for now the only) one. */
    organisation: (id?: string) => organisation(id),

    /** Another organisation in this database (a province's endpoint later; tests now). */
    async createOrganisation(name: string): Promise<Organisation> {
      const id = randomUUID();
      await sql.run('INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)', [
        id,
        name,
        iso(),
      ]);
      return organisation(id);
    },

    async updateOrganisation(
      id: string,
      change: { readonly name?: string; readonly screenLock?: null | { minutes: number } },
    ): Promise<Organisation> {
      if (change.name !== undefined) {
        await sql.run('UPDATE organisations SET name = ? WHERE id = ?', [change.name, id]);
      }
      if (change.screenLock !== undefined) {
        await sql.run('UPDATE organisations SET screen_lock_minutes = ? WHERE id = ?', [
          change.screenLock?.minutes ?? null,
          id,
        ]);
      }
      return organisation(id);
    },

    /** Every location of the organisation by name (case-blind), or only the open ones. */
    async locations(organisationId: string, onlyActive = false): Promise<Location[]> {
      // Case-blind by LOWER(), as COLLATE NOCASE (SQLite's own) did: on SQLite both fold ASCII.
      const rows = await sql.all<LocationRow>(
        `SELECT ${LOCATION_COLUMNS} FROM locations WHERE organisation_id = ? AND active >= ?
         ORDER BY LOWER(name), id`,
        [organisationId, onlyActive ? 1 : 0],
      );
      return rows.map(toLocation);
    },

    location: (organisationId: string, id: string) => location(organisationId, id),

    /** A new open location; `taken` when the organisation already has one by that name. */
    async addLocation(
      organisationId: string,
      input: LocationInput,
      id: string = randomUUID(),
    ): Promise<Location | 'taken'> {
      if (await nameTaken(organisationId, input.name)) return 'taken';
      await sql.run(
        `INSERT INTO locations (id, organisation_id, name, name_key, gemeente, kind, hours, staffing, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          organisationId,
          input.name,
          locationKey(input.name),
          input.gemeente,
          input.kind,
          input.hours,
          input.staffing,
          iso(),
        ],
      );
      return (await location(organisationId, id)) as Location;
    },

    async updateLocation(
      organisationId: string,
      id: string,
      change: Partial<Omit<Location, 'id'>>,
    ): Promise<Location | 'taken' | undefined> {
      const current = await location(organisationId, id);
      if (!current) return undefined;
      const next = { ...current, ...change };
      if (await nameTaken(organisationId, next.name, current.id)) return 'taken';
      await sql.run(
        `UPDATE locations SET name = ?, name_key = ?, gemeente = ?, kind = ?, hours = ?, staffing = ?,
           active = ? WHERE id = ?`,
        [
          next.name,
          locationKey(next.name),
          next.gemeente,
          next.kind,
          next.hours,
          next.staffing,
          next.active ? 1 : 0,
          current.id,
        ],
      );
      return location(organisationId, current.id);
    },

    ...koppel,

    devices(organisationId: string): Promise<DeviceView[]> {
      return sql.all<DeviceView>(
        `${DEVICE_SELECT} WHERE organisation_id = ? ORDER BY created_at, id`,
        [organisationId],
      );
    },

    device,

    async updateDevice(
      organisationId: string,
      id: string,
      change: { readonly label?: string; readonly locationId?: string },
    ): Promise<DeviceView | undefined> {
      if (!(await device(organisationId, id))) return undefined;
      if (change.label !== undefined) {
        await sql.run('UPDATE devices SET label = ? WHERE id = ?', [change.label, id]);
      }
      if (change.locationId !== undefined) {
        await sql.run('UPDATE devices SET location_id = ? WHERE id = ?', [change.locationId, id]);
      }
      return device(organisationId, id);
    },

    /** Revokes a device of the organisation; false when there is no such device. */
    async revokeDevice(organisationId: string, id: string): Promise<boolean> {
      if (!(await device(organisationId, id))) return false;
      await sql.run('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
        iso(),
        id,
      ]);
      return true;
    },

    /** The organisation's answer lists (its changes to the national lists). */
    catalogue: (organisationId: string) => catalogue(organisationId),

    /** Saves a manager's change when `expected` is still the current revision. */
    putCatalogue(organisationId: string, expected: number, next: CatalogueChange) {
      return sql.transaction(async (tx) => {
        // Two managers saving over the same revision: the second one sees the first one's.
        await sql.lock(tx, `catalogue:${organisationId}`);
        const current = await catalogue(organisationId, tx);
        if (current.revision !== expected) return { kind: 'stale' as const, current };
        const merged = mergeCatalogue(current, next);
        await tx.run(
          `INSERT INTO catalogues (organisation_id, revision, hidden, added, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (organisation_id) DO UPDATE SET revision = excluded.revision,
             hidden = excluded.hidden, added = excluded.added, updated_at = excluded.updated_at`,
          [
            organisationId,
            merged.revision,
            JSON.stringify(merged.hidden),
            JSON.stringify(merged.added),
            iso(),
          ],
        );
        return { kind: 'saved' as const, catalogue: merged };
      });
    },

    audit: (
      organisationId: string,
      actor: string,
      action: AuditAction,
      detail: Record<string, unknown> = {},
    ) => audit(organisationId, actor, action, detail),

    /** The newest entries first. */
    async auditEntries(organisationId: string, limit: number): Promise<AuditEntry[]> {
      const rows = await sql.all<{
        at: string;
        actor: string;
        action: AuditAction;
        detail: string;
      }>(
        'SELECT at, actor, action, detail FROM audit WHERE organisation_id = ? ORDER BY id DESC LIMIT ?',
        [organisationId, limit],
      );
      return rows.map((row) => ({ ...row, detail: JSON.parse(row.detail) }));
    },
  };
}

const DEVICE_SELECT = `SELECT id, label, role, location_id AS "locationId", created_at AS "createdAt",
  last_seen_at AS "lastSeenAt", last_upload_at AS "lastUploadAt", app_version AS "appVersion",
  unsent_at_last_upload AS "unsentAtLastUpload", revoked_at AS "revokedAt" FROM devices`;

export type OrgStore = ReturnType<typeof openOrgStore>;
