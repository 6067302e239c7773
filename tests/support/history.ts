// A year of a busy branch for benchmarks: visit rows as the app stores them (all uploaded, a
// few deleted), spread over the year before a given day, busier on weekdays and mornings.
// Seeded, so the same (n, lastDay, seed) always gives the same rows.

import { DEFAULT_CATALOGUE } from '../../src/core/registration/catalogue';
import type { Question, VisitContent } from '../../src/core/registration/schema';
import type { VisitRow } from '../../src/data/db';
import { random } from './partners';

const DAY_MS = 86_400_000;
/** Visits per weekday, Monday first: libraries are closed on Sunday and quieter on Saturday. */
const WEEKDAY_WEIGHT = [1.2, 1.1, 1.2, 1, 1.1, 0.5, 0];
/** Hour bands the desk is open, the morning busiest. */
const HOURS = [9, 10, 10, 11, 11, 12, 13, 14, 14, 15, 16, 17, 19];

/** `n` visit rows over the 365 days up to and including `lastDay` (`YYYY-MM-DD`). */
export function generateVisitRows(
  n: number,
  lastDay: string,
  location: string,
  seed = 7,
): VisitRow[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const ids = (list: readonly { id: string }[]) => list.map((option) => option.id);
  const catalogue = DEFAULT_CATALOGUE;
  const end = Date.parse(`${lastDay}T12:00:00Z`);
  const days = Array.from({ length: 365 }, (_, i) => new Date(end - i * DAY_MS));
  const weights = days.map((day) => WEEKDAY_WEIGHT[(day.getUTCDay() + 6) % 7] ?? 0);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  // Cumulative weights, to draw a day in proportion to how busy it is.
  let running = 0;
  const cumulative = weights.map((weight) => (running += weight / total));

  const question = (): Question => {
    const topic = pick(catalogue.topics);
    const referred = next() < 0.15;
    return {
      domain: topic.domain,
      topic: topic.id,
      ...(topic.digid && next() < 0.7 ? { digidStep: pick(ids(catalogue.digidSteps)) } : {}),
      organisations: [
        ...new Set(
          Array.from({ length: Math.floor(next() * 2.4) }, () =>
            pick(topic.organisations ?? ids(catalogue.organisations)),
          ),
        ),
      ],
      help: [...new Set([pick(ids(catalogue.help)), ...(next() < 0.2 ? ['uitleg'] : [])])],
      ...(next() < 0.05 ? { course: pick(ids(catalogue.courses)) } : {}),
      ...(referred
        ? { referral: { kind: pick(ids(catalogue.referralKinds)), warm: next() < 0.5 } }
        : {}),
    };
  };

  return Array.from({ length: n }, (_, index) => {
    const draw = next();
    const dayIndex = Math.max(
      0,
      cumulative.findIndex((limit) => draw <= limit),
    );
    const day = (days[dayIndex] ?? days[0] ?? new Date(end)).toISOString().slice(0, 10);
    const hour = pick(HOURS);
    const content: VisitContent = {
      catalogueVersion: catalogue.version,
      location,
      day,
      hour,
      channel: pick(['balie', 'balie', 'balie', 'telefoon', 'online']),
      duration: pick(ids(catalogue.durations)),
      needs: next() < 0.3 ? [pick(ids(catalogue.needs))] : [],
      questions: Array.from({ length: next() < 0.75 ? 1 : next() < 0.8 ? 2 : 3 }, question),
    };
    const at = Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`) + index;
    const deleted = next() < 0.01 ? 1 : 0;
    return {
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      rev: deleted ? 2 : 1,
      content,
      partners: content.questions.map(() => null),
      createdAt: at,
      updatedAt: at,
      deleted,
      frozenRev: deleted ? 2 : 1,
    };
  });
}
