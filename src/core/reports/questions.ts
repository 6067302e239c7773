// The visits of a period as rows, one per question, with every answer as its label: for a
// spreadsheet. Pure. Never the free-text note, and no time finer than the hour band.

import { hourBand, type Labels, WARMTH_LABELS } from './labels';
import type { LiveRow } from './rows';
import type { Table } from './table';

export const QUESTION_HEADER = [
  'Bezoek',
  'Dag',
  'Uur',
  'Locatie',
  'Kanaal',
  'Duur',
  'Behoeften',
  'Vraag',
  'Soort vraag',
  'Onderwerp',
  'DigiD',
  'Organisaties',
  'Geboden hulp',
  'Cursus',
  'Doorverwezen naar',
  'Warm of koud',
] as const;

/** Labels inside one cell; labels may hold commas, so a semicolon parts them. */
const JOIN = '; ';

/**
 * Visits in day and hour order, numbered 1, 2, … in this table only (the visit's id stays on
 * the device), each question a row. Pass the visits of the period, deleted ones left out.
 */
export function questionTable(visits: Iterable<LiveRow>, labels: Labels): Table {
  const ordered = [...visits].sort((a, b) => a.day.localeCompare(b.day) || a.hour - b.hour);
  const rows = ordered.flatMap((visit, index) => {
    const shared = [
      String(index + 1),
      visit.day,
      hourBand(visit.hour),
      labels.location(visit.location),
      labels.option('channels', visit.channel),
      labels.option('durations', visit.duration),
      visit.needs.map((id) => labels.option('needs', id)).join(JOIN),
    ];
    return visit.questions.map((question, number) => [
      ...shared,
      `${number + 1} van ${visit.questions.length}`,
      labels.option('domains', question.domain),
      labels.option('topics', question.topic),
      question.digidStep === undefined ? '' : labels.option('digidSteps', question.digidStep),
      question.organisations.map((id) => labels.option('organisations', id)).join(JOIN),
      question.help.map((id) => labels.option('help', id)).join(JOIN),
      question.course === undefined ? '' : labels.option('courses', question.course),
      question.referral === undefined ? '' : labels.option('referralKinds', question.referral.kind),
      question.referral === undefined
        ? ''
        : (WARMTH_LABELS[question.referral.warm ? 'warm' : 'koud'] ?? ''),
    ]);
  });
  return { title: 'Vragen', header: QUESTION_HEADER, rows };
}
