// From a draft to a valid visit: what is still missing, or the visit to store.
// Pure. The privacy guard and the invisible-character check run here, so a note that could
// identify a visitor never reaches the database.

import type { QuestionDraft, VisitDraft } from './draft';
import { findIdentifyingData, type IdentifyingKind, NOTE_MAX_LENGTH } from './privacy';
import type { Question, VisitContent } from './schema';
import { findUnsafeCharacters } from './unsafe-characters';

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
  // In the order the form asks: the questions, how long it took, how it came in, the note.
  const problems: Problem[] = [];
  draft.questions.forEach((question, index) => {
    if (!question.domain) problems.push({ field: 'domain', question: index });
    else if (!question.topic) problems.push({ field: 'topic', question: index });
    // "Doorverwezen" says little without where to: the national form asks it.
    if (question.help.includes('doorverwezen') && !question.referralKind) {
      problems.push({ field: 'referral', question: index });
    }
  });
  if (!draft.duration) problems.push({ field: 'duration' });
  if (!draft.channel) problems.push({ field: 'channel' });
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
