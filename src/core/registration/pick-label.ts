// How a Snelkeuze reads on its button: "DigiD: activeren · Samen gedaan · Korter dan 15
// minuten", or "DigiD + Toeslagen · …" for a visit of several questions. Pure.

import { type Catalogue, type Customisation, labelOf } from './catalogue';
import { type PickQuestion, pickQuestions, type QuickPick } from './quick-picks';

/** A short label: "DigiD: activeren · Samen gedaan · Korter dan 15 minuten". */
export function describePick(base: Catalogue, custom: Customisation, pick: QuickPick): string {
  const questions = pickQuestions(pick);
  const describe = (q: PickQuestion) => {
    const topic = labelOf(base, custom, 'topics', q.topic ?? '');
    const step = q.digidStep
      ? `: ${labelOf(base, custom, 'digidSteps', q.digidStep).toLowerCase()}`
      : '';
    return `${topic}${step}`;
  };
  const [only] = questions;
  const help =
    questions.length === 1 && only
      ? only.help.map((id) => labelOf(base, custom, 'help', id)).join(', ')
      : '';
  const parts = [
    questions.map(describe).join(' + '),
    help,
    labelOf(base, custom, 'durations', pick.duration),
  ];
  if (pick.channel !== 'balie') parts.push(labelOf(base, custom, 'channels', pick.channel));
  return parts.filter(Boolean).join(' · ');
}
