// From the form's draft to a valid visit, and back for editing.

import { describe, expect, test } from 'vitest';
import { completeDraft } from '../../../src/core/registration/completion';
import {
  draftFromVisit,
  EMPTY_QUESTION,
  isPristine,
  newDraft,
  organisationsForTopic,
  type QuestionDraft,
  type VisitDraft,
} from '../../../src/core/registration/draft';
import { NOTE_MAX_LENGTH } from '../../../src/core/registration/privacy';
import { VisitContent } from '../../../src/core/registration/schema';

const ID = '0b8c4e52-6f5e-4c43-9d7e-2d4f3b1a9c10';
const context = { catalogueVersion: 'ido-2024.1', location: 'Bibliotheek Teststad' };

const q = (over: Partial<QuestionDraft> = {}): QuestionDraft => ({
  ...EMPTY_QUESTION,
  domain: 'digitale-overheid',
  topic: 'digid',
  help: ['uitleg'],
  ...over,
});

const draft = (over: Partial<VisitDraft> = {}): VisitDraft => ({
  ...newDraft(ID, '2026-11-23', 10),
  duration: 'tot-15',
  questions: [q()],
  ...over,
});

function content(d: VisitDraft) {
  const result = completeDraft(d, context);
  if (!result.ok) throw new Error(`expected a complete draft, got ${JSON.stringify(result)}`);
  return result;
}

function problems(d: VisitDraft) {
  const result = completeDraft(d, context);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('completeDraft: what is missing', () => {
  test('a complete draft becomes content the schema accepts', () => {
    const result = content(draft());
    expect(result.content).toEqual({
      catalogueVersion: 'ido-2024.1',
      location: 'Bibliotheek Teststad',
      day: '2026-11-23',
      hour: 10,
      channel: 'balie',
      duration: 'tot-15',
      needs: [],
      questions: [
        { domain: 'digitale-overheid', topic: 'digid', organisations: [], help: ['uitleg'] },
      ],
    });
    expect(VisitContent.safeParse(result.content).success).toBe(true);
    expect(result.partners).toEqual([null]);
  });

  test('a new draft lacks the first question’s domain and a duration, in the form’s order', () => {
    expect(problems(newDraft(ID, '2026-11-23', 10))).toEqual([
      { field: 'domain', question: 0 },
      { field: 'duration' },
    ]);
  });

  test('no duration and no channel, in the form’s order', () => {
    expect(problems(draft({ channel: null, duration: null }))).toEqual([
      { field: 'duration' },
      { field: 'channel' },
    ]);
  });

  test('an empty string counts as missing', () => {
    expect(problems(draft({ channel: '', duration: '' }))).toEqual([
      { field: 'duration' },
      { field: 'channel' },
    ]);
  });

  test('problems are reported per question: a missing domain, or a domain without topic', () => {
    const d = draft({
      questions: [
        q(),
        q({ domain: null, topic: null }),
        q({ topic: null }),
        q({ domain: 'overig', topic: '' }),
      ],
    });
    expect(problems(d)).toEqual([
      { field: 'domain', question: 1 },
      { field: 'topic', question: 2 },
      { field: 'topic', question: 3 },
    ]);
  });
});

describe('completeDraft: the note', () => {
  test.each([
    ['bsn', 'BSN 123456782 gebruikt'],
    ['bsn', 'nummer 1234.56.782'],
    ['phone', 'bel terug op 06-12345678'],
    ['phone', 'bel +31 6 12345678'],
    ['email', 'mail jan@example.com'],
    ['iban', 'rekening NL91ABNA0417164300'],
    ['address', 'woont Dorpsstraat 5, 1234AB'],
  ] as const)('a note with a %s is refused with that kind', (kind, note) => {
    expect(problems(draft({ note }))).toEqual([{ field: 'note', kind }]);
  });

  test('a note with two kinds reports both', () => {
    expect(problems(draft({ note: 'bsn 123456782 of 06-12345678' }))).toEqual([
      { field: 'note', kind: 'bsn' },
      { field: 'note', kind: 'phone' },
    ]);
  });

  test('a note over the maximum is too long; spaces around it do not count', () => {
    expect(problems(draft({ note: 'x'.repeat(NOTE_MAX_LENGTH + 1) }))).toEqual([
      { field: 'note', kind: 'too-long' },
    ]);
    const padded = `   ${'x'.repeat(NOTE_MAX_LENGTH)}   `;
    expect(content(draft({ note: padded })).content.note).toBe('x'.repeat(NOTE_MAX_LENGTH));
  });

  test('a note is trimmed, and a blank note is left out', () => {
    expect(content(draft({ note: '  Komt terug.  ' })).content.note).toBe('Komt terug.');
    expect('note' in content(draft({ note: '   ' })).content).toBe(false);
  });

  test('a note problem comes after the field problems', () => {
    expect(problems(draft({ duration: null, note: 'jan@example.com' }))).toEqual([
      { field: 'duration' },
      { field: 'note', kind: 'email' },
    ]);
  });

  test('near misses in a note are allowed', () => {
    const note = 'Afspraak 12-03-2024, aangifte 2023 en 2024; UWV 088 898 2070.';
    expect(content(draft({ note })).content.note).toBe(note);
  });
});

describe('completeDraft: course and referral follow the help given', () => {
  test('a course is kept only when the help includes cursus', () => {
    const withCourse = content(draft({ questions: [q({ help: ['cursus'], course: 'klik-tik' })] }));
    expect(withCourse.content.questions[0]?.course).toBe('klik-tik');
    const without = content(draft({ questions: [q({ help: ['uitleg'], course: 'klik-tik' })] }));
    expect(without.content.questions[0]).not.toHaveProperty('course');
  });

  test('a referral is kept only when the help includes doorverwezen and a kind is chosen', () => {
    const referred = q({ help: ['doorverwezen'], referralKind: 'schuldhulp', referralWarm: true });
    expect(content(draft({ questions: [referred] })).content.questions[0]?.referral).toEqual({
      kind: 'schuldhulp',
      warm: true,
    });
    const notReferred = q({ help: ['uitleg'], referralKind: 'schuldhulp', referralWarm: true });
    expect(content(draft({ questions: [notReferred] })).content.questions[0]).not.toHaveProperty(
      'referral',
    );
  });

  test('doorverwezen without saying where to is a problem for that question', () => {
    const noKind = q({ help: ['doorverwezen'], referralKind: null });
    expect(problems(draft({ questions: [q(), noKind] }))).toEqual([
      { field: 'referral', question: 1 },
    ]);
  });

  test('a cold referral is kept as warm: false', () => {
    const cold = q({ help: ['doorverwezen'], referralKind: 'juridisch', referralWarm: false });
    expect(content(draft({ questions: [cold] })).content.questions[0]?.referral).toEqual({
      kind: 'juridisch',
      warm: false,
    });
  });

  test('the partner stays local: it is returned beside the content, never in it', () => {
    const result = content(
      draft({
        questions: [
          q({ help: ['doorverwezen'], referralKind: 'schuldhulp', partnerId: 'partner-7' }),
          q({ domain: 'bibliotheek', topic: 'e-books' }),
        ],
      }),
    );
    expect(result.partners).toEqual(['partner-7', null]);
    expect(JSON.stringify(result.content)).not.toContain('partner-7');
    expect(VisitContent.safeParse(result.content).success).toBe(true);
  });

  test('the DigiD step, organisations and needs are copied', () => {
    const result = content(
      draft({
        needs: ['meekijken'],
        questions: [q({ digidStep: 'activeren', organisations: ['gemeente'] })],
      }),
    );
    expect(result.content.needs).toEqual(['meekijken']);
    expect(result.content.questions[0]).toEqual({
      domain: 'digitale-overheid',
      topic: 'digid',
      digidStep: 'activeren',
      organisations: ['gemeente'],
      help: ['uitleg'],
    });
  });

  test('the content does not share arrays with the draft', () => {
    const needs = ['meekijken'];
    const result = content(draft({ needs }));
    expect(result.content.needs).not.toBe(needs);
  });
});

describe('draftFromVisit', () => {
  test('round trip: a saved visit opened for editing completes to the same content', () => {
    const original = content(
      draft({
        channel: 'telefoon',
        duration: '30-60',
        hour: 15,
        needs: ['wegwijs', 'mentale-steun'],
        note: 'Komt volgende week terug.',
        questions: [
          q({
            digidStep: 'app',
            organisations: ['gemeente'],
            help: ['samen-gedaan', 'cursus'],
            course: 'digisterker',
          }),
          q({
            domain: 'digitale-overheid',
            topic: 'toeslagen',
            organisations: ['belastingdienst'],
            help: ['doorverwezen'],
            referralKind: 'formulierenhulp',
            referralWarm: true,
            partnerId: 'partner-3',
          }),
          q({ domain: 'overig', topic: 'anders', help: ['informatie'] }),
        ],
      }),
    );
    const reopened = draftFromVisit(ID, original.content, original.partners);
    expect(reopened.id).toBe(ID);
    expect(reopened.editing).toBe(true);
    expect(reopened.questions[1]?.partnerId).toBe('partner-3');
    expect(reopened.questions[1]?.referralWarm).toBe(true);
    expect(reopened.questions[0]?.course).toBe('digisterker');
    const again = content(reopened);
    expect(again.content).toEqual(original.content);
    expect(again.partners).toEqual(original.partners);
  });

  test('missing optional parts become null, and missing partners become null', () => {
    const visit = content(draft()).content;
    const reopened = draftFromVisit(ID, visit, []);
    expect(reopened.note).toBe('');
    expect(reopened.questions[0]).toEqual({
      domain: 'digitale-overheid',
      topic: 'digid',
      digidStep: null,
      organisations: [],
      help: ['uitleg'],
      course: null,
      referralKind: null,
      referralWarm: false,
      partnerId: null,
    });
  });
});

describe('isPristine', () => {
  test('a new draft is pristine', () => {
    expect(isPristine(newDraft(ID, '2026-11-23', 10))).toBe(true);
  });

  test('the domain chosen in advance is not an answer yet', () => {
    const draft = newDraft(ID, '2026-11-23', 10, 'digitale-overheid');
    expect(draft.questions[0]?.domain).toBe('digitale-overheid');
    expect(isPristine(draft)).toBe(true);
  });

  test.each([
    ['a duration', { duration: 'tot-15' }],
    ['a need', { needs: ['wegwijs'] }],
    ['a note', { note: 'x' }],
    ['a second question', { questions: [EMPTY_QUESTION, EMPTY_QUESTION] }],
    ['a topic', { questions: [{ ...EMPTY_QUESTION, domain: 'overig', topic: 'anders' }] }],
    ['editing a saved visit', { editing: true }],
  ])('a draft with %s is not pristine', (_name, over) => {
    expect(isPristine({ ...newDraft(ID, '2026-11-23', 10), ...over })).toBe(false);
  });

  test('an opened saved visit is never pristine', () => {
    expect(isPristine(draftFromVisit(ID, content(draft()).content, [null]))).toBe(false);
  });
});

test('a note with control or reading-order characters cannot be saved, and says why', () => {
  const draft = {
    ...newDraft('c0ffee00-0000-4000-8000-0000000000aa', '2026-11-30', 10, 'digitale-overheid'),
    channel: 'balie',
    duration: 'tot-15',
    questions: [{ ...EMPTY_QUESTION, domain: 'digitale-overheid', topic: 'digid' }],
  };
  for (const note of ['Brief\u202Egnineerg', 'regel\u0000een', 'ok\u0007']) {
    const result = completeDraft({ ...draft, note }, { catalogueVersion: 'v', location: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toContainEqual({ field: 'note', kind: 'unsafe-characters' });
  }
  const clean = completeDraft(
    { ...draft, note: 'Brief van de gemeente' },
    { catalogueVersion: 'v', location: 'x' },
  );
  expect(clean.ok).toBe(true);
});

describe('organisationsForTopic: what "Welke organisatie?" holds when the topic changes', () => {
  const topic = (organisations?: string[]) => ({
    id: 't',
    label: 'T',
    domain: 'digitale-overheid',
    ...(organisations ? { organisations } : {}),
  });
  const toeslagen = topic(['belastingdienst']);
  const werk = topic(['uwv', 'gemeente']);
  const digid = topic();
  const ALL = ['belastingdienst', 'uwv', 'gemeente', 'svb'];
  const pick = (
    current: string[],
    from: ReturnType<typeof topic> | undefined,
    to: ReturnType<typeof topic> | undefined,
  ) => organisationsForTopic(current, from, to, ALL);

  test('a topic with one organisation has it chosen', () => {
    expect(pick([], undefined, toeslagen)).toEqual(['belastingdienst']);
  });

  test('a topic with several, or none, chooses nothing: they are offered, not counted', () => {
    expect(pick([], undefined, werk)).toEqual([]);
    expect(pick([], undefined, digid)).toEqual([]);
  });

  test('another topic replaces what the previous one chose, as long as nobody changed it', () => {
    expect(pick(['belastingdienst'], toeslagen, topic(['svb']))).toEqual(['svb']);
    expect(pick(['belastingdienst'], toeslagen, werk)).toEqual([]);
    // Another domain (no topic yet) takes the chosen organisation away too.
    expect(pick(['belastingdienst'], toeslagen, undefined)).toEqual([]);
  });

  test('an organisation this device or the organisation hides is never chosen unseen', () => {
    expect(organisationsForTopic([], undefined, toeslagen, ['uwv'])).toEqual([]);
  });

  test('emptied by the person, the next topic may choose again', () => {
    expect(pick([], toeslagen, topic(['svb']))).toEqual(['svb']);
  });

  test('what the person chose themselves stays', () => {
    expect(pick(['uwv'], werk, toeslagen)).toEqual(['uwv']);
    expect(pick(['belastingdienst', 'svb'], toeslagen, werk)).toEqual(['belastingdienst', 'svb']);
    expect(pick(['gemeente'], digid, undefined)).toEqual(['gemeente']);
  });
});
