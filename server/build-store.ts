// The store every database shares: batch ingest, the device, map, organisation, manager and
// report stores assembled over one `Sql` driver (sql.ts). The driver adds what only it can do:
// checks of its own health and durability.

import { openDeviceStore } from './device-store';
import { ingestBatch } from './ingest';
import { openManagerStore } from './manager-store';
import { openMapStore } from './map-store';
import { openOrgStore } from './org-store';
import { reportQueries } from './report-query';
import type { Sql } from './sql';
import type { Store, StoreOptions } from './store';

/** What the driver itself brings to the store. */
export interface DriverParts {
  /** A problem only this database can have (SQLite: the file was replaced), or undefined. */
  readonly problem?: () => string | undefined;
  readonly durability: Store['durability'];
}

export function buildStore(sql: Sql, options: StoreOptions, driver: DriverParts): Store {
  const now = options.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();
  const org = openOrgStore(sql, now);
  const managers = openManagerStore(sql, now);
  const firstOrganisation = async () => (await org.organisation()).id;
  const maps = openMapStore(sql, iso, firstOrganisation);
  const devices = openDeviceStore(sql, now, firstOrganisation);

  return {
    dialect: sql.dialect,
    org,
    managers,
    report: reportQueries(sql),
    // PostgreSQL keeps the report tables at ingest; SQLite folds them in later (report-fold.ts).
    foldReports: async () => 0,
    ...maps,
    ingest: (batchId, device, bodyHash, records, client) =>
      ingestBatch(sql, iso(), batchId, device, bodyHash, records, client),

    async replyBytesSince(deviceId, since) {
      const row = await sql.get<{ bytes: number }>(
        'SELECT COALESCE(SUM(reply_bytes), 0) AS bytes FROM batches WHERE device_id = ? AND received_at >= ?',
        [deviceId, since],
      );
      return row?.bytes ?? 0;
    },

    ...devices,

    async healthProblem() {
      try {
        await sql.get('SELECT COUNT(*) AS n FROM devices');
        return driver.problem?.();
      } catch {
        return 'De database is niet bereikbaar.';
      }
    },

    durability: driver.durability,

    async countRecords() {
      const row = await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM records');
      return row?.n ?? 0;
    },

    allRecords() {
      return sql.all<StoredRecord>('SELECT id, rev, deleted, body FROM records ORDER BY id, rev');
    },

    close: () => sql.close(),
  };
}

type StoredRecord = Awaited<ReturnType<Store['allRecords']>>[number];
