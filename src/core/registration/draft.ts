// The registration form's state: a new draft, a draft of a saved visit, and what is pristine.
// Pure. The draft is saved as it is edited, so it is plain data with no functions.
// (From a draft to a valid visit: completion.ts.)

import type { TopicOption } from './catalogue';
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

/**
 * The organisations once the topic changes from `from` to `to` (none: the domain changed). A
 * topic with one organisation that goes with it (Toeslagen: Belastingdienst) has it chosen, if
 * it is `offered`, so the usual answer costs no tap; a topic with several has them offered
 * first, none chosen, so no count gets an organisation nobody picked. What the person chose
 * themselves stays; nothing chosen counts as nothing to keep.
 */
export function organisationsForTopic(
  current: readonly string[],
  from: TopicOption | undefined,
  to: TopicOption | undefined,
  offered: readonly string[],
): readonly string[] {
  const chosenFor = (topic: TopicOption | undefined) =>
    topic?.organisations?.length === 1 && offered.includes(topic.organisations[0] ?? '')
      ? topic.organisations
      : [];
  const before = chosenFor(from);
  const untouched =
    current.length === 0 ||
    (current.length === before.length && current.every((id) => before.includes(id)));
  return untouched ? chosenFor(to) : current;
}

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
