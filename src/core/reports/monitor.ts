// A period's visits at one location laid out in the national form's order, each answer in the
// form's wording, so staff can copy them into the Bibliotheekmonitor quickly; with totals in
// the form's three-way split. Pure. The caller passes the rows, the period and the labels.

import type { Question, VisitContent } from '../registration/schema';
import { hourBand, type Labels } from './labels';
import {
  type FormField,
  type FormQuestion,
  MONITOR_FORM_2024,
  type MonitorForm,
  type Split,
} from './monitor-form';
import type { Period } from './period';
import { inScope, type LiveRow, latestRevisions, type ReportRow } from './rows';

export interface MonitorAnswer {
  readonly question: string;
  readonly answers: readonly string[];
  /** The wording (or an answer not on the form, a local option) still needs checking. */
  readonly check: boolean;
}

export interface MonitorEntry {
  readonly day: string;
  readonly hour: string;
  readonly visit: readonly MonitorAnswer[];
  readonly questions: readonly (readonly MonitorAnswer[])[];
}

export interface MonitorLayout {
  readonly form: string;
  readonly location: string;
  readonly from: string;
  readonly to: string;
  readonly entries: readonly MonitorEntry[];
  readonly totals: {
    readonly visits: number;
    readonly questions: number;
    /** Questions per part of the form's split. */
    readonly split: Readonly<Record<Split, number>>;
  };
}

/** Takes revisions in any order (latest counts, tombstones drop out); visits in time order. */
export function monitorLayout(
  revisions: Iterable<ReportRow>,
  period: Period,
  location: string,
  labels: Labels,
  form: MonitorForm = MONITOR_FORM_2024,
): MonitorLayout {
  const scope = { from: period.from, to: period.to, location };
  const visits = latestRevisions(revisions)
    .filter((row): row is LiveRow => row.deleted !== true && inScope(scope, row))
    .sort((a, b) => a.day.localeCompare(b.day) || a.hour - b.hour);
  const split: Record<Split, number> = {
    'digitale-overheid': 0,
    bibliotheekdienstverlening: 0,
    overig: 0,
  };
  let questions = 0;
  const entries = visits.map((visit) => {
    for (const question of visit.questions) {
      questions += 1;
      split[form.split[question.domain] ?? 'overig'] += 1;
    }
    return {
      day: visit.day,
      hour: hourBand(visit.hour),
      visit: answered(form.visit, (field) => visitIds(visit, field), labels),
      questions: visit.questions.map((question) =>
        answered(form.question, (field) => questionIds(question, field), labels),
      ),
    };
  });
  const totals = { visits: visits.length, questions, split };
  return { form: form.version, location, from: period.from, to: period.to, entries, totals };
}

/** The form's questions that have an answer, in the form's order and wording. */
function answered(
  questions: readonly FormQuestion[],
  idsOf: (field: FormField) => readonly string[],
  labels: Labels,
): MonitorAnswer[] {
  return questions.flatMap((question) => {
    const ids = idsOf(question.field);
    if (ids.length === 0) return [];
    const known = ids.map((id) => question.answers.find((answer) => answer.id === id));
    const answers = ids.map(
      (id, index) =>
        known[index]?.wording ??
        (question.list === undefined ? id : labels.option(question.list, id)),
    );
    const check =
      question.check === true || known.some((answer) => answer === undefined || answer.check);
    return [{ question: question.wording, answers, check }];
  });
}

function visitIds(visit: VisitContent, field: FormField): readonly string[] {
  if (field === 'channel') return [visit.channel];
  if (field === 'duration') return [visit.duration];
  if (field === 'needs') return visit.needs;
  return [];
}

function questionIds(question: Question, field: FormField): readonly string[] {
  const { referral } = question;
  switch (field) {
    case 'domain':
      return [question.domain];
    case 'topic':
      return [question.topic];
    case 'organisations':
      return question.organisations;
    case 'help':
      return question.help;
    case 'digidStep':
      return question.digidStep === undefined ? [] : [question.digidStep];
    case 'course':
      return question.course === undefined ? [] : [question.course];
    case 'referralKind':
      return referral === undefined ? [] : [referral.kind];
    case 'referralWarmth':
      return referral === undefined ? [] : [referral.warm ? 'warm' : 'koud'];
    default:
      return [];
  }
}
