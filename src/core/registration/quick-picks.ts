// "Snelkeuze": favourite and recent combinations that fill in a whole visit at once (one
// question, or several that often come together), so a common visit takes two taps.
// Pure. Recent picks are derived from the latest visits; favourites are stored by the caller.

import { EMPTY_QUESTION, type QuestionDraft, questionDraftOf, type VisitDraft } from './draft';
import type { VisitContent } from './schema';

export type PickQuestion = Omit<QuestionDraft, 'partnerId'>;

export interface QuickPick {
  readonly channel: string;
  readonly duration: string;
  readonly question: PickQuestion;
  /** Further questions of the same visit. (Favourites kept before this field have none.) */
  readonly more?: readonly PickQuestion[];
}

export interface Favourite extends QuickPick {
  readonly id: string;
}

/** Two picks with the same key fill in the same answers. */
export function pickKey(pick: QuickPick): string {
  const questions = pickQuestions(pick).map((q) =>
    [
      q.domain,
      q.topic,
      q.digidStep,
      [...q.organisations].sort().join('+'),
      [...q.help].sort().join('+'),
      q.course,
      q.referralKind,
      q.referralWarm,
    ].join('|'),
  );
  return [pick.channel, pick.duration, ...questions].join('||');
}

export function pickQuestions(pick: QuickPick): readonly PickQuestion[] {
  return [pick.question, ...(pick.more ?? [])];
}

function makePick(channel: string, duration: string, questions: PickQuestion[]): QuickPick | null {
  const [question, ...more] = questions;
  if (!question) return null;
  return more.length > 0 ? { channel, duration, question, more } : { channel, duration, question };
}

/** The combination a finished draft holds (every question), to keep as a favourite. */
export function pickFromDraft(draft: VisitDraft): QuickPick | null {
  if (!draft.channel || !draft.duration) return null;
  if (draft.questions.some((question) => !question.domain || !question.topic)) return null;
  const questions = draft.questions.map(({ partnerId: _partner, ...question }) => question);
  return makePick(draft.channel, draft.duration, questions);
}

/** The most recent distinct combinations, newest first. */
export function recentPicks(
  visits: readonly VisitContent[],
  exclude: readonly QuickPick[],
  limit: number,
): QuickPick[] {
  const seen = new Set(exclude.map(pickKey));
  const picks: QuickPick[] = [];
  for (const visit of visits) {
    const questions = visit.questions.map((question) => {
      const { partnerId: _partner, ...fields } = questionDraftOf(question, null);
      return fields;
    });
    const pick = makePick(visit.channel, visit.duration, questions);
    if (!pick) continue;
    const key = pickKey(pick);
    if (seen.has(key)) continue;
    seen.add(key);
    picks.push(pick);
    if (picks.length >= limit) break;
  }
  return picks;
}

/**
 * Fills a draft with a pick. A one-question pick replaces the first question and leaves
 * further ones; a pick of several questions replaces them all.
 */
export function applyPick(draft: VisitDraft, pick: QuickPick): VisitDraft {
  const picked = pickQuestions(pick).map((question) => ({ ...EMPTY_QUESTION, ...question }));
  const rest = picked.length > 1 ? [] : draft.questions.slice(1);
  return {
    ...draft,
    channel: pick.channel,
    duration: pick.duration,
    questions: [...picked, ...rest],
  };
}
