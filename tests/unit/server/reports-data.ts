// A generated, seeded data set for the report tests: visits with revisions (in and out of
// order), tombstones (some revived), repeated needs, organisations and help in one question,
// days at the period edges and on both clock-change Sundays of 2026.

import type { VisitContent } from '../../../src/core/registration/schema';
import type { ReportRow } from '../../../src/core/reports/rows';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Days the visits fall on: period edges, both 2026 clock changes (29 March, 25 October). */
export const DAYS = [
  '2026-03-27',
  '2026-03-28',
  '2026-03-29',
  '2026-03-30',
  '2026-03-31',
  '2026-10-24',
  '2026-10-25',
  '2026-10-26',
  '2026-10-31',
  '2026-11-01',
  '2026-11-02',
];

const CHANNELS = ['balie', 'telefoon', 'afspraak'];
const DURATIONS = ['tot-15', '15-30', '30-60'];
const NEEDS = ['meekijken', 'overheidstaal', 'apparaat'];
const DOMAINS = ['digitale-overheid', 'geld', 'zorg'];
const TOPICS = ['digid', 'toeslagen', 'belastingaangifte', 'zorgverzekering'];
const ORGANISATIONS = ['gemeente', 'belastingdienst', 'svb', 'uwv'];
const HELP = ['uitleg', 'samen-gedaan', 'doorverwezen'];

type Live = VisitContent & { id: string; rev: number };
export type Revision = Live | { id: string; rev: number; deleted: true };

export function makeVisit(
  next: () => number,
  id: string,
  rev: number,
  locations: readonly string[],
): Live {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const some = (values: readonly string[], max: number) =>
    Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(values));
  const questions = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
    domain: pick(DOMAINS),
    topic: pick(TOPICS),
    ...(next() < 0.3 ? { digidStep: pick(['aanvragen', 'activeren', 'herstellen']) } : {}),
    // Two organisations or kinds of help in a question; sometimes the same one twice.
    organisations: some(ORGANISATIONS, 3),
    help: some(HELP, 3),
    ...(next() < 0.15 ? { course: pick(['klik-en-tik', 'digisterker']) } : {}),
    ...(next() < 0.25
      ? { referral: { kind: pick(['formulierenhulp', 'schuldhulp']), warm: next() < 0.5 } }
      : {}),
  }));
  return {
    id,
    rev,
    catalogueVersion: 'ido-2024.1',
    location: pick(locations),
    day: pick(DAYS),
    hour: Math.floor(next() * 24),
    channel: pick(CHANNELS),
    duration: pick(DURATIONS),
    needs: some(NEEDS, 3),
    questions,
  };
}

/**
 * `count` visits at `locations`, with every revision each went through, in the order a
 * device would send them (later shuffled by the caller): about a quarter edited once or twice
 * (day and location may change), a tenth deleted, a few deleted and then revived.
 */
export function generateRevisions(
  seed: number,
  count: number,
  locations: readonly string[],
): Revision[] {
  const next = random(seed);
  const revisions: Revision[] = [];
  for (let i = 0; i < count; i++) {
    const id = uuidFrom(next);
    revisions.push(makeVisit(next, id, 1, locations));
    const fate = next();
    if (fate < 0.25) {
      revisions.push(makeVisit(next, id, 2, locations));
      if (next() < 0.4) revisions.push(makeVisit(next, id, 3, locations));
    } else if (fate < 0.35) {
      revisions.push({ id, rev: 2, deleted: true });
    } else if (fate < 0.4) {
      revisions.push({ id, rev: 2, deleted: true });
      revisions.push(makeVisit(next, id, 3, locations));
    }
  }
  return revisions;
}

function uuidFrom(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The core's rows for revisions (the report counts their latest). */
export function asRows(revisions: readonly Revision[]): ReportRow[] {
  return revisions as ReportRow[];
}

/** A shuffled copy (seeded). */
export function shuffled<T>(values: readonly T[], seed: number): T[] {
  const next = random(seed);
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Rows narrowed the way the endpoint's question filters narrow: only questions matching every
 * filter, and only visits with at least one such question.
 */
export function withQuestions(
  rows: readonly ReportRow[],
  match: (question: VisitContent['questions'][number]) => boolean,
): ReportRow[] {
  return rows.flatMap((row): ReportRow[] => {
    if (row.deleted === true) return [row];
    const questions = row.questions.filter(match);
    return questions.length === 0 ? [] : [{ ...row, questions }];
  });
}
