// Snelkeuze: combinations that fill in a question at once.

import { describe, expect, test } from 'vitest';
import { DEFAULT_CATALOGUE, NO_CUSTOMISATION } from '../../../src/core/registration/catalogue';
import { EMPTY_QUESTION, newDraft } from '../../../src/core/registration/draft';
import { describePick } from '../../../src/core/registration/pick-label';
import {
  applyPick,
  pickFromDraft,
  pickKey,
  pickQuestions,
  type QuickPick,
  recentPicks,
} from '../../../src/core/registration/quick-picks';
import type { Question, VisitContent } from '../../../src/core/registration/schema';
import { visitContent } from '../../support/visits';

const question = (over: Partial<Question> = {}): Question => ({
  domain: 'digitale-overheid',
  topic: 'digid',
  organisations: [],
  help: ['uitleg'],
  ...over,
});
const visit = (questions: Question[], over: Partial<VisitContent> = {}) =>
  visitContent({ questions, ...over });

const { partnerId: _none, ...emptyPickQuestion } = EMPTY_QUESTION;
const digid: QuickPick = {
  channel: 'balie',
  duration: 'tot-15',
  question: {
    ...emptyPickQuestion,
    domain: 'digitale-overheid',
    topic: 'digid',
    digidStep: 'activeren',
    help: ['samen-gedaan', 'uitleg'],
  },
};

describe('pickKey', () => {
  test('the order of multiple answers does not make another combination', () => {
    const reordered = {
      ...digid,
      question: { ...digid.question, help: ['uitleg', 'samen-gedaan'] },
    };
    expect(pickKey(reordered)).toBe(pickKey(digid));
  });

  test.each([
    ['duration', { ...digid, duration: '15-30' }],
    ['channel', { ...digid, channel: 'telefoon' }],
    ['digid step', { ...digid, question: { ...digid.question, digidStep: 'aanvragen' } }],
    ['warm referral', { ...digid, question: { ...digid.question, referralWarm: true } }],
  ])('another %s is another combination', (_name, other) => {
    expect(pickKey(other)).not.toBe(pickKey(digid));
  });
});

describe('recentPicks', () => {
  test('newest first, each combination once (a visit of two questions is one), up to the limit', () => {
    const visits = [
      visit([question({ topic: 'toeslagen' })]),
      visit([question()]),
      visit([question({ topic: 'toeslagen' })]),
      visit([question(), question({ topic: 'studie' })]),
      visit([question({ topic: 'zorg' })]),
      visit([question({ topic: 'studie' })]),
    ];
    const picks = recentPicks(visits, [], 4);
    expect(
      picks.map((pick) =>
        pickQuestions(pick)
          .map((q) => q.topic)
          .join('+'),
      ),
    ).toEqual(['toeslagen', 'digid', 'digid+studie', 'zorg']);
  });

  test('combinations that are already favourites are left out', () => {
    const favourite = recentPicks([visit([question()])], [], 1);
    expect(recentPicks([visit([question()])], favourite, 4)).toEqual([]);
  });

  test('a referral comes along, the local partner never', () => {
    const [pick] = recentPicks(
      [visit([question({ help: ['doorverwezen'], referral: { kind: 'schuldhulp', warm: true } })])],
      [],
      1,
    );
    expect(pick?.question).toMatchObject({ referralKind: 'schuldhulp', referralWarm: true });
    expect(pick?.question).not.toHaveProperty('partnerId');
  });
});

describe('applyPick and pickFromDraft', () => {
  test('a pick fills the first question and the visit answers, and keeps further questions', () => {
    const draft = {
      ...newDraft('id-1', '2026-11-23', 10, 'digitale-overheid'),
      questions: [EMPTY_QUESTION, { ...EMPTY_QUESTION, domain: 'overig', topic: 'anders' }],
    };
    const filled = applyPick(draft, digid);
    expect(filled.id).toBe('id-1');
    expect(filled.duration).toBe('tot-15');
    expect(filled.questions[0]).toEqual({ ...digid.question, partnerId: null });
    expect(filled.questions[1]?.topic).toBe('anders');
    const { partnerId: _p, ...anders } = { ...EMPTY_QUESTION, domain: 'overig', topic: 'anders' };
    expect(pickFromDraft(filled)).toEqual({ ...digid, more: [anders] });
  });

  test('a pick of two questions fills both and replaces what was there', () => {
    const draft = {
      ...newDraft('id-2', '2026-11-23', 10, 'digitale-overheid'),
      questions: [EMPTY_QUESTION, EMPTY_QUESTION, EMPTY_QUESTION],
    };
    const studie = { ...digid.question, topic: 'studie', digidStep: null };
    const both = { ...digid, more: [studie] };
    const filled = applyPick(draft, both);
    expect(filled.questions.map((q) => q.topic)).toEqual(['digid', 'studie']);
    expect(pickFromDraft(filled)).toEqual(both);
    expect(pickKey(both)).not.toBe(pickKey(digid));
  });

  test('an unfinished draft is no combination yet', () => {
    expect(pickFromDraft(newDraft('id-2', '2026-11-23', 10, 'digitale-overheid'))).toBeNull();
  });
});

test('describePick reads as a short line', () => {
  expect(describePick(DEFAULT_CATALOGUE, NO_CUSTOMISATION, digid)).toBe(
    'DigiD: activeren · Samen gedaan of meegekeken, Uitleg gegeven · Korter dan 15 minuten',
  );
  expect(
    describePick(DEFAULT_CATALOGUE, NO_CUSTOMISATION, { ...digid, channel: 'telefoon' }),
  ).toMatch(/· Telefonisch$/);
});
