import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { cleanText, foldText } from '../../../src/core/partners/cleaning';
import {
  checkWebsite,
  isPhoneNumber,
  normalizePostcode,
} from '../../../src/core/partners/contact-values';
import { deriveUuid, partnerIdFor, uuidFrom } from '../../../src/core/partners/ids';
import {
  finishImport,
  MAX_ERRORS,
  mergeImported,
  planImport,
} from '../../../src/core/partners/import';
import type { ImportIssue } from '../../../src/core/partners/issues';
import { findLanguage, readLanguage } from '../../../src/core/partners/languages';
import type { Partner, PartnerDetails } from '../../../src/core/partners/partner';
import {
  checkDetails,
  emptyPartner,
  markOutdated,
  needsCheck,
} from '../../../src/core/partners/partner-check';
import { describeDetail, describeIssue } from '../../../src/ui/partners/issue-text';
import { generatePartners } from '../../support/partners';

const ID = 'ac148810-d857-441c-9679-408f346de14b';

function detailsOf(partner: Partner): PartnerDetails {
  const { local: _local, ...details } = partner;
  return details;
}

describe('ids', () => {
  test('a derived id is a valid UUID (version 8) and the same every time', () => {
    const id = deriveUuid('partner', 'humanitas', '3512ab');
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe('8');
    expect(deriveUuid('partner', 'humanitas', '3512ab')).toBe(id);
    expect(deriveUuid('partner', 'humanitas', '3512ac')).not.toBe(id);
    // The separator keeps ("ab", "c") and ("a", "bc") apart.
    expect(deriveUuid('ab', 'c')).not.toBe(deriveUuid('a', 'bc'));
  });

  test('a partner without an id is known by its name and postcode, however they are typed', () => {
    const id = partnerIdFor('Café De Hoek', '3512 AB');
    expect(partnerIdFor('cafe  de hoek', '3512ab')).toBe(id);
    expect(partnerIdFor('CAFÉ DE HOEK', ' 3512 ab ')).toBe(id);
    expect(partnerIdFor('Café De Hoek', '3512 AC')).not.toBe(id);
  });

  test('ids from a source are kept when they are UUIDs, and made into one otherwise', () => {
    expect(uuidFrom('hsds', ID.toUpperCase())).toBe(ID);
    expect(uuidFrom('hsds', 'svc-1')).toBe(uuidFrom('hsds', 'svc-1'));
    expect(z.uuid().safeParse(uuidFrom('hsds', 'svc-1')).success).toBe(true);
  });

  test('thousands of generated names give no two equal ids', () => {
    const ids = new Set(
      Array.from({ length: 20_000 }, (_, index) => partnerIdFor(`Partner ${index}`, '')),
    );
    expect(ids.size).toBe(20_000);
  });
});

describe('text from outside', () => {
  test.each([
    ['www.humanitas.nl', { kind: 'ok', url: 'https://www.humanitas.nl' }],
    ['humanitas.nl/utrecht?x=1', { kind: 'ok', url: 'https://humanitas.nl/utrecht?x=1' }],
    ['https://www.juridischloket.nl/', { kind: 'ok', url: 'https://www.juridischloket.nl/' }],
    ['HTTP://Example.NL', { kind: 'ok', url: 'HTTP://Example.NL' }],
    ['www.site.nl:8080/pad', { kind: 'ok', url: 'https://www.site.nl:8080/pad' }],
    ['javascript:alert(1)', { kind: 'unsafe' }],
    [' JaVaScRiPt:alert(document.cookie)', { kind: 'unsafe' }],
    ['data:text/html,<script>alert(1)</script>', { kind: 'unsafe' }],
    ['vbscript:msgbox(1)', { kind: 'unsafe' }],
    ['mailto:info@humanitas.nl', { kind: 'unsafe' }],
    ['java\u0000script:alert(1)', { kind: 'unsafe' }],
    ['&#106;avascript:alert(1)', { kind: 'invalid' }],
    ['www', { kind: 'invalid' }],
    ['https://bank.nl@evil.example', { kind: 'invalid' }],
    ['http://localhost/', { kind: 'invalid' }],
    ['zie website', { kind: 'invalid' }],
    ['   ', { kind: 'empty' }],
  ])('website %j', (text, expected) => {
    expect(checkWebsite(text)).toEqual(expected);
  });

  test('text keeps markup as characters and loses control and direction characters', () => {
    expect(cleanText('  <script>alert(1)</script>  ')).toBe('<script>alert(1)</script>');
    expect(cleanText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(cleanText('Bel\u202Egnol\u0007 ons')).toBe('Belgnol ons');
    expect(cleanText('regel 1\r\nregel 2', true)).toBe('regel 1\nregel 2');
    expect(cleanText('regel 1\r\nregel 2')).toBe('regel 1 regel 2');
  });

  test.each([
    ['3512ab', '3512 AB'],
    ['3512  AB', '3512 AB'],
    ['B-1000', 'B-1000'],
  ])('postcode %j is %j', (text, postcode) => {
    expect(normalizePostcode(text)).toBe(postcode);
  });

  test.each([
    ['030 123 45 67', true],
    ['+31 30 1234567', true],
    ['(030) 123-4567', true],
    ['14 030', true],
    ['0800-0123', true],
    ['bel ons', false],
    ['12', false],
    ['=1+2', false],
  ])('phone %j is a phone number: %s', (text, valid) => {
    expect(isPhoneNumber(text)).toBe(valid);
  });

  test('folding ignores case and accents', () => {
    expect(foldText('Oekraïens Café ĲSSEL')).toBe('oekraiens cafe ijssel');
  });

  test.each([
    ['Engels', { code: 'en', name: 'Engels' }],
    ['english', { code: 'en', name: 'Engels' }],
    ['Oekraiens', { code: 'uk', name: 'Oekraïens' }],
    ['Farsi', { code: 'fa', name: 'Perzisch' }],
    ['NGT', { code: 'dse', name: 'Nederlandse Gebarentaal' }],
    ['tl', { code: 'tl', name: 'tl' }],
    ['Klingon', undefined],
  ])('language %j', (text, language) => {
    expect(readLanguage(text)).toEqual(language);
  });

  test('a language is found by its code', () => {
    expect(findLanguage('ar')?.name).toBe('Arabisch');
  });
});

describe('checkDetails', () => {
  test('accepts every generated partner', () => {
    for (const partner of generatePartners(100, 3)) {
      expect(checkDetails(detailsOf(partner))).toEqual({ ok: true, details: detailsOf(partner) });
    }
  });

  test('names each problem as a code at its field, which the interface phrases', () => {
    const result = checkDetails({
      ...detailsOf(emptyPartner(ID, '')),
      email: 'geen mail',
      website: 'javascript:alert(1)',
      topics: ['Niet Goed'],
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'name', problem: { code: 'missing' } },
        { field: 'topics', problem: { code: 'invalid' } },
        { field: 'email', problem: { code: 'invalid' } },
        { field: 'website', problem: { code: 'invalid' } },
      ],
    });
    expect(
      !result.ok &&
        result.problems.map(({ field, problem }) =>
          describeDetail({ code: 'value', field, problem }),
        ),
    ).toEqual([
      'De naam ontbreekt.',
      'Deze waarde klopt niet.',
      'Dit e-mailadres klopt niet.',
      'Dit webadres klopt niet.',
    ]);
  });

  test('an address part and a length are named by their field', () => {
    const result = checkDetails({
      ...detailsOf(emptyPartner(ID, 'X')),
      address: { street: 'x'.repeat(201), postcode: '', city: '' },
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ field: 'street', problem: { code: 'too-long', max: 200 } }],
    });
  });

  test('refuses fields it does not know, such as a field for markup', () => {
    const result = checkDetails({ ...detailsOf(emptyPartner(ID, 'X')), html: '<b>x</b>' });
    expect(result.ok).toBe(false);
  });
});

describe('local notes and the outdated flag', () => {
  const stored: Partner = {
    ...emptyPartner(ID, 'Buurtteam'),
    lastVerified: '2024-05-01',
    local: { notes: 'Vraag naar Ans', outdated: true, outdatedOn: '2025-01-10' },
  };

  test('a re-import keeps the notes and the flag', () => {
    const merged = mergeImported(stored, { ...detailsOf(stored), name: 'Buurtteam Oost' });
    expect(merged.name).toBe('Buurtteam Oost');
    expect(merged.local).toEqual(stored.local);
  });

  test('a re-import checked after the flag was set lifts the flag, and keeps the notes', () => {
    const merged = mergeImported(stored, { ...detailsOf(stored), lastVerified: '2025-02-01' });
    expect(merged.local).toEqual({ notes: 'Vraag naar Ans', outdated: false });
  });

  test('a new partner starts without notes', () => {
    expect(mergeImported(undefined, detailsOf(stored)).local).toEqual({
      notes: '',
      outdated: false,
    });
  });

  test('planImport counts what is new, changed and the same', () => {
    const [first, second, third] = generatePartners(3, 11) as [Partner, Partner, Partner];
    const plan = planImport(
      [first, second],
      [detailsOf(first), { ...detailsOf(second), phone: '030 000 00 00' }, detailsOf(third)],
    );
    expect(plan).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(plan.put.map((partner) => partner.id)).toEqual([second.id, third.id]);
    expect(plan.put[0]?.local).toEqual(second.local);
  });

  test('markOutdated sets and clears the flag with the day', () => {
    const flagged = markOutdated(emptyPartner(ID, 'X'), true, '2025-03-03');
    expect(flagged.local).toEqual({ notes: '', outdated: true, outdatedOn: '2025-03-03' });
    expect(markOutdated(flagged, false, '2025-03-04').local).toEqual({
      notes: '',
      outdated: false,
    });
  });

  test.each([
    ['never checked', undefined, false, true],
    ['checked recently', '2025-01-01', false, false],
    ['checked long ago', '2023-01-01', false, true],
    ['flagged', '2025-01-01', true, true],
  ])('needsCheck: %s', (_name, lastVerified, outdated, expected) => {
    const partner: Partner = {
      ...emptyPartner(ID, 'X'),
      ...(lastVerified === undefined ? {} : { lastVerified }),
      local: { notes: '', outdated },
    };
    expect(needsCheck(partner, '2025-03-03')).toBe(expected);
  });
});

describe('finishImport', () => {
  const partner = detailsOf(emptyPartner(ID, 'X'));

  test('the same partner twice is an error, and no partner is returned', () => {
    const result = finishImport(
      [
        { details: partner, place: { kind: 'row', row: 3 } },
        { details: partner, place: { kind: 'row', row: 7 } },
      ],
      [],
      [],
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map(describeIssue)).toEqual([
      'Rij 7: dit is dezelfde partner als in rij 3 (zelfde id, of zelfde naam en postcode). Haal er één weg of geef ze elk een eigen id.',
    ]);
  });

  test('an empty file is an error', () => {
    expect(finishImport([], [], [])).toEqual({
      ok: false,
      errors: [{ code: 'no-partners', place: { kind: 'file' } }],
    });
  });

  test('very many errors are cut short with a count', () => {
    const errors = Array.from({ length: MAX_ERRORS + 5 }, (_, index) => ({
      code: 'value' as const,
      field: 'name' as const,
      problem: { code: 'missing' as const },
      place: { kind: 'row' as const, row: index + 2 },
    }));
    const result = finishImport([], errors, []);
    expect(!result.ok && result.errors.length).toBe(MAX_ERRORS + 1);
    const last = result.ok ? undefined : result.errors.at(-1);
    expect(last).toEqual({ code: 'more-errors', count: 5, place: { kind: 'file' } });
    expect(last && describeDetail(last)).toBe(
      'En nog 5 fouten. Verbeter eerst deze en probeer het opnieuw.',
    );
  });

  test.each<[ImportIssue, string]>([
    [
      {
        code: 'value',
        field: 'name',
        problem: { code: 'missing' },
        place: { kind: 'row', row: 4 },
      },
      'Rij 4: de naam ontbreekt.',
    ],
    [
      {
        code: 'value',
        field: 'website',
        problem: { code: 'invalid', value: 'www' },
        place: { kind: 'row', row: 7 },
      },
      "Rij 7, kolom Website: 'www' is geen geldig webadres.",
    ],
    [
      { code: 'json-invalid', place: { kind: 'file' } },
      'Bestand: dit bestand is geen geldige JSON. Kies een HSDS-bestand dat eindigt op .json.',
    ],
    [
      {
        code: 'duplicate-partner',
        place: { kind: 'table-row', file: 'services.csv', row: 4, name: 'Buurtteam' },
        firstPlace: { kind: 'record', record: 'service', number: 2 },
      },
      'services.csv, rij 4 (Buurtteam): dit is dezelfde partner als in dienst 2 (zelfde id, of zelfde naam en postcode). Haal er één weg of geef ze elk een eigen id.',
    ],
    [
      // The name keeps its capital.
      { code: 'unknown-files', place: { kind: 'file' } },
      expect.stringMatching(/^Bestand: Balie kan dit soort bestand niet lezen\. Kies één /),
    ],
    [
      { code: 'column-unknown', header: 'Fax', place: { kind: 'row', row: 1 } },
      'Rij 1, kolom Fax: deze kolom kent Balie niet; hij is niet ingelezen.',
    ],
  ])('describeIssue %#', (issue, text) => {
    expect(describeIssue(issue)).toEqual(text);
  });
});
