// The registration form's state, and the step from a draft to a valid visit.
// Pure. The draft is saved as it is edited, so it is plain data with no functions.

import {
  findIdentifyingData,
  findUnsafeCharacters,
  type IdentifyingKind,
  NOTE_MAX_LENGTH,
} from './privacy';
import type { Question, VisitContent } from './schema';

export interface QuestionDraft {
  readonly domain: string | null;
  readonly topic: string | null;
  readonly digidStep: string | null;
  readonly organisations: readonly string[];
  readonly help: readonly string[];
  readonly course: string | null;
  readonly referralKind: string | null;
  readonly referralWarm: boolean;
  /** Local only: the sociale-kaart partner referred to. */
  readonly partnerId: string | null;
}

export interface VisitDraft {
  /** Made when the draft starts, so saving twice saves one visit. */
  readonly id: string;
  /** True when the draft edits a saved visit. */
  readonly editing: boolean;
  readonly day: string;
  readonly hour: number;
  readonly channel: string | null;
  readonly duration: string | null;
  readonly needs: readonly string[];
  readonly questions: readonly QuestionDraft[];
  readonly note: string;
}

export const EMPTY_QUESTION: QuestionDraft = {
  domain: null,
  topic: null,
  digidStep: null,
  organisations: [],
  help: [],
  course: null,
  referralKind: null,
  referralWarm: false,
  partnerId: null,
};

/** A new question; the desk's most common domain is chosen already, to save a tap. */
export function newQuestion(domain: string | null): QuestionDraft {
  return { ...EMPTY_QUESTION, domain };
}

export function newDraft(
  id: string,
  day: string,
  hour: number,
  domain: string | null = null,
): VisitDraft {
  return {
    id,
    editing: false,
    day,
    hour,
    channel: 'balie',
    duration: null,
    needs: [],
    questions: [newQuestion(domain)],
    note: '',
  };
}

/** True when no answer has been given beyond the defaults, so nothing is worth restoring. */
export function isPristine(draft: VisitDraft): boolean {
  return (
    !draft.editing &&
    draft.duration === null &&
    draft.needs.length === 0 &&
    draft.note === '' &&
    draft.questions.length === 1 &&
    draft.questions[0]?.topic === null
  );
}

export type Problem =
  | { readonly field: 'channel' | 'duration' }
  | { readonly field: 'domain' | 'topic' | 'referral'; readonly question: number }
  | { readonly field: 'note'; readonly kind: IdentifyingKind | 'too-long' | 'unsafe-characters' };

export type Completion =
  | {
      readonly ok: true;
      readonly content: VisitContent;
      readonly partners: readonly (string | null)[];
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Checks a draft and turns it into the visit to store, or lists what is missing. */
export function completeDraft(
  draft: VisitDraft,
  context: { catalogueVersion: string; location: string },
): Completion {
  const problems: Problem[] = [];
  if (!draft.channel) problems.push({ field: 'channel' });
  if (!draft.duration) problems.push({ field: 'duration' });
  draft.questions.forEach((question, index) => {
    if (!question.domain) problems.push({ field: 'domain', question: index });
    else if (!question.topic) problems.push({ field: 'topic', question: index });
    // "Doorverwezen" says little without where to: the national form asks it.
    if (question.help.includes('doorverwezen') && !question.referralKind) {
      problems.push({ field: 'referral', question: index });
    }
  });
  const note = draft.note.trim();
  if (note.length > NOTE_MAX_LENGTH) problems.push({ field: 'note', kind: 'too-long' });
  if (findUnsafeCharacters(note).length > 0) {
    problems.push({ field: 'note', kind: 'unsafe-characters' });
  }
  for (const finding of findIdentifyingData(note)) {
    problems.push({ field: 'note', kind: finding.kind });
  }
  if (problems.length > 0 || !draft.channel || !draft.duration) return { ok: false, problems };

  const content: VisitContent = {
    catalogueVersion: context.catalogueVersion,
    location: context.location,
    day: draft.day,
    hour: draft.hour,
    channel: draft.channel,
    duration: draft.duration,
    needs: [...draft.needs],
    questions: draft.questions.map(toQuestion),
    ...(note ? { note } : {}),
  };
  return { ok: true, content, partners: draft.questions.map((question) => question.partnerId) };
}

function toQuestion(draft: QuestionDraft): Question {
  const referred = draft.help.includes('doorverwezen') && draft.referralKind !== null;
  return {
    domain: draft.domain ?? '',
    topic: draft.topic ?? '',
    ...(draft.digidStep ? { digidStep: draft.digidStep } : {}),
    organisations: [...draft.organisations],
    help: [...draft.help],
    ...(draft.course && draft.help.includes('cursus') ? { course: draft.course } : {}),
    ...(referred ? { referral: { kind: draft.referralKind ?? '', warm: draft.referralWarm } } : {}),
  };
}

/** Opens a saved visit as a draft for editing. */
export function draftFromVisit(
  id: string,
  content: VisitContent,
  partners: readonly (string | null)[],
): VisitDraft {
  return {
    id,
    editing: true,
    day: content.day,
    hour: content.hour,
    channel: content.channel,
    duration: content.duration,
    needs: content.needs,
    note: content.note ?? '',
    questions: content.questions.map((question, index) =>
      questionDraftOf(question, partners[index] ?? null),
    ),
  };
}

/** A saved question as the form holds it. */
export function questionDraftOf(question: Question, partnerId: string | null): QuestionDraft {
  return {
    domain: question.domain,
    topic: question.topic,
    digidStep: question.digidStep ?? null,
    organisations: question.organisations,
    help: question.help,
    course: question.course ?? null,
    referralKind: question.referral?.kind ?? null,
    referralWarm: question.referral?.warm ?? false,
    partnerId,
  };
}
