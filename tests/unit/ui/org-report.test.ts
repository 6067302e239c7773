// The organisation's Overzicht from a plain reply: the endpoint's query (sorted, one key per
// question), the reply schema, filters in the address and in words, each location and gemeente
// next to the total, and the summary lines with small counts hidden.

import { describe, expect, test } from 'vitest';
import { DEFAULT_CATALOGUE, NO_CUSTOMISATION } from '../../../src/core/registration/catalogue';
import { aggregate } from '../../../src/core/reports/aggregate';
import { catalogueLabels } from '../../../src/core/reports/labels';
import {
  hasFilters,
  NO_FILTERS,
  OrgReport,
  reportQuery,
} from '../../../src/core/reports/org-report';
import {
  filtersFromSearch,
  filterWords,
  formatFetched,
  gemeenteTable,
  hrefOfQuery,
  locationBars,
  locationTable,
  reportHref,
  summaryLines,
} from '../../../src/ui/beheer/report-sections';
import { visitContent } from '../../support/visits';

const CENTRUM = '11111111-1111-4111-8111-111111111111';
const OOST = '22222222-2222-4222-8222-222222222222';
const LINDE = '33333333-3333-4333-8333-333333333333';
const week = { kind: 'week', from: '2026-11-23', to: '2026-11-29' } as const;

const rows = [
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ location: CENTRUM, id: `c${n}` })),
  { location: OOST, id: 'o1' },
  { location: LINDE, id: 'l1' },
  { location: LINDE, id: 'l2' },
].map(({ location, id }) => ({ ...visitContent({ location }), id, rev: 1 }));

function reply(): OrgReport {
  const total = aggregate(rows, week);
  const perLocation = Object.fromEntries(
    [CENTRUM, LINDE, OOST].map((id) => [id, aggregate(rows, { ...week, location: id })]),
  );
  // As it came over the wire: parsed from JSON.
  return OrgReport.parse({
    ...total,
    from: week.from,
    to: week.to,
    perLocation,
    byGemeente: { Houten: 2, Utrecht: 7 },
    locations: [
      { id: CENTRUM, name: 'Bibliotheek Centrum', gemeente: 'Utrecht', active: true },
      { id: OOST, name: 'Bibliotheek Oost', gemeente: 'Utrecht', active: true },
      { id: LINDE, name: 'Spreekuur De Linde', gemeente: 'Houten', active: false },
    ],
  });
}

const labels = catalogueLabels(DEFAULT_CATALOGUE, NO_CUSTOMISATION, {
  [CENTRUM]: 'Bibliotheek Centrum',
  [OOST]: 'Bibliotheek Oost',
});

describe('the question to the endpoint', () => {
  test('one query string per question: filters sorted, repeated values once, values encoded', () => {
    const filters = { ...NO_FILTERS, location: [OOST, CENTRUM, OOST], gemeente: ['Den Haag'] };
    expect(reportQuery(week, filters)).toBe(
      `from=2026-11-23&to=2026-11-29&location=${CENTRUM}&location=${OOST}&gemeente=Den%20Haag`,
    );
    expect(reportQuery(week, { ...filters, location: [CENTRUM, OOST] })).toBe(
      reportQuery(week, filters),
    );
    expect(reportQuery(week, NO_FILTERS)).toBe('from=2026-11-23&to=2026-11-29');
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters(filters)).toBe(true);
  });

  test('the reply schema takes a reply and refuses a damaged one', () => {
    const good = JSON.parse(JSON.stringify(reply()));
    expect(OrgReport.safeParse(good).success).toBe(true);
    expect(OrgReport.safeParse({ ...good, visits: -1 }).success).toBe(false);
    expect(OrgReport.safeParse({ ...good, heatmap: [[1, 2]] }).success).toBe(false);
    expect(OrgReport.safeParse({ ...good, byTopic: { digid: 'veel' } }).success).toBe(false);
    const { perLocation: _, ...withoutLocations } = good;
    expect(OrgReport.safeParse(withoutLocations).success).toBe(false);
  });
});

describe('filters in the address and in words', () => {
  test('the address keeps the period and the filters, and reads back the same', () => {
    const filters = { ...NO_FILTERS, location: [CENTRUM, OOST], domain: ['bibliotheek'] };
    const href = reportHref(week, filters);
    expect(href).toBe(
      `/beheer/overzicht?periode=week&dag=2026-11-23&locatie=${CENTRUM}&locatie=${OOST}&soort=bibliotheek`,
    );
    const search = new URLSearchParams(href.slice(href.indexOf('?')));
    expect(filtersFromSearch(search)).toEqual(filters);
    expect(filtersFromSearch(new URLSearchParams('locatie=&kanaal=balie&kanaal=balie'))).toEqual({
      ...NO_FILTERS,
      channel: ['balie'],
    });
  });

  test('a kept question leads back to its own address', () => {
    const query = reportQuery(week, { ...NO_FILTERS, topic: ['digid'] });
    expect(hrefOfQuery(query)).toBe(
      '/beheer/overzicht?periode=anders&van=2026-11-23&tot=2026-11-29&onderwerp=digid',
    );
  });

  test('each chosen filter in words, several values joined with "of"', () => {
    const words = filterWords(
      { ...NO_FILTERS, location: [CENTRUM, OOST], gemeente: ['Utrecht'], channel: ['telefoon'] },
      labels,
    );
    expect(words).toEqual([
      'Locatie: Bibliotheek Centrum of Bibliotheek Oost',
      'Gemeente: Utrecht',
      'Kanaal: Telefonisch',
    ]);
    expect(filterWords(NO_FILTERS, labels)).toEqual([]);
  });
});

describe('each location next to the total', () => {
  test('locations by name with their gemeente, and the total last', () => {
    const table = locationTable(reply());
    expect(table.header).toEqual(['Locatie', 'Bezoeken', 'Vragen']);
    expect(table.rows).toEqual([
      ['Bibliotheek Centrum (Utrecht)', '6', '6'],
      ['Bibliotheek Oost (Utrecht)', '1', '1'],
      ['Spreekuur De Linde (Houten)', '2', '2'],
      ['Totaal', '9', '9'],
    ]);
    expect(locationBars(reply()).map((bar) => bar.value)).toEqual([6, 2, 1]);
  });

  test('gemeenten sum their locations', () => {
    expect(gemeenteTable(reply()).rows).toEqual([
      ['Houten', '2', '2'],
      ['Utrecht', '7', '7'],
      ['Totaal', '9', '9'],
    ]);
  });

  test('the summary lines: the choice, then per location and gemeente, small counts hidden', () => {
    const lines = summaryLines(reply(), ['Kanaal: Telefonisch'], { suppress: true });
    expect(lines[0]).toEqual(['Gekozen', 'Kanaal: Telefonisch', '', '']);
    expect(lines).toContainEqual([
      'Bezoeken per locatie',
      'Bibliotheek Centrum (Utrecht)',
      '6',
      '66,7',
    ]);
    expect(lines).toContainEqual(['Bezoeken per locatie', 'Bibliotheek Oost (Utrecht)', '<5', '']);
    expect(lines).toContainEqual(['Vragen per gemeente', 'Utrecht', '7', '77,8']);
    expect(summaryLines(reply(), [], {})[0]).toEqual([
      'Gekozen',
      'Alle locaties en alle vragen.',
      '',
      '',
    ]);
  });

  test('when it was fetched, as a Dutch date and time', () => {
    expect(formatFetched(new Date('2026-11-26T14:10:00+01:00').getTime())).toBe(
      '26 november 2026 om 14:10',
    );
  });
});
