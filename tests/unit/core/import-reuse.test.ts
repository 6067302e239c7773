// What an import works out once and reuses for every row: the hours check per shared hours
// object, each topics cell, and the quick answers of cleanText and foldText for clean text.
// Each must give exactly what the work done row by row gives.

import { describe, expect, test } from 'vitest';
import { cleanText, foldText } from '../../../src/core/partners/cleaning';
import type { Partner } from '../../../src/core/partners/partner';
import { checkDetails, detailsChecker } from '../../../src/core/partners/partner-check';
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
