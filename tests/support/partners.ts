// Fake sociale-kaart partners for tests and benchmarks: Dutch names, hours, topics, seeded.
// The same (n, seed) always gives the same partners, so a failing test or a benchmark
// run can be repeated exactly.

import { type Hours, NO_HOURS, sortHours, type WeeklyPeriod } from '../../src/core/partners/hours';
import { deriveUuid } from '../../src/core/partners/ids';
import { LANGUAGES } from '../../src/core/partners/languages';
import type { Partner } from '../../src/core/partners/partner';
import { DEFAULT_CATALOGUE } from '../../src/core/registration/catalogue';

const KINDS = [
  'Sociaal Raadslieden',
  'Humanitas Thuisadministratie',
  'Juridisch Loket',
  'Buurtteam',
  'SchuldHulpMaatje',
  'Vluchtelingenwerk',
  'Formulierenbrigade',
  'Taalhuis',
  'SeniorWeb',
  'Belastingservice KBO-PCOB',
  'Wijkcentrum De Brug',
  'Stichting Lezen & Schrijven',
  'Café Digitaal',
  'Voedselbank',
  'Geldfit Spreekuur',
];
const CITIES = [
  'Utrecht',
  'Zwolle',
  'Amersfoort',
  'Den Haag',
  'Groningen',
  'Tilburg',
  'Leeuwarden',
  'Enschede',
  'Sittard-Geleen',
  "'s-Hertogenbosch",
];
const STREETS = [
  'Neude',
  'Grote Markt',
  'Stationsplein',
  'Kerkstraat',
  'Dorpsstraat',
  'Oude Gracht',
];
const GROUPS = [
  'Ouderen',
  'Jongeren',
  'Nieuwkomers',
  'Mensen met schulden',
  'Laaggeletterden',
  'Mantelzorgers',
];
const NOTES = [
  '',
  '',
  '',
  'Vraag naar het spreekuur op dinsdag.',
  'Bellen werkt beter dan mailen.',
];

/** Words offices use that are no catalogue topic. */
const KEYWORDS = ['Dakloos', 'Bezwaar', 'Mantelzorg', 'Eenzaamheid', 'Statushouders', 'Wmo'];

/** mulberry32: small, fast and good enough to pick fake data. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatePartners(n: number, seed = 1): Partner[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const some = <T>(list: readonly T[], max: number): T[] => [
    ...new Set(Array.from({ length: 1 + Math.floor(next() * max) }, () => pick(list))),
  ];
  const topics = DEFAULT_CATALOGUE.topics.map((topic) => topic.id);
  return Array.from({ length: n }, (_, index) => {
    const kind = pick(KINDS);
    const city = pick(CITIES);
    const slug = `${kind}-${city}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const postcode = `${1000 + Math.floor(next() * 8999)} ${pick(['AB', 'CD', 'EK', 'GH', 'XZ'])}`;
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const partner: Partner = {
      id: deriveUuid('generated', String(seed), String(index)),
      name: `${kind} ${city}${index >= KINDS.length * CITIES.length ? ` ${index}` : ''}`,
      description: `${kind} helpt inwoners van ${city} met ${pick(['formulieren', 'brieven van de overheid', 'geldzaken', 'de computer'])}.`,
      topics: some(topics, 3),
      address: { street: `${pick(STREETS)} ${1 + Math.floor(next() * 120)}`, postcode, city },
      phone: `0${30 + Math.floor(next() * 60)} ${String(1_000_000 + Math.floor(next() * 8_999_999))}`,
      email: `info@${slug}.nl`,
      website: `https://www.${slug}.nl`,
      openingHours: openingHours(next),
      walkInHours: next() < 0.5 ? NO_HOURS : walkIn(next),
      languages: some(LANGUAGES.slice(0, 16), 3).map(({ code, name }) => ({ code, name })),
      targetGroups: next() < 0.3 ? [] : some(GROUPS, 2),
      lastVerified: `${2023 + Math.floor(next() * 3)}-${month}-1${Math.floor(next() * 10)}`,
      local: { notes: pick(NOTES), outdated: false },
    };
    if (next() < 0.3) partner.organization = `Stichting ${kind}`;
    if (next() < 0.05)
      partner.local = { ...partner.local, outdated: true, outdatedOn: '2025-01-15' };
    // From the index, not the random stream, so the other fields stay as they were.
    if (index % 5 === 2) partner.keywords = [KEYWORDS[index % KEYWORDS.length] ?? 'Dakloos'];
    return partner;
  });
}

function openingHours(next: () => number): Hours {
  const shape = next();
  const days = shape < 0.7 ? [1, 2, 3, 4, 5] : [1, 2, 4];
  const weekly: WeeklyPeriod[] =
    shape < 0.05
      ? [{ day: 5, opens: '22:00', closes: '02:00' }]
      : days.flatMap((day) =>
          shape < 0.4
            ? [
                { day, opens: '09:00', closes: '12:30' },
                { day, opens: '13:30', closes: '17:00' },
              ]
            : [{ day, opens: next() < 0.5 ? '08:30' : '09:00', closes: '17:00' }],
        );
  const exceptions =
    next() < 0.3 ? [{ from: '2025-12-25', to: '2025-12-26', periods: [], note: 'Kerst' }] : [];
  return sortHours({ weekly, exceptions });
}

function walkIn(next: () => number): Hours {
  const day = 1 + Math.floor(next() * 5);
  const weeks = next() < 0.5 ? { weeks: [1, 3] } : {};
  return { weekly: [{ day, opens: '10:00', closes: '12:00', ...weeks }], exceptions: [] };
}
