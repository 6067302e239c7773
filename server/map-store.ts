// The published sociale kaart in the endpoint's database: the current map (one row, replaced
// whole) and its last versions, which a manager can read and restore. A write happens only
// when the map is still the one the publisher saw (If-Match), inside one transaction.

import type Database from 'better-sqlite3';
import { etagFor } from './map-body';

export interface PublishedMap {
  readonly body: string;
  /** A strong validator: the hash of the body, quoted as HTTP wants it. */
  readonly etag: string;
  readonly partners: number;
  readonly publishedAt: string;
  /** Counts every publish and restore: 1, 2, … */
  readonly version: number;
}

export interface MapVersion {
  readonly version: number;
  readonly etag: string;
  readonly partners: number;
  readonly publishedAt: string;
  /** The label of the device that published it. */
  readonly publishedBy: string;
  /** The version this one restored, or null for a publish. */
  readonly restoredFrom: number | null;
}

/** What the writer expects the current map to be: its ETag, or `none` for a first publish. */
export type MapPrecondition = { readonly etag: string } | 'none';

export type MapWrite =
  | { readonly kind: 'published'; readonly map: PublishedMap }
  /** The current map is not the one expected (or there is none / no such version). */
  | { readonly kind: 'stale'; readonly current: PublishedMap | undefined }
  | { readonly kind: 'no-version' };

/** How many versions of the map are kept; older ones are removed as new ones come in. */
export const MAP_VERSIONS_KEPT = 20;

export function openMapStore(
  db: Database.Database,
  iso: () => string,
  organisationOf: () => string,
) {
  const putMap = db.prepare(
    `INSERT INTO map (id, body, etag, partners, device_id, published_at, version, organisation_id)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET body = excluded.body, etag = excluded.etag, partners = excluded.partners,
       device_id = excluded.device_id, published_at = excluded.published_at, version = excluded.version,
       organisation_id = excluded.organisation_id`,
  );
  const getMap = db.prepare<[], PublishedMap>(
    'SELECT body, etag, partners, published_at AS publishedAt, version FROM map WHERE id = 1',
  );
  const insertVersion = db.prepare(
    `INSERT INTO map_versions (version, body, etag, partners, device_id, published_at, restored_from, organisation_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const getVersion = db.prepare<[number], { body: string; partners: number; etag: string }>(
    'SELECT body, partners, etag FROM map_versions WHERE version = ?',
  );
  const pruneVersions = db.prepare('DELETE FROM map_versions WHERE version <= ?');

  /** Writes a new current map and its version, if the precondition still holds. */
  const writeMap = db.transaction(
    (
      body: string,
      partners: number,
      deviceId: string,
      expected: MapPrecondition,
      restoredFrom: number | null,
    ): MapWrite => {
      const current = getMap.get();
      const holds = expected === 'none' ? current === undefined : current?.etag === expected.etag;
      if (!holds) return { kind: 'stale', current };
      const map: PublishedMap = {
        body,
        etag: etagFor(body),
        partners,
        publishedAt: iso(),
        version: (current?.version ?? 0) + 1,
      };
      // One map per endpoint for now; it records whose organisation published it.
      const organisationId = organisationOf();
      putMap.run(
        map.body,
        map.etag,
        map.partners,
        deviceId,
        map.publishedAt,
        map.version,
        organisationId,
      );
      insertVersion.run(
        map.version,
        map.body,
        map.etag,
        map.partners,
        deviceId,
        map.publishedAt,
        restoredFrom,
        organisationId,
      );
      pruneVersions.run(map.version - MAP_VERSIONS_KEPT);
      return { kind: 'published', map };
    },
  );

  return {
    /** Publishes a checked map (Balie's own writing of it) if the current one is `expected`. */
    publishMap(
      body: string,
      partners: number,
      /** The device or manager who publishes. */
      deviceId: string,
      expected: MapPrecondition,
    ): MapWrite {
      return writeMap(body, partners, deviceId, expected, null);
    },

    /** Makes an earlier version the current map again, as a new version. */
    restoreMapVersion(version: number, deviceId: string, expected: MapPrecondition): MapWrite {
      const earlier = getVersion.get(version);
      if (!earlier) return { kind: 'no-version' };
      return writeMap(earlier.body, earlier.partners, deviceId, expected, version);
    },

    publishedMap(): PublishedMap | undefined {
      return getMap.get();
    },

    /** The kept versions, newest first. */
    mapVersions(): MapVersion[] {
      return db
        .prepare<[], MapVersion>(
          `SELECT v.version, v.etag, v.partners, v.published_at AS publishedAt,
             COALESCE(d.label, m.name, '') AS publishedBy, v.restored_from AS restoredFrom
           FROM map_versions v LEFT JOIN devices d ON d.id = v.device_id
             LEFT JOIN managers m ON m.id = v.device_id ORDER BY v.version DESC`,
        )
        .all();
    },

    mapVersion(version: number): { body: string; etag: string } | undefined {
      return getVersion.get(version);
    },
  };
}
