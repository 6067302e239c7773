import { describe, expect, test } from 'vitest';
import {
  addLocalOption,
  DEFAULT_CATALOGUE,
  hideOption,
  NO_CUSTOMISATION,
} from '../../../src/core/registration/catalogue';
import { aggregate } from '../../../src/core/reports/aggregate';
import { compare } from '../../../src/core/reports/compare';
import { summarySheet, tableCsv } from '../../../src/core/reports/csv';
import { catalogueLabels, hourBand } from '../../../src/core/reports/labels';
import { questionTable } from '../../../src/core/reports/questions';
import type { LiveRow } from '../../../src/core/reports/rows';
import { countCell, shareCell } from '../../../src/core/reports/suppress';
import {
  breakdownTable,
  DIMENSIONS,
  headlineTable,
  heatmapTable,
  summaryTables,
  type Table,
} from '../../../src/core/reports/table';
import { visitContent } from '../../support/visits';

let next = 0;
function visit(over: Partial<LiveRow> = {}): LiveRow {
  next += 1;
  return { ...visitContent(), id: `v${next}`, rev: 1, ...over };
}

const labels = catalogueLabels(DEFAULT_CATALOGUE, NO_CUSTOMISATION, {
  'Bibliotheek Teststad': 'Teststad, 1e etage',
});

function dimension(key: (typeof DIMENSIONS)[number]['key']) {
  const found = DIMENSIONS.find((d) => d.key === key);
  if (found === undefined) throw new Error(key);
  return found;
}

describe('cells', () => {
  test.each([
    [0, false, '0'],
    [1, false, '1'],
    [0, true, '0'],
    [1, true, '<5'],
    [4, true, '<5'],
    [5, true, '5'],
    [120, true, '120'],
  ])('count %i (suppress %s) reads %j', (count, suppress, cell) => {
    expect(countCell(count, { suppress })).toBe(cell);
  });

  test.each([
    [1, 8, false, '12,5'],
    [1, 3, false, '33,3'],
    [3, 3, false, '100,0'],
    [0, 0, false, ''],
    [4, 40, true, ''],
    [5, 40, true, '12,5'],
  ])('share of %i in %i (suppress %s) reads %j', (count, total, suppress, cell) => {
    expect(shareCell(count, total, { suppress })).toBe(cell);
  });

  test.each([
    [0, '0–1 uur'],
    [11, '11–12 uur'],
    [23, '23–24 uur'],
  ])('hour band %i reads %j', (hour, text) => {
    expect(hourBand(hour)).toBe(text);
  });
});

describe('summary tables', () => {
  const report = aggregate([
    ...Array.from({ length: 6 }, () => visit({ channel: 'balie' })),
    visit({ channel: 'telefoon' }),
    visit({ channel: 'lokaal-inloop-x1' }),
  ]);

  test('label the catalogue options in its order, zeros included, unknown ids after', () => {
    expect(breakdownTable(report, dimension('byChannel'), labels)).toEqual({
      title: 'Kanaal',
      header: ['Kanaal', 'Aantal', '% van de bezoeken'],
      rows: [
        ['Aan de balie', '6', '75,0'],
        ['Telefonisch', '1', '12,5'],
        ['Online (mail, chat of video)', '0', '0,0'],
        ['lokaal-inloop-x1', '1', '12,5'],
      ],
    });
  });

  test('suppress counts below five, and their shares', () => {
    const rows = breakdownTable(report, dimension('byChannel'), labels, { suppress: true }).rows;
    expect(rows.map((row) => row.slice(1))).toEqual([
      ['6', '75,0'],
      ['<5', ''],
      ['0', '0,0'],
      ['<5', ''],
    ]);
  });

  test('a hidden option with counts still shows; local options and locations have their labels', () => {
    let custom = hideOption(NO_CUSTOMISATION, 'channels', 'telefoon');
    custom = addLocalOption(custom, 'channels', 'Inloop', 'x1');
    const local = catalogueLabels(DEFAULT_CATALOGUE, custom);
    const rows = breakdownTable(report, dimension('byChannel'), local).rows.map((row) => row[0]);
    expect(rows).toEqual(['Aan de balie', 'Online (mail, chat of video)', 'Inloop', 'Telefonisch']);
    expect(breakdownTable(report, dimension('byLocation'), labels).rows).toEqual([
      ['Teststad, 1e etage', '8', '100,0'],
    ]);
  });

  test('one table per breakdown; warmth reads Warm and Koud', () => {
    const warmth = aggregate([
      visit({
        questions: [
          {
            domain: 'digitale-overheid',
            topic: 'digid',
            organisations: [],
            help: ['doorverwezen'],
            referral: { kind: 'juridisch', warm: true },
          },
        ],
      }),
    ]);
    const tables = summaryTables(warmth, labels);
    expect(tables.map((table) => table.title)).toEqual(DIMENSIONS.map((d) => d.title));
    expect(tables.find((t) => t.title === 'Warm of koud doorverwezen')?.rows).toEqual([
      ['Warm', '1', '100,0'],
    ]);
  });

  test('headline numbers, alone and compared', () => {
    const before = aggregate([visit(), visit(), visit(), visit()]);
    expect(headlineTable(report).rows).toEqual([
      ['Bezoeken', '8'],
      ['Vragen', '8'],
      ['Vragen per bezoek', '1,0'],
    ]);
    expect(headlineTable(report, compare(report, before)).rows).toEqual([
      ['Bezoeken', '8', '4', '+4', '+100'],
      ['Vragen', '8', '4', '+4', '+100'],
    ]);
  });

  test('heatmap: weekdays down, 24 hour bands across, suppressed like any count', () => {
    const monday = aggregate(
      Array.from({ length: 3 }, () => visit({ day: '2025-03-03', hour: 11 })),
    );
    const table = heatmapTable(monday, { suppress: true });
    expect(table.header).toHaveLength(25);
    expect(table.header[12]).toBe('11–12 uur');
    expect(table.rows[0]?.[12]).toBe('<5');
    expect(table.rows.map((row) => row[0])).toEqual(['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']);
  });
});

describe('question rows', () => {
  const visits = [
    visit({
      day: '2025-03-04',
      hour: 11,
      needs: ['meekijken', 'overheidstaal'],
      note: 'Kwam terug voor de brief',
      questions: [
        {
          domain: 'digitale-overheid',
          topic: 'digid',
          digidStep: 'activeren',
          organisations: ['gemeente', 'belastingdienst'],
          help: ['uitleg', 'doorverwezen'],
          referral: { kind: 'organisatie-zelf', warm: false },
        },
        { domain: 'bibliotheek', topic: 'e-books', organisations: [], help: ['informatie'] },
      ],
    }),
    visit({ day: '2025-03-03', hour: 16, channel: 'telefoon' }),
  ];
  const table = questionTable(visits, labels);

  test('one row per question, visits in time order, answers as labels', () => {
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0]?.slice(0, 8)).toEqual([
      '1',
      '2025-03-03',
      '16–17 uur',
      'Teststad, 1e etage',
      'Telefonisch',
      'Korter dan 15 minuten',
      '',
      '1 van 1',
    ]);
    expect(table.rows[1]).toEqual([
      '2',
      '2025-03-04',
      '11–12 uur',
      'Teststad, 1e etage',
      'Aan de balie',
      'Korter dan 15 minuten',
      'Iemand die meekijkt en zegt dat het goed is; De taal van de overheid begrijpen',
      '1 van 2',
      'Digitale overheid',
      'DigiD',
      'Activeren',
      'Gemeente; Belastingdienst (ook Toeslagen)',
      'Uitleg gegeven; Doorverwezen',
      '',
      'De organisatie zelf (bijvoorbeeld UWV of gemeente)',
      'Koud',
    ]);
    expect(table.rows[2]?.slice(7, 10)).toEqual([
      '2 van 2',
      'Bibliotheekdienstverlening',
      'E-books en luisterboeken',
    ]);
  });

  test('never the note, nor the visit id', () => {
    const text = JSON.stringify(table);
    expect(text).not.toContain('brief');
    expect(text).not.toContain(visits[0]?.id);
    expect(table.header).toHaveLength(table.rows[0]?.length ?? 0);
  });
});

describe('CSV for Dutch Excel', () => {
  const bytes = (text: string) => [...new TextEncoder().encode(text)];
  const sheet = (rows: string[][]): Table => ({ title: 't', header: ['Naam', 'Aantal'], rows });

  test.each<[string, string[][], string]>([
    ['BOM, semicolons, CRLF', [['a', '1']], '\uFEFFNaam;Aantal\r\na;1\r\n'],
    ['a separator is quoted', [['a;b', '1']], '\uFEFFNaam;Aantal\r\n"a;b";1\r\n'],
    ['a quote is doubled', [['zei "ja"', '1']], '\uFEFFNaam;Aantal\r\n"zei ""ja""";1\r\n'],
    ['a line break is quoted', [['a\nb', '1']], '\uFEFFNaam;Aantal\r\n"a\nb";1\r\n'],
    [
      'accents as they are',
      [['Printen, scannen en kopiëren', '2']],
      '\uFEFFNaam;Aantal\r\nPrinten, scannen en kopiëren;2\r\n',
    ],
    ['=formula', [['=SUM(A1)', '1']], '\uFEFFNaam;Aantal\r\n"\'=SUM(A1)";1\r\n'],
    ['+formula', [['+31 20', '1']], '\uFEFFNaam;Aantal\r\n"\'+31 20";1\r\n'],
    ['-formula', [['-1', '1']], '\uFEFFNaam;Aantal\r\n"\'-1";1\r\n'],
    ['@formula', [['@cmd', '1']], '\uFEFFNaam;Aantal\r\n"\'@cmd";1\r\n'],
    ['"<5" is text, not a formula', [['a', '<5']], '\uFEFFNaam;Aantal\r\na;<5\r\n'],
  ])('%s', (_name, rows, expected) => {
    expect(tableCsv(sheet(rows))).toBe(expected);
  });

  test('the bytes start with the UTF-8 BOM and end with CRLF', () => {
    const encoded = bytes(tableCsv(sheet([['é', '1']])));
    expect(encoded.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(encoded.slice(-2)).toEqual([0x0d, 0x0a]);
    expect(encoded).toContain(0xc3); // é as two UTF-8 bytes, not Windows-1252
  });

  test('the summary sheet holds every breakdown row under its title', () => {
    const report = aggregate([visit(), visit({ channel: 'telefoon' })]);
    const long = summarySheet(summaryTables(report, labels, { suppress: true }));
    expect(long.header).toEqual(['Onderdeel', 'Antwoord', 'Aantal', 'Aandeel (%)']);
    expect(long.rows).toContainEqual(['Kanaal', 'Telefonisch', '<5', '']);
    expect(tableCsv(long).split('\r\n')[1]).toBe('Kanaal;Aan de balie;<5;');
  });
});
