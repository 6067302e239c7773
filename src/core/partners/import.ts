// What every import returns: all partners or none, with problems a person can act on.
// Pure. Imports return details only, never local notes, and `planImport` keeps the notes
// already stored; ids are stable, so saving the plan updates partners instead of copying them.

import { canonicalJson } from '../canonical';
import { FILE, type ImportIssue, type IssuePlace } from './issues';
import { NO_LOCAL, type Partner, type PartnerDetails, type PartnerLocal } from './partner';

/** A word of the source's own for what partners help with, and what Balie made of it. */
export interface OwnWordSummary {
  readonly word: string;
  /** Catalogue topics it was mapped to; empty when it is kept as a keyword only. */
  readonly topics: readonly string[];
  readonly partners: number;
}

export type ImportResult =
  | {
      readonly ok: true;
      readonly partners: readonly PartnerDetails[];
      readonly warnings: readonly ImportIssue[];
      /** For the summary a manager confirms before anything is written. */
      readonly ownWords: readonly OwnWordSummary[];
    }
  | { readonly ok: false; readonly errors: readonly ImportIssue[] };

/** Called as rows are read, so the caller can show a progress bar. */
export type Progress = (done: number, total: number) => void;

/** More errors than this would bury the first ones; the rest is counted, not listed. */
export const MAX_ERRORS = 100;

export interface ImportedPartner {
  readonly details: PartnerDetails;
  readonly place: IssuePlace;
}

/** Ends an import: the same partner twice is an error, and any error means no partners. */
export function finishImport(
  imported: readonly ImportedPartner[],
  errors: readonly ImportIssue[],
  warnings: readonly ImportIssue[],
  ownWords: readonly OwnWordSummary[] = [],
): ImportResult {
  const all = [...errors];
  const seen = new Map<string, IssuePlace>();
  for (const { details, place } of imported) {
    const firstPlace = seen.get(details.id);
    if (firstPlace === undefined) seen.set(details.id, place);
    else all.push({ code: 'duplicate-partner', place, firstPlace });
  }
  if (all.length === 0 && imported.length === 0) all.push({ code: 'no-partners', place: FILE });
  if (all.length === 0)
    return { ok: true, partners: imported.map(({ details }) => details), warnings, ownWords };
  if (all.length <= MAX_ERRORS) return { ok: false, errors: all };
  const rest: ImportIssue = { code: 'more-errors', count: all.length - MAX_ERRORS, place: FILE };
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
    else if (canonicalJson(before) === canonicalJson(after)) continue;
    else updated++;
    put.push(after);
  }
  return { put, added, updated, unchanged: imported.length - added - updated };
}
