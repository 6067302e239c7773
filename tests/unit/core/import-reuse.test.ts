// What an import works out once and reuses for every row: the quick check of each partner
// (each shared hours object and repeated value checked once), each topics cell, and the quick
// answers of cleanText and foldText for clean text. Each must give exactly what the work done
// row by row gives.

import { describe, expect, test } from 'vitest';
import { cleanText, foldText } from '../../../src/core/partners/cleaning';
import type { Partner } from '../../../src/core/partners/partner';
import { checkDetails, detailsChecker } from '../../../src/core/partners/partner-check';
import { quickDetailsCheck } from '../../../src/core/partners/quick-check';
import { DEFAULT_CATALOGUE } from '../../../src/core/registration/catalogue';
import { readTopicCell, topicLookup } from '../../../src/core/spreadsheet/lists';
import { generatePartners } from '../../support/partners';

function detailsOf(partner: Partner): Record<string, unknown> {
  const { local: _local, ...details } = partner;
  return details;
}

describe('detailsChecker', () => {
  const partners = generatePartners(60, 11).map(detailsOf);
  // Partners that share hours objects, as an import that read each hours text once.
  const shared = partners.map((details, index) => ({
    ...details,
    openingHours: partners[index % 3]?.openingHours,
    walkInHours: partners[index % 2]?.walkInHours,
  }));

  test('answers as checkDetails for valid details, hours shared or not', () => {
    const check = detailsChecker();
    for (const details of [...partners, ...shared]) {
      expect(check(details)).toEqual(checkDetails(details));
    }
  });

  test('answers as checkDetails for bad details and for bad shared hours, every time', () => {
    const check = detailsChecker();
    const badHours = { weekly: [{ day: 9, opens: '25:00', closes: '12:00' }], exceptions: [] };
    const bad = [
      { ...shared[0], email: 'geen mail', name: '' },
      { ...shared[1], openingHours: badHours },
      { ...shared[2], openingHours: badHours, website: 'javascript:alert(1)' },
      { ...shared[3], walkInHours: badHours, html: '<b>x</b>' },
      { ...shared[4], walkInHours: undefined },
    ];
    for (const details of [...bad, ...bad, ...shared]) {
      expect(check(details)).toEqual(checkDetails(details));
    }
  });
});

describe('quickDetailsCheck', () => {
  const [base = {}] = generatePartners(1, 5).map(detailsOf);
  const long = (length: number) => 'a'.repeat(length);
  const badHours = { weekly: [{ day: 9, opens: '25:00', closes: '12:00' }], exceptions: [] };
  const changes: Record<string, unknown[]> = {
    id: ['x', '', 7, 'ABCDEF12-3456-8abc-9def-0123456789AB', '0f0f0f0f-0f0f-0f0f-0f0f-0f0f0f0f0f0'],
    name: ['', long(200), long(201), 5, undefined],
    organization: ['', long(200), long(201), 'Stichting', null],
    description: ['', long(4000), long(4001), null],
    topics: [[], ['digid'], ['Geen Id'], Array(40).fill('digid'), Array(41).fill('digid'), 'digid'],
    keywords: [
      [],
      [''],
      [long(80)],
      [long(81)],
      Array(40).fill('x'),
      Array(41).fill('x'),
      ['x', 3],
    ],
    address: [
      { street: '', postcode: '', city: '' },
      { street: long(200), postcode: long(20), city: long(100) },
      { street: long(201), postcode: '', city: '' },
      { street: '', postcode: long(21), city: '' },
      { street: '', postcode: '', city: long(101) },
      { street: 'Neude 1', postcode: '3512 AB' },
      { street: '', postcode: '', city: '', land: 'NL' },
      null,
      [],
    ],
    phone: ['030 123 45 67', '+31 30 1234567', 'abc', '1', 30123, long(41)],
    email: ['info@humanitas.nl', 'geen mail', 'a@b', 7],
    website: ['https://www.humanitas.nl/x?y', 'http://x', 'javascript:alert(1)', 'www.a.nl', 1],
    openingHours: [badHours, { weekly: [], exceptions: [], extra: 1 }, { weekly: [] }, null],
    walkInHours: [{ weekly: [], exceptions: [] }, badHours, 'ma 9-17'],
    languages: [
      [],
      [{ code: 'nl', name: 'Nederlands' }],
      [{ code: 'pt-br', name: long(80) }],
      [{ code: 'nl', name: long(81) }],
      [{ code: 'nl', name: '' }],
      [{ code: 'n', name: 'x' }],
      [{ code: 'nl' }],
      [{ code: 'nl', name: 'Nederlands', extra: 1 }],
      Array(40).fill({ code: 'nl', name: 'Nederlands' }),
      Array(41).fill({ code: 'nl', name: 'Nederlands' }),
    ],
    targetGroups: [[], ['Ouderen'], [''], [long(81)], Array(20).fill('x'), Array(21).fill('x')],
    lastVerified: ['2024-02-29', '2023-02-29', '2023-02-30', '11-03-2023', '', 20230311],
    html: ['<b>x</b>'],
  };
  const values = Object.entries(changes).flatMap(([key, options]) =>
    options.map((value) => ({ ...base, [key]: value })),
  );

  test('passes every generated partner, so an import takes the quick path', () => {
    const quick = quickDetailsCheck();
    for (const details of generatePartners(200, 3).map(detailsOf))
      expect(quick(details)).toBe(true);
  });

  test('passes a value only when zod accepts it, and fails each value zod refuses', () => {
    const quick = quickDetailsCheck();
    for (const value of [...values, ...values]) {
      // The only "not sure" answers for valid details: a field present but undefined.
      const present = Object.values(value).every((field) => field !== undefined);
      expect([value, quick(value)]).toEqual([value, present && checkDetails(value).ok]);
    }
  });

  test('leaves linked HSDS records to zod', () => {
    const linked = { ...base, hsds: { organization: base.id } };
    expect(quickDetailsCheck()(linked)).toBe(false);
    expect(detailsChecker()(linked)).toEqual(checkDetails(linked));
  });
});

describe('topics cells read once per lookup', () => {
  test('the same cell gives the same reading the second time', () => {
    const lookup = topicLookup(DEFAULT_CATALOGUE.topics);
    const cells = ['DigiD, Schulden', 'Dakloos; Taal', 'AOW,pensioen', '', 'Dakloos; Taal'];
    const first = cells.map((cell) => readTopicCell(cell, lookup));
    const fresh = cells.map((cell) => readTopicCell(cell, topicLookup(DEFAULT_CATALOGUE.topics)));
    expect(cells.map((cell) => readTopicCell(cell, lookup))).toEqual(first);
    expect(first).toEqual(fresh);
  });
});

describe('clean text is returned as it is', () => {
  test.each([
    ['Sociaal Raadslieden', 'Sociaal Raadslieden'],
    [' voor', 'voor'],
    ['na ', 'na'],
    ['twee  spaties', 'twee spaties'],
    ['harde\u00a0spatie', 'harde spatie'],
    ['tab\there', 'tab here'],
    ['\u202Eomgekeerd', 'omgekeerd'],
  ])('cleanText(%j) is %j', (text, clean) => {
    expect(cleanText(text)).toBe(clean);
  });

  test('multiline text keeps its line breaks and loses its edges', () => {
    expect(cleanText('Eerste regel\n\n\n\nTweede ', true)).toBe('Eerste regel\n\nTweede');
    expect(cleanText('Al schoon, één regel', true)).toBe('Al schoon, één regel');
    expect(cleanText(' rand', true)).toBe('rand');
  });

  test.each([
    ['Sociaal', 'sociaal'],
    ['Café', 'cafe'],
    ['ﬁets', 'fiets'],
    ['ÅLAND', 'aland'],
  ])('foldText(%j) is %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});
