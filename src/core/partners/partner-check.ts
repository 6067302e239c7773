// The last checks on a partner: its details before they are kept (each problem as a code at
// its field), a blank partner for the form, and the desk's "verouderd" mark and check-by date.
// Pure; the caller passes the day.

import type * as z from 'zod/mini';
import { NO_HOURS } from './hours';
import type { PartnerField, ValueProblem } from './issues';
import { NO_LOCAL, type Partner, PartnerDetails } from './partner';
import { quickDetailsCheck } from './quick-check';

export interface DetailProblem {
  /** The field, or null when the problem is with the partner as a whole. */
  readonly field: PartnerField | null;
  readonly problem: ValueProblem;
}

export type DetailsCheck =
  | { readonly ok: true; readonly details: PartnerDetails }
  | { readonly ok: false; readonly problems: readonly DetailProblem[] };

const FIELDS = new Set<string>(Object.keys(PartnerDetails.shape));

/** The last check before a partner is kept, with each problem as a code at its field. */
export function checkDetails(value: unknown): DetailsCheck {
  const result = PartnerDetails.safeParse(value);
  if (result.success) return { ok: true, details: result.data };
  const problems = result.error.issues.map((issue): DetailProblem => {
    const [key, part] = issue.path;
    // The address is three fields to a person: its problems are named by their part.
    const field = key === 'address' ? (typeof part === 'string' ? part : 'street') : key;
    const known = typeof field === 'string' && (FIELDS.has(field) || key === 'address');
    return { field: known ? (field as PartnerField) : null, problem: problemOf(issue) };
  });
  return { ok: false, problems };
}

/**
 * `checkDetails` for the many partners of one import: a quick check first (plain limits by hand,
 * each repeated value and each shared hours object checked once). Details it does not pass get
 * `checkDetails` itself, so the problems are exactly its problems; details that pass are
 * returned as they are, not copied.
 */
export function detailsChecker(): (value: Record<string, unknown>) => DetailsCheck {
  const quick = quickDetailsCheck();
  return (value) =>
    quick(value) ? { ok: true, details: value as PartnerDetails } : checkDetails(value);
}

function problemOf(issue: z.core.$ZodIssue): ValueProblem {
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    return issue.origin === 'array' ? { code: 'too-many', max } : { code: 'too-long', max };
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return { code: 'missing' };
  return { code: 'invalid' };
}

/** A new partner with no hours, topics or notes: for the "nieuwe partner" form and tests. */
export function emptyPartner(id: string, name: string): Partner {
  return {
    id,
    name,
    description: '',
    topics: [],
    openingHours: NO_HOURS,
    walkInHours: NO_HOURS,
    languages: [],
    targetGroups: [],
    local: NO_LOCAL,
  };
}

/** Marks the details as wrong ("verouderd") or right again, as seen at the desk today. */
export function markOutdated(partner: Partner, outdated: boolean, today: string): Partner {
  const { notes } = partner.local;
  return {
    ...partner,
    local: outdated ? { notes, outdated, outdatedOn: today } : { notes, outdated },
  };
}

/** Flagged, never checked, or checked longer than `maxAgeDays` ago: worth a phone call. */
export function needsCheck(partner: Partner, today: string, maxAgeDays = 365): boolean {
  if (partner.local.outdated || partner.lastVerified === undefined) return true;
  const age = (Date.parse(today) - Date.parse(partner.lastVerified)) / 86_400_000;
  return age > maxAgeDays;
}
