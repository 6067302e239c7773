// "Snelkeuze": favourite and recent combinations that fill in a whole question at once,
// so a common visit takes two taps (the combination, then Opslaan).
// Pure. Recent picks are derived from the latest visits; favourites are stored by the caller.

import { type Catalogue, type Customisation, labelOf } from './catalogue';
import { EMPTY_QUESTION, type QuestionDraft, questionDraftOf, type VisitDraft } from './draft';
import type { VisitContent } from './schema';

export interface QuickPick {
  readonly channel: string;
  readonly duration: string;
  readonly question: Omit<QuestionDraft, 'partnerId'>;
}

export interface Favourite extends QuickPick {
  readonly id: string;
}

/** Two picks with the same key fill in the same answers. */
export function pickKey(pick: QuickPick): string {
  const q = pick.question;
  return [
    pick.channel,
    pick.duration,
    q.domain,
    q.topic,
    q.digidStep,
    [...q.organisations].sort().join('+'),
    [...q.help].sort().join('+'),
    q.course,
    q.referralKind,
    q.referralWarm,
  ].join('|');
}

/** The combination a finished draft's first question holds, to keep as a favourite. */
export function pickFromDraft(draft: VisitDraft): QuickPick | null {
  const [first] = draft.questions;
  if (!first?.domain || !first.topic || !draft.channel || !draft.duration) return null;
  const { partnerId: _partner, ...question } = first;
  return { channel: draft.channel, duration: draft.duration, question };
}

/** The most recent distinct single-question combinations, newest first. */
export function recentPicks(
  visits: readonly VisitContent[],
  exclude: readonly QuickPick[],
  limit: number,
): QuickPick[] {
  const seen = new Set(exclude.map(pickKey));
  const picks: QuickPick[] = [];
  for (const visit of visits) {
    const [question] = visit.questions;
    if (!question || visit.questions.length > 1) continue;
    const { partnerId: _partner, ...fields } = questionDraftOf(question, null);
    const pick: QuickPick = { channel: visit.channel, duration: visit.duration, question: fields };
    const key = pickKey(pick);
    if (seen.has(key)) continue;
    seen.add(key);
    picks.push(pick);
    if (picks.length >= limit) break;
  }
  return picks;
}

/** Fills a draft with a pick: its first question is replaced, further questions stay. */
export function applyPick(draft: VisitDraft, pick: QuickPick): VisitDraft {
  const [, ...rest] = draft.questions;
  return {
    ...draft,
    channel: pick.channel,
    duration: pick.duration,
    questions: [{ ...EMPTY_QUESTION, ...pick.question }, ...rest],
  };
}

/** A short label: "DigiD: activeren · Samen gedaan · Korter dan 15 minuten". */
export function describePick(base: Catalogue, custom: Customisation, pick: QuickPick): string {
  const q = pick.question;
  const topic = labelOf(base, custom, 'topics', q.topic ?? '');
  const step = q.digidStep
    ? `: ${labelOf(base, custom, 'digidSteps', q.digidStep).toLowerCase()}`
    : '';
  const help = q.help.map((id) => labelOf(base, custom, 'help', id)).join(', ');
  const parts = [`${topic}${step}`, help, labelOf(base, custom, 'durations', pick.duration)];
  if (pick.channel !== 'balie') parts.push(labelOf(base, custom, 'channels', pick.channel));
  return parts.filter(Boolean).join(' · ');
}
