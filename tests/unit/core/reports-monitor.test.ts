import { describe, expect, test } from 'vitest';
import {
  addLocalOption,
  DEFAULT_CATALOGUE,
  LIST_NAMES,
  NO_CUSTOMISATION,
} from '../../../src/core/registration/catalogue';
import { catalogueLabels } from '../../../src/core/reports/labels';
import { monitorLayout } from '../../../src/core/reports/monitor';
import { MONITOR_FORM_2024 } from '../../../src/core/reports/monitor-form';
import { periodOf } from '../../../src/core/reports/period';
import type { LiveRow, ReportRow } from '../../../src/core/reports/rows';
import { visitContent } from '../../support/visits';

let next = 0;
function visit(over: Partial<LiveRow> = {}): LiveRow {
  next += 1;
  return { ...visitContent(), id: `v${next}`, rev: 1, location: 'centrum', ...over };
}

const labels = catalogueLabels(DEFAULT_CATALOGUE, NO_CUSTOMISATION);
const march = periodOf('month', '2025-03-10');

describe('the form mapping', () => {
  const questions = [...MONITOR_FORM_2024.visit, ...MONITOR_FORM_2024.question];

  test.each(LIST_NAMES.map((list) => [list]))(
    'maps every national %s option, in the catalogue order',
    (list) => {
      const question = questions.find((q) => q.list === list);
      expect(question?.answers.map((answer) => answer.id)).toEqual(
        DEFAULT_CATALOGUE[list].map((option) => option.id),
      );
    },
  );

  test('wording not checked against the KB form is marked, never passed off as checked', () => {
    for (const question of questions) {
      const list = question.list;
      for (const answer of question.answers) {
        const label =
          list === undefined
            ? undefined
            : DEFAULT_CATALOGUE[list].find((option) => option.id === answer.id)?.label;
        if (answer.check !== true) expect(answer.wording).not.toBe(label);
      }
    }
  });

  test('each national domain falls in one part of the three-way split', () => {
    expect(DEFAULT_CATALOGUE.domains.map((domain) => MONITOR_FORM_2024.split[domain.id])).toEqual([
      'digitale-overheid',
      'bibliotheekdienstverlening',
      'overig',
    ]);
  });
});

describe('monitorLayout', () => {
  const rows: ReportRow[] = [
    visit({
      id: 'late',
      day: '2025-03-05',
      hour: 15,
      channel: 'telefoon',
      needs: ['wegwijs'],
      questions: [
        {
          domain: 'digitale-overheid',
          topic: 'digid',
          digidStep: 'inloggen',
          organisations: ['gemeente'],
          help: ['samen-gedaan', 'doorverwezen'],
          referral: { kind: 'organisatie-zelf', warm: true },
        },
        { domain: 'bibliotheek', topic: 'printen-scannen', organisations: [], help: [] },
      ],
    }),
    visit({ id: 'early', day: '2025-03-05', hour: 9 }),
    visit({ id: 'edited', day: '2025-03-31', rev: 1 }),
    visit({
      id: 'edited',
      day: '2025-03-31',
      rev: 2,
      questions: [{ domain: 'overig', topic: 'anders', organisations: [], help: ['informatie'] }],
    }),
    visit({ id: 'deleted', day: '2025-03-12' }),
    { id: 'deleted', rev: 2, deleted: true },
    visit({ id: 'elsewhere', location: 'wijk' }),
    visit({ id: 'april', day: '2025-04-01' }),
    visit({ id: 'february', day: '2025-02-28' }),
  ];
  const layout = monitorLayout(rows, march, 'centrum', labels);

  test('one entry per visit of the period at the location, in time order', () => {
    expect(layout.entries.map((entry) => [entry.day, entry.hour])).toEqual([
      ['2025-03-05', '9–10 uur'],
      ['2025-03-05', '15–16 uur'],
      ['2025-03-31', '10–11 uur'],
    ]);
    expect([layout.from, layout.to, layout.location]).toEqual([
      '2025-03-01',
      '2025-03-31',
      'centrum',
    ]);
  });

  test('answers in the form order and wording; unanswered questions left out', () => {
    const entry = layout.entries[1];
    expect(entry?.visit).toEqual([
      { question: 'Kanaal', answers: ['Telefonisch'], check: true },
      { question: 'Duur', answers: ['Korter dan 15 minuten'], check: true },
      {
        question: 'Behoefte van de bezoeker',
        answers: ['Wegwijs worden in de digitale wereld'],
        check: true,
      },
    ]);
    expect(entry?.questions[0]?.map((answer) => [answer.question, answer.answers])).toEqual([
      ['Soort vraag', ['Digitale overheid']],
      ['Onderwerp', ['DigiD']],
      ['DigiD', ['Inloggen lukt niet / wachtwoord vergeten']],
      ['Organisatie', ['Gemeente']],
      ['Geboden hulp', ['Samen gedaan of meegekeken', 'Doorverwezen']],
      ['Doorverwezen naar', ['De organisatie zelf (bijvoorbeeld UWV of gemeente)']],
      ['Warm of koud doorverwezen', ['Warm']],
    ]);
    expect(entry?.questions[1]?.map((answer) => answer.question)).toEqual([
      'Soort vraag',
      'Onderwerp',
    ]);
  });

  test('totals in the three-way split count questions', () => {
    expect(layout.totals).toEqual({
      visits: 3,
      questions: 4,
      split: { 'digitale-overheid': 2, bibliotheekdienstverlening: 1, overig: 1 },
    });
  });

  test('a local option reads as its label and is marked for checking; a local domain is overig', () => {
    const custom = addLocalOption(
      NO_CUSTOMISATION,
      'topics',
      'Spreekuur energietoeslag',
      'x7',
      'digitale-overheid',
    );
    const local = catalogueLabels(DEFAULT_CATALOGUE, custom);
    const topic = custom.added[0]?.id ?? '';
    const own = monitorLayout(
      [
        visit({
          day: '2025-03-03',
          questions: [{ domain: 'digitale-overheid', topic, organisations: [], help: [] }],
        }),
        visit({
          day: '2025-03-04',
          questions: [{ domain: 'lokaal-x', topic: 'anders', organisations: [], help: [] }],
        }),
      ],
      march,
      'centrum',
      local,
    );
    expect(own.entries[0]?.questions[0]?.[1]).toEqual({
      question: 'Onderwerp',
      answers: ['Spreekuur energietoeslag'],
      check: true,
    });
    expect(own.totals.split).toEqual({
      'digitale-overheid': 1,
      bibliotheekdienstverlening: 0,
      overig: 1,
    });
  });

  test('never carries the note', () => {
    const noted = monitorLayout(
      [visit({ day: '2025-03-03', note: 'geheime aantekening' })],
      march,
      'centrum',
      labels,
    );
    expect(JSON.stringify(noted)).not.toContain('geheime');
  });
});
