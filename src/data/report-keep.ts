// The organisation's reports a manager fetched, kept on the device (idb-keyval) for reading
// offline: the last answer per question (period and filters), with when it was fetched.
// At most KEEP_REPORTS questions, the newest first; each entry is parsed on read. Signing out
// forgets them all.

import { del, get, update } from 'idb-keyval';
import * as z from 'zod/mini';
import { OrgReport } from '../core/reports/org-report';
import { settings } from './settings';
import { parseStored, StoredList } from './stored';

/** The organisation's reports as a manager last fetched them, per question. */
export const KeptOrgReport = z.object({
  query: z.string().check(z.maxLength(10_000)),
  fetchedAt: z.number(),
  current: OrgReport,
  previous: OrgReport,
  lastYear: OrgReport,
});
export type KeptOrgReport = z.infer<typeof KeptOrgReport>;

const KEY = 'org-reports';
/** Questions kept; an older one is forgotten when a new one is fetched. */
export const KEEP_REPORTS = 12;

function entries(stored: unknown): KeptOrgReport[] {
  return parseStored(StoredList, stored, []).value.flatMap((entry) => {
    const read = parseStored(KeptOrgReport, entry, undefined);
    return read.value ? [read.value] : [];
  });
}

export interface KeptReports {
  /** The kept answer to this question, if any. */
  readonly match: KeptOrgReport | undefined;
  /** The question fetched last (maybe another one), for a way to it when this one is missing. */
  readonly latest: { readonly query: string; readonly fetchedAt: number } | undefined;
}

export async function readKeptReport(query: string): Promise<KeptReports> {
  const kept = entries(await get(KEY, settings()));
  const latest = kept[0];
  return {
    match: kept.find((entry) => entry.query === query),
    latest: latest ? { query: latest.query, fetchedAt: latest.fetchedAt } : undefined,
  };
}

/** Forgets every kept report: a manager who signs out takes the organisation's numbers along. */
export function forgetKeptReports(): Promise<void> {
  return del(KEY, settings());
}

/** Keeps this answer in place of an older one to the same question; damaged entries go. */
export function keepReport(report: KeptOrgReport): Promise<void> {
  return update(
    KEY,
    (stored: unknown) => [
      report,
      ...entries(stored)
        .filter((entry) => entry.query !== report.query)
        .slice(0, KEEP_REPORTS - 1),
    ],
    settings(),
  );
}
