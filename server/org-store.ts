// The organisation's own tables: the organisation, its IDO locations, koppelcodes, the devices
// as managers see them, the answer lists and the audit log. One organisation per database for
// now, but every row carries organisation_id, so one endpoint can later hold several.

import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
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

export function openOrgStore(db: Database.Database, now: () => number) {
  const iso = () => new Date(now()).toISOString();

  const orgRow = (id?: string) =>
    db
      .prepare<[string, string], { id: string; name: string; screen_lock_minutes: number | null }>(
        `SELECT id, name, screen_lock_minutes FROM organisations
         WHERE ? = '' OR id = ? ORDER BY created_at, id LIMIT 1`,
      )
      .get(id ?? '', id ?? '');

  function organisation(id?: string): Organisation {
    const row = orgRow(id);
    if (!row) throw new Error(`organisation ${id ?? '(the first)'} is missing`);
    const minutes = row.screen_lock_minutes;
    return { id: row.id, name: row.name, screenLock: minutes === null ? null : { minutes } };
  }

  function location(organisationId: string, id: string): Location | undefined {
    const row = db
      .prepare<[string, string], LocationRow>(
        `SELECT ${LOCATION_COLUMNS} FROM locations WHERE id = ? AND organisation_id = ?`,
      )
      .get(id.toLowerCase(), organisationId);
    return row && toLocation(row);
  }

  function nameTaken(organisationId: string, name: string, except = ''): boolean {
    return (
      db
        .prepare<[string, string, string], { id: string }>(
          'SELECT id FROM locations WHERE organisation_id = ? AND name_key = ? AND id != ?',
        )
        .get(organisationId, locationKey(name), except) !== undefined
    );
  }

  function audit(
    organisationId: string,
    actor: string,
    action: AuditAction,
    detail: Record<string, unknown> = {},
  ): void {
    db.prepare(
      'INSERT INTO audit (organisation_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)',
    ).run(organisationId, iso(), actor, action, JSON.stringify(detail));
  }

  function device(organisationId: string, id: string): DeviceView | undefined {
    return db
      .prepare<[string, string], DeviceView>(
        `${DEVICE_SELECT} WHERE organisation_id = ? AND id = ?`,
      )
      .get(organisationId, id);
  }

  function catalogue(organisationId: string): Customisation {
    const row = db
      .prepare<[string], { revision: number; hidden: string; added: string }>(
        'SELECT revision, hidden, added FROM catalogues WHERE organisation_id = ?',
      )
      .get(organisationId);
    if (!row) return { revision: 0, hidden: [], added: [] };
    return { revision: row.revision, hidden: JSON.parse(row.hidden), added: JSON.parse(row.added) };
  }

  const putCatalogue = db.transaction(
    (organisationId: string, expected: number, next: CatalogueChange) => {
      const current = catalogue(organisationId);
      if (current.revision !== expected) return { kind: 'stale' as const, current };
      const merged = mergeCatalogue(current, next);
      db.prepare(
        `INSERT INTO catalogues (organisation_id, revision, hidden, added, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (organisation_id) DO UPDATE SET revision = excluded.revision,
           hidden = excluded.hidden, added = excluded.added, updated_at = excluded.updated_at`,
      ).run(
        organisationId,
        merged.revision,
        JSON.stringify(merged.hidden),
        JSON.stringify(merged.added),
        iso(),
      );
      return { kind: 'saved' as const, catalogue: merged };
    },
  );

  const koppel = openKoppelStore(db, now, { organisation, location, audit });

  return {
    /** The organisation by id; without an id, the first (for now the only) one. */
    organisation,

    /** Another organisation in this database (a province's endpoint later; tests now). */
    createOrganisation(name: string): Organisation {
      const id = randomUUID();
      db.prepare('INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)').run(
        id,
        name,
        iso(),
      );
      return organisation(id);
    },

    updateOrganisation(
      id: string,
      change: { readonly name?: string; readonly screenLock?: null | { minutes: number } },
    ): Organisation {
      if (change.name !== undefined) {
        db.prepare('UPDATE organisations SET name = ? WHERE id = ?').run(change.name, id);
      }
      if (change.screenLock !== undefined) {
        db.prepare('UPDATE organisations SET screen_lock_minutes = ? WHERE id = ?').run(
          change.screenLock?.minutes ?? null,
          id,
        );
      }
      return organisation(id);
    },

    /** Every location of the organisation by name, or only the open ones. */
    locations(organisationId: string, onlyActive = false): Location[] {
      return db
        .prepare<[string, number], LocationRow>(
          `SELECT ${LOCATION_COLUMNS} FROM locations WHERE organisation_id = ? AND active >= ?
           ORDER BY name COLLATE NOCASE, id`,
        )
        .all(organisationId, onlyActive ? 1 : 0)
        .map(toLocation);
    },

    location,

    /** A new open location; `taken` when the organisation already has one by that name. */
    addLocation(
      organisationId: string,
      input: LocationInput,
      id: string = randomUUID(),
    ): Location | 'taken' {
      if (nameTaken(organisationId, input.name)) return 'taken';
      db.prepare(
        `INSERT INTO locations (id, organisation_id, name, name_key, gemeente, kind, hours, staffing, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        organisationId,
        input.name,
        locationKey(input.name),
        input.gemeente,
        input.kind,
        input.hours,
        input.staffing,
        iso(),
      );
      return location(organisationId, id) as Location;
    },

    updateLocation(
      organisationId: string,
      id: string,
      change: Partial<Omit<Location, 'id'>>,
    ): Location | 'taken' | undefined {
      const current = location(organisationId, id);
      if (!current) return undefined;
      const next = { ...current, ...change };
      if (nameTaken(organisationId, next.name, current.id)) return 'taken';
      db.prepare(
        `UPDATE locations SET name = ?, name_key = ?, gemeente = ?, kind = ?, hours = ?, staffing = ?,
           active = ? WHERE id = ?`,
      ).run(
        next.name,
        locationKey(next.name),
        next.gemeente,
        next.kind,
        next.hours,
        next.staffing,
        next.active ? 1 : 0,
        current.id,
      );
      return location(organisationId, current.id);
    },

    ...koppel,

    devices(organisationId: string): DeviceView[] {
      return db
        .prepare<[string], DeviceView>(
          `${DEVICE_SELECT} WHERE organisation_id = ? ORDER BY created_at, id`,
        )
        .all(organisationId);
    },

    device,

    updateDevice(
      organisationId: string,
      id: string,
      change: { readonly label?: string; readonly locationId?: string },
    ): DeviceView | undefined {
      if (!device(organisationId, id)) return undefined;
      if (change.label !== undefined) {
        db.prepare('UPDATE devices SET label = ? WHERE id = ?').run(change.label, id);
      }
      if (change.locationId !== undefined) {
        db.prepare('UPDATE devices SET location_id = ? WHERE id = ?').run(change.locationId, id);
      }
      return device(organisationId, id);
    },

    /** Revokes a device of the organisation; false when there is no such device. */
    revokeDevice(organisationId: string, id: string): boolean {
      if (!device(organisationId, id)) return false;
      db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(
        iso(),
        id,
      );
      return true;
    },

    /** The organisation's answer lists (its changes to the national lists). */
    catalogue,

    /** Saves a manager's change when `expected` is still the current revision. */
    putCatalogue(organisationId: string, expected: number, next: CatalogueChange) {
      return putCatalogue(organisationId, expected, next);
    },

    audit,

    /** The newest entries first. */
    auditEntries(organisationId: string, limit: number): AuditEntry[] {
      return db
        .prepare<
          [string, number],
          { at: string; actor: string; action: AuditAction; detail: string }
        >(
          'SELECT at, actor, action, detail FROM audit WHERE organisation_id = ? ORDER BY id DESC LIMIT ?',
        )
        .all(organisationId, limit)
        .map((row) => ({ ...row, detail: JSON.parse(row.detail) }));
    },
  };
}

const DEVICE_SELECT = `SELECT id, label, role, location_id AS locationId, created_at AS createdAt,
  last_seen_at AS lastSeenAt, last_upload_at AS lastUploadAt, app_version AS appVersion,
  unsent_at_last_upload AS unsentAtLastUpload, revoked_at AS revokedAt FROM devices`;

export type OrgStore = ReturnType<typeof openOrgStore>;
