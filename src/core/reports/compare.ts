// A period next to another (the one before, the same one last year): differences and
// percentages for the headline numbers. Pure.

import type { Report } from './aggregate';
import type { Counts } from './tally';

export interface Change {
  readonly current: number;
  readonly previous: number;
  readonly difference: number;
  /** Rounded to one decimal; null when there was nothing to compare with. */
  readonly percent: number | null;
}

export interface Comparison {
  readonly visits: Change;
  readonly questions: Change;
  /** Questions per domain: digitale overheid, bibliotheek, overig, and any local one. */
  readonly byDomain: Readonly<Record<string, Change>>;
}

export function change(current: number, previous: number): Change {
  const difference = current - previous;
  const percent = previous === 0 ? null : Math.round((difference / previous) * 1000) / 10;
  return { current, previous, difference, percent };
}

/** Each key of either side, compared. */
export function compareCounts(current: Counts, previous: Counts): Record<string, Change> {
  const keys = [...new Set([...Object.keys(current), ...Object.keys(previous)])].sort();
  return Object.fromEntries(
    keys.map((key) => [key, change(countOf(current, key), countOf(previous, key))]),
  );
}

export function compare(current: Report, previous: Report): Comparison {
  return {
    visits: change(current.visits, previous.visits),
    questions: change(current.questions, previous.questions),
    byDomain: compareCounts(current.byDomain, previous.byDomain),
  };
}

function countOf(counts: Counts, key: string): number {
  return Object.hasOwn(counts, key) ? (counts[key] ?? 0) : 0;
}
