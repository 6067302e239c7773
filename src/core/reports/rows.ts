// The rows a report reads: the latest revision of each visit, as the device stores it and the
// endpoint keeps it. Pure. `latestRevisions` turns a stream of revisions into such rows.

import type { VisitContent } from '../registration/schema';

export type LiveRow = VisitContent & {
  readonly id: string;
  readonly rev: number;
  readonly deleted?: false;
};

/** A tombstone: the visit was deleted in this revision. */
export interface DeletedRow {
  readonly id: string;
  readonly rev: number;
  readonly deleted: true;
}

export type ReportRow = LiveRow | DeletedRow;

/** Which visits a report counts; `from` and `to` are inclusive days, all optional. */
export interface Scope {
  readonly from?: string;
  readonly to?: string;
  readonly location?: string;
}

export function inScope(scope: Scope, row: LiveRow): boolean {
  return (
    (scope.from === undefined || row.day >= scope.from) &&
    (scope.to === undefined || row.day <= scope.to) &&
    (scope.location === undefined || row.location === scope.location)
  );
}

/**
 * The latest revision of each visit, in first-seen order, tombstones included (a report skips
 * them). Revisions may come in any order and more than once. Holds one row per visit id.
 */
export function latestRevisions<Row extends ReportRow>(revisions: Iterable<Row>): Row[] {
  const latest = new Map<string, Row>();
  for (const row of revisions) {
    const seen = latest.get(row.id);
    if (seen === undefined || row.rev > seen.rev) latest.set(row.id, row);
  }
  return [...latest.values()];
}
