// Which IDO location a stored record names: version 2 sends a location id of the device's
// organisation, version 1 the branch's name as free text. The organisation's locations are read
// once per batch; a closed, unknown or foreign location is refused with a Dutch reason.

import { locationKey } from './migrations';
import type { SqlRunner } from './sql';

export const UNKNOWN_LOCATION = (text: string) =>
  `Onbekende locatie '${text}'. Kies in Balie de juiste locatie en verstuur opnieuw.`;
export const FOREIGN_LOCATION =
  'Deze locatie hoort niet bij uw organisatie of bestaat niet. Kies in Balie de juiste locatie en verstuur opnieuw.';
export const CLOSED_LOCATION = (name: string) =>
  `De locatie '${name}' is gesloten. Kies in Balie een andere locatie en verstuur opnieuw.`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface KnownLocation {
  readonly id: string;
  readonly name: string;
  readonly name_key: string;
  readonly active: number;
}

export async function locationsOf(tx: SqlRunner, organisationId: string) {
  const rows = await tx.all<KnownLocation>(
    'SELECT id, name, name_key, active FROM locations WHERE organisation_id = ?',
    [organisationId],
  );
  return {
    byId: new Map(rows.map((row) => [row.id, row])),
    byKey: new Map(rows.map((row) => [row.name_key, row])),
  };
}

/**
 * The location id a record names: version 2 sends an id of the device's organisation,
 * version 1 the branch's name as free text (mapped when it equals a location's name).
 */
export function resolveLocation(
  value: string,
  locations: Awaited<ReturnType<typeof locationsOf>>,
): { ok: true; id: string } | { ok: false; reason: string } {
  const isId = UUID.test(value);
  const found = isId
    ? locations.byId.get(value.toLowerCase())
    : locations.byKey.get(locationKey(value));
  if (!found) return { ok: false, reason: isId ? FOREIGN_LOCATION : UNKNOWN_LOCATION(value) };
  if (found.active !== 1) return { ok: false, reason: CLOSED_LOCATION(found.name) };
  return { ok: true, id: found.id };
}
