import { describe, expect, test } from 'vitest';
import { partnerIdFor } from '../../../src/core/partners/ids';
import type { ImportResult } from '../../../src/core/partners/import';
import type { Partner, PartnerDetails } from '../../../src/core/partners/partner';
import { decodeSheet, detectDelimiter, readSheet } from '../../../src/core/spreadsheet/csv';
import { exportSpreadsheet, importSpreadsheet } from '../../../src/core/spreadsheet/sheet';
import { describeIssue } from '../../../src/ui/partners/issue-text';
import { generatePartners } from '../../support/partners';

const HEADER =
  'Naam;Omschrijving;Onderwerpen;Straat;Postcode;Plaats;Telefoon;E-mail;Website;Openingstijden;Inloopspreekuur;Talen;Doelgroepen;Laatst gecontroleerd';
const ROW =
  'Sociaal Raadslieden Utrecht;"Hulp bij\r\nformulieren; brieven";DigiD, Toeslagen;Neude 11;3512ab;Utrecht;030 123 45 67;info@srl.nl;www.srl.nl;"ma-vr 09:00-17:00; za 10:00-12:00";1e en 3e di 19:00-21:00;Nederlands, Engels, ar;Ouderen;15-03-2025';

function partnersOf(result: ImportResult): readonly PartnerDetails[] {
  if (!result.ok) throw new Error(result.errors.map(describeIssue).join('\n'));
  return result.partners;
}

function errorsOf(result: ImportResult): string[] {
  if (result.ok) throw new Error('the import should have failed');
  return result.errors.map(describeIssue);
}

function detailsOf({ local: _local, hsds: _hsds, ...details }: Partner): PartnerDetails {
  return details;
}

/** A sheet with the given header and rows, the way Excel saves it. */
function sheet(rows: readonly string[], header = HEADER): string {
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}

describe('reading what offices save', () => {
  test('reads one row into every field', () => {
    expect(partnersOf(importSpreadsheet(sheet([ROW])))).toEqual([
      {
        id: partnerIdFor('Sociaal Raadslieden Utrecht', '3512 AB'),
        name: 'Sociaal Raadslieden Utrecht',
        description: 'Hulp bij\nformulieren; brieven',
        topics: ['digid', 'toeslagen'],
        address: { street: 'Neude 11', postcode: '3512 AB', city: 'Utrecht' },
        phone: '030 123 45 67',
        email: 'info@srl.nl',
        website: 'https://www.srl.nl',
        openingHours: {
          weekly: [1, 2, 3, 4, 5]
            .map((day) => ({ day, opens: '09:00', closes: '17:00' }))
            .concat([{ day: 6, opens: '10:00', closes: '12:00' }]),
          exceptions: [],
        },
        walkInHours: {
          weekly: [{ day: 2, opens: '19:00', closes: '21:00', weeks: [1, 3] }],
          exceptions: [],
        },
        languages: [
          { code: 'nl', name: 'Nederlands' },
          { code: 'en', name: 'Engels' },
          { code: 'ar', name: 'Arabisch' },
        ],
        targetGroups: ['Ouderen'],
        lastVerified: '2025-03-15',
      },
    ]);
  });

  const expected = partnersOf(importSpreadsheet(sheet([ROW])));
  const commas = (text: string) =>
    text
      .replace(/"ma-vr 09:00-17:00; za 10:00-12:00"/, '"ma-vr 09:00-17:00, za 10:00-12:00"')
      .split(';')
      .map((cell) => (cell.includes(',') && !cell.startsWith('"') ? `"${cell}"` : cell))
      .join(',');

  test.each([
    ['UTF-8 with BOM and semicolons', sheet([ROW])],
    ['without BOM', sheet([ROW]).slice(1)],
    ['with Unix line ends', sheet([ROW]).replace(/\r\n/g, '\n')],
    ['with empty rows around', sheet(['', ROW, ';;;;;;;;;;;;;', ''])],
    [
      'headers in other words',
      sheet(
        [ROW],
        HEADER.replace('E-mail', 'E-mailadres')
          .replace('Plaats', 'woonplaats')
          .replace('Telefoon', 'TELEFOONNUMMER'),
      ),
    ],
  ])('%s', (_name, text) => {
    expect(partnersOf(importSpreadsheet(text))).toEqual(expected);
  });

  test('comma separated, as an English Excel saves it', () => {
    const text = `${commas(HEADER)}\n"Sociaal Raadslieden Utrecht","Hulp bij\nformulieren; brieven","DigiD, Toeslagen",Neude 11,3512ab,Utrecht,030 123 45 67,info@srl.nl,www.srl.nl,"ma-vr 09:00-17:00; za 10:00-12:00",1e en 3e di 19:00-21:00,"Nederlands, Engels, ar",Ouderen,15-03-2025\n`;
    expect(detectDelimiter(text)).toBe(',');
    expect(partnersOf(importSpreadsheet(text))).toEqual(expected);
  });

  test('tab separated, as pasted from a sheet', () => {
    const text = `Naam\tTelefoon\nBuurtteam\t030 123 45 67\n`;
    expect(partnersOf(importSpreadsheet(text)).map(({ phone }) => phone)).toEqual([
      '030 123 45 67',
    ]);
  });

  test("bytes in UTF-8 and in Windows-1252 (Excel's plain CSV) read the same", () => {
    const text = 'Naam;Omschrijving\r\nCafé Digitaal;Kosten: € 0 – “gratis”\r\n';
    const utf8 = new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf8'));
    const windows = new Uint8Array(
      [...text].map(
        (char) => ({ '€': 0x80, '–': 0x96, '“': 0x93, '”': 0x94 })[char] ?? char.charCodeAt(0),
      ),
    );
    expect(decodeSheet(utf8)).toBe(text);
    expect(decodeSheet(windows)).toBe(text);
    expect(partnersOf(importSpreadsheet(windows))[0]?.description).toBe('Kosten: € 0 – “gratis”');
  });

  test('quotes inside quoted cells', () => {
    const text = sheet(['"Stichting ""De Brug""";"Zegt: ""kom langs"""'], 'Naam;Omschrijving');
    expect(
      partnersOf(importSpreadsheet(text)).map(({ name, description }) => [name, description]),
    ).toEqual([['Stichting "De Brug"', 'Zegt: "kom langs"']]);
  });

  test('a column Balie does not know is left out with a warning', () => {
    const result = importSpreadsheet(sheet(['Buurtteam;123'], 'Naam;Fax'));
    expect(result.ok && result.warnings.map(describeIssue)).toEqual([
      'Rij 1, kolom Fax: deze kolom kent Balie niet; hij is niet ingelezen.',
    ]);
  });

  test('reports progress up to the last row', () => {
    const rows = Array.from({ length: 250 }, (_, index) => `Partner ${index}`);
    const calls: [number, number][] = [];
    importSpreadsheet(sheet(rows, 'Naam'), {
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
  });

  test('a phone number Excel took the 0 from gets it back, with a warning', () => {
    const result = importSpreadsheet(sheet(['Buurtteam;301234567'], 'Naam;Telefoon'));
    expect(partnersOf(result)[0]?.phone).toBe('0301234567');
    expect(result.ok && result.warnings.map(describeIssue)).toEqual([
      'Rij 2, kolom Telefoon: de 0 vooraan ontbrak (dat doet Excel soms); Balie maakte er 0301234567 van.',
    ]);
  });
});

describe('stable ids', () => {
  test('importing the same sheet twice gives the same ids', () => {
    const ids = () =>
      partnersOf(importSpreadsheet(sheet([ROW, 'Humanitas;;;;1234 AB']))).map(({ id }) => id);
    expect(ids()).toEqual(ids());
  });

  test('the id column is used when it is there, and kept through an export', () => {
    const text = sheet(
      ['Buurtteam;ac148810-d857-441c-9679-408f346de14b', 'Wijkteam;WT-7'],
      'Naam;id',
    );
    const [first, second] = partnersOf(importSpreadsheet(text));
    expect(first?.id).toBe('ac148810-d857-441c-9679-408f346de14b');
    const again = partnersOf(
      importSpreadsheet(exportSpreadsheet([first, second] as PartnerDetails[])),
    );
    expect(again.map(({ id }) => id)).toEqual([first?.id, second?.id]);
  });

  test('two rows with the same name and postcode are an error, not a silent merge', () => {
    const text = sheet(['Buurtteam;3512 AB', 'Buurtteam;3512ab'], 'Naam;Postcode');
    expect(errorsOf(importSpreadsheet(text))).toEqual([
      'Rij 3: dit is dezelfde partner als in rij 2 (zelfde id, of zelfde naam en postcode). Haal er één weg of geef ze elk een eigen id.',
    ]);
  });
});

describe('a malformed sheet gives errors and no partners', () => {
  test.each([
    [
      'a missing name',
      [';Alleen een omschrijving'],
      'Naam;Omschrijving',
      'Rij 2: de naam ontbreekt.',
    ],
    [
      'a web address that is none',
      ['Buurtteam;www'],
      'Naam;Website',
      "Rij 2, kolom Website: 'www' is geen geldig webadres.",
    ],
    [
      'an e-mail address',
      ['Buurtteam;info@'],
      'Naam;E-mail',
      "Rij 2, kolom E-mail: 'info@' is geen geldig e-mailadres.",
    ],
    [
      'a phone number',
      ['Buurtteam;bel ons'],
      'Naam;Telefoon',
      "Rij 2, kolom Telefoon: 'bel ons' is geen telefoonnummer.",
    ],
    [
      'a language',
      ['Buurtteam;Klingon'],
      'Naam;Talen',
      "Rij 2, kolom Talen: 'Klingon' is geen taal die Balie kent. Schrijf de naam (Engels) of de taalcode (en).",
    ],
    [
      'a date',
      ['Buurtteam;31-02-2025'],
      'Naam;Laatst gecontroleerd',
      "Rij 2, kolom Laatst gecontroleerd: '31-02-2025' is geen datum. Schrijf bijvoorbeeld 15-03-2025.",
    ],
    [
      'a separator in an unquoted cell',
      ['Buurtteam;ma-vr 09:00-17:00; za 10:00-12:00'],
      'Naam;Openingstijden',
      'Rij 2: deze rij heeft meer cellen dan er kolommen zijn. Staat er een ; in een cel zonder aanhalingstekens eromheen?',
    ],
    [
      'an unclosed quote',
      ['Buurtteam;"Hulp', 'Wijkteam;Ook hulp'],
      'Naam;Omschrijving',
      'Rij 2: een aanhalingsteken (") wordt niet gesloten, zodat de rijen erna niet te lezen zijn.',
    ],
    [
      'no Naam column (and no Organisatie to take its place)',
      ['Buurtteam'],
      'Omschrijving',
      'Rij 1: de kolom Naam ontbreekt. De eerste rij moet de kolomnamen hebben, zoals Naam; Omschrijving; Telefoon.',
    ],
    [
      'a name that is too long',
      [`${'x'.repeat(201)};Utrecht`],
      'Naam;Plaats',
      'Rij 2, kolom Naam: de naam is te lang (meer dan 200 tekens).',
    ],
    [
      'a column twice',
      ['Buurtteam;a;b'],
      'Naam;Telefoon;Tel',
      'Rij 1, kolom Tel: deze kolom staat er twee keer in. Haal er één weg.',
    ],
  ])('%s', (_name, rows, header, message) => {
    const good = 'Goede Partner';
    const result = importSpreadsheet(sheet([...rows, good], header));
    expect(result.ok).toBe(false);
    expect(errorsOf(result)).toContain(message);
  });

  test('a sheet with only its header is refused', () => {
    expect(errorsOf(importSpreadsheet(exportSpreadsheet([])))).toEqual([
      'Bestand: er staan geen partners in dit bestand.',
    ]);
  });

  test('every problem of a row is listed at once, so it can be fixed in one go', () => {
    const text = sheet(['Buurtteam;Klingon;bel ons;www'], 'Naam;Talen;Telefoon;Website');
    expect(errorsOf(importSpreadsheet(text))).toHaveLength(3);
  });
});

describe('problems are listed as the sheet reads, top to bottom', () => {
  test('a partner twice (row 3) before a wrong phone number further down (row 4)', () => {
    const result = importSpreadsheet(
      'Naam;Telefoon\nBuurtteam;020 123 4567\nBuurtteam;020 123 4567\nWijkteam;bel maar',
    );
    expect(!result.ok && result.errors.map(describeIssue)).toEqual([
      expect.stringMatching(/^Rij 3: dit is dezelfde partner als in rij 2/),
      expect.stringMatching(/^Rij 4, kolom Telefoon: /),
    ]);
  });

  test('a missing name column (row 1) before a quote left open in row 3', () => {
    const result = importSpreadsheet('Omschrijving;Telefoon\nHulp;020\n"open;1');
    expect(!result.ok && result.errors.map(describeIssue)).toEqual([
      expect.stringMatching(/^Rij 1: de kolom Naam ontbreekt/),
      expect.stringMatching(/^Rij 3: een aanhalingsteken/),
    ]);
  });
});

describe('markup and links', () => {
  test('markup stays plain text; a javascript: link is dropped with a warning', () => {
    const text = sheet(
      ['<script>alert(1)</script>;<img src=x onerror=alert(1)>;javascript:alert(document.cookie)'],
      'Naam;Omschrijving;Website',
    );
    const result = importSpreadsheet(text);
    const [partner] = partnersOf(result);
    expect(partner?.name).toBe('<script>alert(1)</script>');
    expect(partner?.description).toBe('<img src=x onerror=alert(1)>');
    expect(partner?.website).toBeUndefined();
    expect(result.ok && result.warnings.map(describeIssue)).toEqual([
      "Rij 2, kolom Website: 'javascript:alert(document.cookie)' is geen webadres en is weggelaten.",
    ]);
  });
});

describe('writing the sheet', () => {
  const partners = generatePartners(120, 6);

  test('semicolons, CRLF and a BOM, with the Dutch headers first', () => {
    const text = exportSpreadsheet([]);
    expect(text).toBe(
      '\uFEFFNaam;Organisatie;Omschrijving;Onderwerpen;Trefwoorden;Straat;Postcode;Plaats;Telefoon;E-mail;Website;Openingstijden;Inloopspreekuur;Talen;Doelgroepen;Laatst gecontroleerd;id\r\n',
    );
  });

  test('a round trip keeps every field, and never the local notes', () => {
    const text = exportSpreadsheet(partners);
    expect(text).not.toContain('Bellen werkt beter dan mailen');
    expect(partnersOf(importSpreadsheet(text))).toEqual(partners.map(detailsOf));
  });

  test.each([
    ['=HYPERLINK("http://evil.example","klik")', `"'=HYPERLINK(""http://evil.example"",""klik"")"`],
    ['+31 30 123 4567', `"'+31 30 123 4567"`],
    ['-2 treden bij de ingang', `"'-2 treden bij de ingang"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ["'s-Hertogenbosch", "'s-Hertogenbosch"],
    ['Gewoon = tekst', 'Gewoon = tekst'],
  ])('the cell %j is written as %s and read back whole', (value, written) => {
    const [base] = generatePartners(1, 8) as [Partner];
    const partner: PartnerDetails = { ...detailsOf(base), description: value };
    const text = exportSpreadsheet([partner]);
    const cells = readSheet(text.slice(1)).rows[0]?.cells ?? [];
    expect(text).toContain(`;${written};`);
    expect(cells[2]).toBe(value);
    expect(partnersOf(importSpreadsheet(text))[0]?.description).toBe(
      value.replace(/\r/g, '\n').trim(),
    );
  });

  test('a phone number starting with + is kept whole through a round trip', () => {
    const [base] = generatePartners(1, 8) as [Partner];
    const text = exportSpreadsheet([{ ...detailsOf(base), phone: '+31 30 123 4567' }]);
    expect(partnersOf(importSpreadsheet(text))[0]?.phone).toBe('+31 30 123 4567');
  });
});
