// A sheet written the way a municipality's office keeps it: headers in its own words, topics in
// its own words, hours as people type them. Tables for each, and the whole fixture at once.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Hours, isOpenAt, openingStatus } from '../../../src/core/partners/hours';
import { readHoursText } from '../../../src/core/partners/hours-text';
import { TOPIC_SYNONYMS_VERSION } from '../../../src/core/partners/topic-synonyms';
import { DEFAULT_CATALOGUE } from '../../../src/core/registration/catalogue';
import { columnFor } from '../../../src/core/spreadsheet/columns';
import { readTopicCell, topicLookup } from '../../../src/core/spreadsheet/lists';
import { importSpreadsheet } from '../../../src/core/spreadsheet/sheet';
import { describeIssue } from '../../../src/ui/partners/issue-text';

const FIXTURE = join(import.meta.dirname, '../../fixtures/spreadsheet/sociale-kaart-gemeente.csv');

describe('column headers in an office’s own words', () => {
  test.each([
    ['Naam', 'name'],
    ['Naam organisatie', 'name'],
    ['NAAM ORGANISATIE', 'name'],
    ['Organisatie', 'organization'],
    ['Tel.', 'phone'],
    ['Telefoonnummer', 'phone'],
    ['Telefoon nummer', 'phone'],
    ['Mail', 'email'],
    ['E-mailadres', 'email'],
    ['Openingstijden', 'openingHours'],
    ['Tijden', 'openingHours'],
    ['Talen', 'languages'],
    ['Onderwerp(en)', 'topics'],
    ['Onderwerpen', 'topics'],
    ["Thema's", 'topics'],
    ['Trefwoorden', 'keywords'],
    ['Adres', 'street'],
    [' Postcode ', 'postcode'],
    ['Plaats', 'city'],
    ['Wébsite', 'website'],
    ['Fax', undefined],
  ])('%j is %s', (header, column) => {
    expect(columnFor(header)).toBe(column);
  });

  test('a sheet with only "Organisatie" takes it as the name', () => {
    const result = importSpreadsheet('Organisatie;Telefoon\r\nBuurtteam;030 123 45 67\r\n');
    expect(result.ok && result.partners.map(({ name }) => name)).toEqual(['Buurtteam']);
  });
});

describe(`topics in an office’s own words (synonyms ${TOPIC_SYNONYMS_VERSION})`, () => {
  const lookup = topicLookup(DEFAULT_CATALOGUE.topics);

  test.each([
    ['Schulden', ['recht-geld'], ['Schulden']],
    ['Geldzaken', ['recht-geld'], ['Geldzaken']],
    ['Huur', ['wonen-huur'], ['Huur']],
    ['Wonen', ['wonen-huur'], ['Wonen']],
    ['Belastingen', ['belastingaangifte'], ['Belastingen']],
    ['Wmo', ['zorg'], ['Wmo']],
    ['Bezwaar', [], ['Bezwaar']],
    ['Dakloos', [], ['Dakloos']],
    ['DigiD', ['digid'], []],
    ['AOW, pensioen en kinderbijslag', ['aow-pensioen'], []],
    ['Schulden; Dakloos, Huur', ['recht-geld', 'wonen-huur'], ['Schulden', 'Dakloos', 'Huur']],
    ['schulden, Schulden', ['recht-geld'], ['schulden']],
  ])('%j: topics %j, kept as keywords %j', (cell, topics, keywords) => {
    const read = readTopicCell(cell, lookup);
    expect(read.topics).toEqual(topics);
    expect(read.keywords).toEqual(keywords);
  });

  test('a synonym maps only to topics the branch has', () => {
    const without = topicLookup(DEFAULT_CATALOGUE.topics.filter(({ id }) => id !== 'recht-geld'));
    expect(readTopicCell('Schulden', without)).toEqual({
      topics: [],
      keywords: ['Schulden'],
      ownWords: [{ word: 'Schulden', topics: [] }],
    });
  });
});

/** Hours as "day opens-closes" lines, or the text kept. */
function shown(hours: Hours): string[] {
  const weekly = hours.weekly.map(({ day, opens, closes }) => `${day} ${opens}-${closes}`);
  return hours.note === undefined ? weekly : [...weekly, `(${hours.note})`];
}

const WEEK = [1, 2, 3, 4, 5];
const each = (days: readonly number[], ...times: string[]) =>
  days.flatMap((day) => times.map((time) => `${day} ${time}`));

describe('opening hours as people type them', () => {
  test.each([
    ['ma-vr 09:00-17:00', each(WEEK, '09:00-17:00')],
    ['di,do 13:00-16:00', each([2, 4], '13:00-16:00')],
    ['ma-do 08:30-17:00; vr 08:30-12:00', [...each([1, 2, 3, 4], '08:30-17:00'), '5 08:30-12:00']],
    ['dagelijks 21:00-09:00', each([1, 2, 3, 4, 5, 6, 7], '21:00-09:00')],
    ['ma-vr 09.00-12.00 en 13.00-17.00', each(WEEK, '09:00-12:00', '13:00-17:00')],
    ['ma-vr 09:00-12:00, 13:00-17:00', each(WEEK, '09:00-12:00', '13:00-17:00')],
    ['ma-vr 09:00-12:00 13:00-17:00', each(WEEK, '09:00-12:00', '13:00-17:00')],
    ['maandag t/m vrijdag van 9 tot 17 uur', each(WEEK, '09:00-17:00')],
    ['Ma - Vr 9.00 - 17.00 uur', each(WEEK, '09:00-17:00')],
    ['werkdagen 9-17', each(WEEK, '09:00-17:00')],
    ['weekend 10:00-16:00', each([6, 7], '10:00-16:00')],
    ['wo: 10-12', ['3 10:00-12:00']],
    ['ma 09:00-12:00\nwo 13:00-17:00', ['1 09:00-12:00', '3 13:00-17:00']],
    ['ma 9-12, do 13-17 uur', ['1 09:00-12:00', '4 13:00-17:00']],
    ['vr 22:00-02:00', ['5 22:00-02:00']],
    ['ma-vr 09:00-17:00; za en zo gesloten', each(WEEK, '09:00-17:00')],
    ['op afspraak', ['(op afspraak)']],
    ['Alleen op afspraak', ['(Alleen op afspraak)']],
    ['di 13:00-16:00; op afspraak', ['2 13:00-16:00', '(op afspraak)']],
  ])('%j reads as a table', (text, expected) => {
    const read = readHoursText(text);
    expect(read.problem).toBeUndefined();
    expect(shown(read.hours)).toEqual(expected);
  });

  // 2026-03-04 is a Wednesday.
  const moments = [0, 3, 9, 12, 15, 21, 23].map((hour) => new Date(2026, 2, 4, hour).getTime());

  test.each([
    'zie website',
    'ma-vr 09:00-17:00 behalve wo',
    'elke dag vroeg',
    'ma-vr 9-25',
    'mandag 09:00-17:00',
    'ma-vr 09:00-17:00; za op afspraak',
    'bel voor de tijden',
  ])('%j is kept as text, with the reason, and never "nu open"', (text) => {
    const read = readHoursText(text);
    expect(read.problem).toBeDefined();
    expect(read.hours).toEqual({ weekly: [], exceptions: [], note: text });
    for (const moment of moments) {
      expect(isOpenAt(read.hours, moment)).toBe(false);
      expect(openingStatus(read.hours, moment)).toEqual({ state: 'unknown' });
    }
  });

  test('an entry that is only a note is no opening either', () => {
    const read = readHoursText('op afspraak');
    for (const moment of moments) expect(isOpenAt(read.hours, moment)).toBe(false);
  });
});

describe('the whole sheet, as the welfare office sent it', () => {
  const result = importSpreadsheet(new Uint8Array(readFileSync(FIXTURE)));
  const partners = result.ok ? result.partners : [];
  const named = (name: string) => partners.find((partner) => partner.name === name);

  test('is read whole: BOM, ;, CRLF, a line break in a quoted cell', () => {
    expect(result.ok).toBe(true);
    expect(partners).toHaveLength(6);
    expect(named('Schuldhulpmaatje Zuid')?.description).toBe(
      'Hulp bij schulden en post.\nOok bij u thuis.',
    );
  });

  test('every cell lands in its field', () => {
    expect(named('Schuldhulpmaatje Zuid')).toMatchObject({
      topics: ['recht-geld'],
      keywords: ['Schulden', 'Geldzaken'],
      address: { street: 'Stationsplein 1', postcode: '3511 AB', city: 'Utrecht' },
      phone: '030 - 123 45 67',
      email: 'info@schuldhulpmaatje-zuid.nl',
      website: 'https://www.schuldhulpmaatje-zuid.nl',
      languages: [
        { code: 'nl', name: 'Nederlands' },
        { code: 'tr', name: 'Turks' },
      ],
    });
    const haven = named('Nachtopvang De Haven');
    expect(haven?.phone).toBe('06-12345678');
    expect(haven?.email).toBeUndefined();
    expect(haven?.website).toBeUndefined();
    expect(named('Formulierenhulp Noord')?.languages.map(({ code }) => code)).toEqual(['nl', 'en']);
  });

  test('says what it mapped and what it kept, before anything is written', () => {
    expect(result.ok && result.ownWords).toEqual([
      { word: 'Geldzaken', topics: ['recht-geld'], partners: 2 },
      { word: 'Belastingen', topics: ['belastingaangifte'], partners: 1 },
      { word: 'Huur', topics: ['wonen-huur'], partners: 1 },
      { word: 'Schulden', topics: ['recht-geld'], partners: 1 },
      { word: 'Wmo', topics: ['zorg'], partners: 1 },
      { word: 'Wonen', topics: ['wonen-huur'], partners: 1 },
      { word: 'Bezwaar', topics: [], partners: 1 },
      { word: 'Dakloos', topics: [], partners: 1 },
    ]);
  });

  test('hours it cannot read are kept as text, with one warning for that row', () => {
    expect(named('Formulierenhulp Noord')?.openingHours).toEqual({
      weekly: [],
      exceptions: [],
      note: 'zie website',
    });
    expect(named('Belastinghulp Senioren')?.openingHours.note).toBe('op afspraak');
    expect(result.ok && result.warnings.map(describeIssue)).toEqual([
      `Rij 7, kolom Openingstijden: 'zie website' kan Balie niet lezen als dagen en tijden. Het staat als tekst bij de partner. Bij "Nu open" telt deze partner niet mee.`,
    ]);
  });
});
