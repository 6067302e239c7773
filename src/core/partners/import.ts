// What every import returns: all partners or none, with problems a person can act on.
// Pure. Imports return details only, never local notes, and `planImport` keeps the notes
// already stored; ids are stable, so saving the plan updates partners instead of copying them.

import { NO_LOCAL, type Partner, type PartnerDetails, type PartnerLocal } from './partner';

export interface ImportIssue {
  /** Where, as a person finds it: "Rij 4", "services.csv, rij 3", "Dienst 2 (Buurtteam)". */
  readonly place: string;
  /** The column as the file heads it, when the problem is in one cell. */
  readonly column?: string;
  readonly message: string;
}

export type ImportResult =
  | {
      readonly ok: true;
      readonly partners: readonly PartnerDetails[];
      readonly warnings: readonly ImportIssue[];
    }
  | { readonly ok: false; readonly errors: readonly ImportIssue[] };

/** Called as rows are read, so the caller can show a progress bar. */
export type Progress = (done: number, total: number) => void;

/** More errors than this would bury the first ones; the rest is counted, not listed. */
export const MAX_ERRORS = 100;

/** "Rij 7, kolom Website: 'www' is geen geldig webadres." */
export function describeIssue(issue: ImportIssue): string {
  const where = issue.column === undefined ? issue.place : `${issue.place}, kolom ${issue.column}`;
  return `${where}: ${lowerFirst(issue.message)}`;
}

export interface ImportedPartner {
  readonly details: PartnerDetails;
  readonly place: string;
}

/** Ends an import: the same partner twice is an error, and any error means no partners. */
export function finishImport(
  imported: readonly ImportedPartner[],
  errors: readonly ImportIssue[],
  warnings: readonly ImportIssue[],
): ImportResult {
  const all = [...errors];
  const seen = new Map<string, string>();
  for (const { details, place } of imported) {
    const first = seen.get(details.id);
    if (first === undefined) seen.set(details.id, place);
    else {
      const message = `Dit is dezelfde partner als in ${lowerFirst(first)} (zelfde id, of zelfde naam en postcode). Haal er één weg of geef ze elk een eigen id.`;
      all.push({ place, message });
    }
  }
  if (all.length === 0 && imported.length === 0) {
    all.push({ place: 'Bestand', message: 'Er staan geen partners in dit bestand.' });
  }
  if (all.length === 0)
    return { ok: true, partners: imported.map(({ details }) => details), warnings };
  if (all.length <= MAX_ERRORS) return { ok: false, errors: all };
  const more = all.length - MAX_ERRORS;
  const rest = {
    place: 'Bestand',
    message: `En nog ${more} fouten. Verbeter eerst deze en probeer het opnieuw.`,
  };
  return { ok: false, errors: [...all.slice(0, MAX_ERRORS), rest] };
}

/**
 * The partner to store: the imported details with the notes the desk already kept. A flag
 * "verouderd" is lifted when the source says it checked the details after the flag was set.
 */
export function mergeImported(existing: Partner | undefined, details: PartnerDetails): Partner {
  const local: PartnerLocal = existing?.local ?? NO_LOCAL;
  const reverified =
    local.outdated &&
    local.outdatedOn !== undefined &&
    details.lastVerified !== undefined &&
    details.lastVerified > local.outdatedOn;
  return { ...details, local: reverified ? { notes: local.notes, outdated: false } : local };
}

export interface ImportPlan {
  /** Partners to write (upsert by id): new ones and changed ones. */
  readonly put: readonly Partner[];
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

export function planImport(
  existing: readonly Partner[],
  imported: readonly PartnerDetails[],
): ImportPlan {
  const stored = new Map(existing.map((partner) => [partner.id, partner]));
  const put: Partner[] = [];
  let added = 0;
  let updated = 0;
  for (const details of imported) {
    const before = stored.get(details.id);
    const after = mergeImported(before, details);
    if (before === undefined) added++;
    else if (canonical(before) === canonical(after)) continue;
    else updated++;
    put.push(after);
  }
  return { put, added, updated, unchanged: imported.length - added - updated };
}

/** "De naam ontbreekt" reads "Rij 4: de naam ontbreekt"; "HSDS" and "DigiD" keep their capitals. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** JSON with sorted keys, so two partners read from different places compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => a.localeCompare(b)))
      : field,
  );
}
