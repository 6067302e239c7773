import { describe, expect, test } from 'vitest';
import { isPartnerOpenAt, partnersForTopic } from '../../../src/core/partners/choice';
import { NO_HOURS } from '../../../src/core/partners/hours';
import { parseHoursText } from '../../../src/core/partners/hours-text';
import { deriveUuid } from '../../../src/core/partners/ids';
import type { Partner } from '../../../src/core/partners/partner';
import { emptyPartner } from '../../../src/core/partners/partner-check';
import { buildPartnerIndex, searchPartners } from '../../../src/core/partners/search';
import { DEFAULT_CATALOGUE } from '../../../src/core/registration/catalogue';
import { generatePartners } from '../../support/partners';

function partner(name: string, fields: Partial<Partner> & { hours?: string } = {}): Partner {
  const { hours, ...rest } = fields;
  const parsed = parseHoursText(hours ?? '');
  return {
    ...emptyPartner(deriveUuid('test', name), name),
    openingHours: parsed.ok ? parsed.hours : NO_HOURS,
    ...rest,
  };
}

const MAP: Partner[] = [
  partner('Sociaal Raadslieden Utrecht', {
    description: 'Gratis hulp bij brieven, formulieren en geldzaken.',
    topics: ['toeslagen', 'brief-begrijpen'],
    languages: [
      { code: 'nl', name: 'Nederlands' },
      { code: 'ar', name: 'Arabisch' },
    ],
    hours: 'ma-vr 09:00-17:00',
  }),
  partner('Humanitas Thuisadministratie', {
    description: 'Vrijwilligers helpen thuis met de administratie.',
    topics: ['recht-geld'],
    languages: [{ code: 'nl', name: 'Nederlands' }],
    hours: 'di, do 10:00-12:00',
  }),
  partner('Café Digitaal', {
    organization: 'Bibliotheek Zuid',
    description: 'Inloop voor vragen over DigiD en de computer.',
    topics: ['digid', 'computer-wifi'],
    languages: [{ code: 'en', name: 'Engels' }],
    hours: 'vr 22:00-02:00',
  }),
  partner('Rechtswinkel Oost', {
    description: 'Juridisch advies.',
    address: { street: 'Oosterstraat 1', postcode: '3511 AB', city: 'Utrecht' },
    topics: ['recht-geld'],
    local: { notes: '', outdated: true, outdatedOn: '2025-01-01' },
  }),
  partner('Schuldhulpmaatje Oost', {
    description: 'Een maatje dat meekijkt met uw post.',
    topics: ['recht-geld'],
    keywords: ['Dakloos', 'Bezwaar'],
    languages: [{ code: 'tr', name: 'Turks' }],
  }),
  partner('Belastingspreekuur', {
    description: 'Hulp bij de aangifte.',
    topics: ['belastingaangifte'],
    walkInHours: (
      parseHoursText('1e wo 17:30-19:00') as { ok: true; hours: Partner['walkInHours'] }
    ).hours,
  }),
];

const index = buildPartnerIndex(MAP);
const names = (partners: readonly Partner[]) => partners.map((found) => found.name);
// 2025-03-03 is a Monday; 2025-03-05 the first Wednesday of March.
const mondayMorning = new Date(2025, 2, 3, 10, 0).getTime();

describe('searchPartners', () => {
  test.each([
    ['socaal', 'Sociaal Raadslieden Utrecht'],
    ['Sociaal raadslieden', 'Sociaal Raadslieden Utrecht'],
    ['humantas', 'Humanitas Thuisadministratie'],
    ['HUMANITAS', 'Humanitas Thuisadministratie'],
    ['cafe', 'Café Digitaal'],
    ['café digi', 'Café Digitaal'],
    ['rechts', 'Rechtswinkel Oost'],
    ['bibliotheek', 'Café Digitaal'],
    ['toeslagen', 'Sociaal Raadslieden Utrecht'],
    ['aangifte', 'Belastingspreekuur'],
    ['formulieren geldzaken', 'Sociaal Raadslieden Utrecht'],
    ['schuldhlp', 'Schuldhulpmaatje Oost'],
    ['schuldhulpmatje', 'Schuldhulpmaatje Oost'],
    ['maatje', 'Schuldhulpmaatje Oost'],
    ['dakloos', 'Schuldhulpmaatje Oost'],
    ['bezwaar', 'Schuldhulpmaatje Oost'],
    ['arabisch', 'Sociaal Raadslieden Utrecht'],
    ['turks', 'Schuldhulpmaatje Oost'],
    ['arabic', 'Sociaal Raadslieden Utrecht'],
    // By postcode, as staff type it.
    ['3511', 'Rechtswinkel Oost'],
    ['3511 AB', 'Rechtswinkel Oost'],
    ['3511ab', 'Rechtswinkel Oost'],
  ])('%j finds %s first', (query, name) => {
    expect(names(searchPartners(index, query))[0]).toBe(name);
  });

  test('every word must match, so a second word narrows the list', () => {
    expect(names(searchPartners(index, 'hulp'))).toHaveLength(2);
    expect(names(searchPartners(index, 'hulp aangifte'))).toEqual(['Belastingspreekuur']);
  });

  test('short common words are not searched for', () => {
    expect(names(searchPartners(index, 'de administratie'))).toEqual([
      'Humanitas Thuisadministratie',
    ]);
  });

  test('an empty query lists everyone that passes the filters, by name', () => {
    expect(names(searchPartners(index, ''))).toEqual([
      'Belastingspreekuur',
      'Café Digitaal',
      'Humanitas Thuisadministratie',
      'Rechtswinkel Oost',
      'Schuldhulpmaatje Oost',
      'Sociaal Raadslieden Utrecht',
    ]);
  });

  test.each([
    [
      'topic',
      { topic: 'recht-geld' },
      ['Humanitas Thuisadministratie', 'Rechtswinkel Oost', 'Schuldhulpmaatje Oost'],
    ],
    ['language', { language: 'AR' }, ['Sociaal Raadslieden Utrecht']],
    ['open on Monday morning', { openAt: mondayMorning }, ['Sociaal Raadslieden Utrecht']],
    [
      'open on Saturday 01:00, after a Friday night',
      { openAt: new Date(2025, 2, 8, 1, 0).getTime() },
      ['Café Digitaal'],
    ],
    [
      'open by a walk-in hour',
      { openAt: new Date(2025, 2, 5, 18, 0).getTime() },
      ['Belastingspreekuur'],
    ],
    ['open on Sunday', { openAt: new Date(2025, 2, 9, 12, 0).getTime() }, []],
    [
      'topic and language together',
      { topic: 'recht-geld', language: 'nl' },
      ['Humanitas Thuisadministratie'],
    ],
  ])('filter: %s', (_name, filters, expected) => {
    expect(names(searchPartners(index, '', filters))).toEqual(expected);
  });

  test('filters also apply to a query', () => {
    expect(names(searchPartners(index, 'hulp', { openAt: mondayMorning }))).toEqual([
      'Sociaal Raadslieden Utrecht',
    ]);
  });

  test('labels of local topics are searchable when passed in', () => {
    const local = partner('Taalcafé', { topics: ['lokaal-taalmaatje-x1'] });
    const topics = [
      ...DEFAULT_CATALOGUE.topics,
      { id: 'lokaal-taalmaatje-x1', label: 'Taalmaatje' },
    ];
    expect(names(searchPartners(buildPartnerIndex([local], topics), 'taalmaatje'))).toEqual([
      'Taalcafé',
    ]);
  });

  test('finds a partner with a typo among thousands', () => {
    const many = generatePartners(3000, 5);
    const big = buildPartnerIndex(many);
    const found = searchPartners(big, 'humantas zwole');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.name).toMatch(/^Humanitas Thuisadministratie Zwolle/);
  });

  test('markup in a name is searched as text and returned untouched', () => {
    const odd = partner('<img src=x onerror=alert(1)> Buurthuis');
    expect(names(searchPartners(buildPartnerIndex([odd]), 'buurthuis'))).toEqual([
      '<img src=x onerror=alert(1)> Buurthuis',
    ]);
  });
});

describe('partnersForTopic', () => {
  test('suggests partners for the topic, by name, with flagged ones last', () => {
    expect(names(partnersForTopic(MAP, 'recht-geld'))).toEqual([
      'Humanitas Thuisadministratie',
      'Schuldhulpmaatje Oost',
      'Rechtswinkel Oost',
    ]);
    const flaggedFirst = MAP.map((item) =>
      item.name === 'Humanitas Thuisadministratie'
        ? { ...item, local: { notes: '', outdated: true } }
        : item.name === 'Rechtswinkel Oost'
          ? { ...item, local: { notes: '', outdated: false } }
          : item,
    );
    expect(names(partnersForTopic(flaggedFirst, 'recht-geld'))).toEqual([
      'Rechtswinkel Oost',
      'Schuldhulpmaatje Oost',
      'Humanitas Thuisadministratie',
    ]);
  });

  test('no partner for a topic nobody helps with', () => {
    expect(partnersForTopic(MAP, 'e-books')).toEqual([]);
  });
});

test('isPartnerOpenAt counts opening hours and walk-in hours', () => {
  const [raadslieden, , , , , spreekuur] = MAP as [
    Partner,
    Partner,
    Partner,
    Partner,
    Partner,
    Partner,
  ];
  expect(isPartnerOpenAt(raadslieden, mondayMorning)).toBe(true);
  expect(isPartnerOpenAt(spreekuur, mondayMorning)).toBe(false);
  expect(isPartnerOpenAt(spreekuur, new Date(2025, 2, 5, 18, 0).getTime())).toBe(true);
});
