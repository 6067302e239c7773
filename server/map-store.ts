// The published sociale kaart in the endpoint's database: the current map (one row, replaced
// whole) and its last versions, which a manager can read and restore. A write happens only
// when the map is still the one the publisher saw (If-Match), inside one transaction.

import { etagFor } from './map-body';
import type { Sql } from './sql';

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

const CURRENT_MAP =
  'SELECT body, etag, partners, published_at AS "publishedAt", version FROM map WHERE id = 1';
const KEPT_VERSION = 'SELECT body, partners, etag FROM map_versions WHERE version = ?';

export function openMapStore(sql: Sql, iso: () => string, organisationOf: () => Promise<string>) {
  /** Writes a new current map and its version, if the precondition still holds. */
  async function writeMap(
    body: string,
    partners: number,
    deviceId: string,
    expected: MapPrecondition,
    restoredFrom: number | null,
  ): Promise<MapWrite> {
    // One map per endpoint for now; it records whose organisation published it.
    const organisationId = await organisationOf();
    return sql.transaction<MapWrite>(async (tx) => {
      // Two publishers over the same version: the second one sees the first one's map.
      await sql.lock(tx, 'map');
      const current = await tx.get<PublishedMap>(CURRENT_MAP);
      const holds = expected === 'none' ? current === undefined : current?.etag === expected.etag;
      if (!holds) return { kind: 'stale', current };
      const map: PublishedMap = {
        body,
        etag: etagFor(body),
        partners,
        publishedAt: iso(),
        version: (current?.version ?? 0) + 1,
      };
      await tx.run(
        `INSERT INTO map (id, body, etag, partners, device_id, published_at, version, organisation_id)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body, etag = excluded.etag, partners = excluded.partners,
           device_id = excluded.device_id, published_at = excluded.published_at, version = excluded.version,
           organisation_id = excluded.organisation_id`,
        [map.body, map.etag, map.partners, deviceId, map.publishedAt, map.version, organisationId],
      );
      await tx.run(
        `INSERT INTO map_versions (version, body, etag, partners, device_id, published_at, restored_from, organisation_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          map.version,
          map.body,
          map.etag,
          map.partners,
          deviceId,
          map.publishedAt,
          restoredFrom,
          organisationId,
        ],
      );
      await tx.run('DELETE FROM map_versions WHERE version <= ?', [
        map.version - MAP_VERSIONS_KEPT,
      ]);
      return { kind: 'published', map };
    });
  }

  return {
    /** Publishes a checked map (Balie's own writing of it) if the current one is `expected`. */
    publishMap(
      body: string,
      partners: number,
      /** The device or manager who publishes. */
      deviceId: string,
      expected: MapPrecondition,
    ): Promise<MapWrite> {
      return writeMap(body, partners, deviceId, expected, null);
    },

    /** Makes an earlier version the current map again, as a new version. */
    async restoreMapVersion(
      version: number,
      deviceId: string,
      expected: MapPrecondition,
    ): Promise<MapWrite> {
      const earlier = await sql.get<{ body: string; partners: number }>(KEPT_VERSION, [version]);
      if (!earlier) return { kind: 'no-version' };
      return writeMap(earlier.body, earlier.partners, deviceId, expected, version);
    },

    publishedMap(): Promise<PublishedMap | undefined> {
      return sql.get<PublishedMap>(CURRENT_MAP);
    },

    /** The kept versions, newest first. */
    mapVersions(): Promise<MapVersion[]> {
      return sql.all<MapVersion>(
        `SELECT v.version, v.etag, v.partners, v.published_at AS "publishedAt",
           COALESCE(d.label, m.name, '') AS "publishedBy", v.restored_from AS "restoredFrom"
         FROM map_versions v LEFT JOIN devices d ON d.id = v.device_id
           LEFT JOIN managers m ON m.id = v.device_id ORDER BY v.version DESC`,
      );
    },

    mapVersion(version: number): Promise<{ body: string; etag: string } | undefined> {
      return sql.get<{ body: string; etag: string }>(KEPT_VERSION, [version]);
    },
  };
}

export type MapStore = ReturnType<typeof openMapStore>;
