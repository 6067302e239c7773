// The privacy guard: what identifies a visitor is found, near misses are let through.

import { describe, expect, test } from 'vitest';
import { UNSAFE_CHARACTERS_MESSAGE } from '../../../server/reasons';
import { normaliseForGuard } from '../../../src/core/registration/guard-text';
import {
  findIdentifyingData,
  type IdentifyingKind,
  isValidBsn,
  isValidIban,
  NOTE_MAX_LENGTH,
} from '../../../src/core/registration/privacy';
import { findUnsafeCharacters } from '../../../src/core/registration/unsafe-characters';

const kinds = (text: string): IdentifyingKind[] =>
  findIdentifyingData(text).map((finding) => finding.kind);

/** Completes eight digits to a nine-digit number that passes the 11-proef, if one exists. */
function withCheckDigit(eight: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(eight[i]) * (9 - i);
  const check = sum % 11;
  return check <= 9 ? `${eight}${check}` : undefined;
}

/** Deterministic valid BSNs (a tiny LCG, so a failure can be replayed). */
function validBsns(count: number): string[] {
  const found: string[] = [];
  let seed = 20_240_401;
  while (found.length < count) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const eight = String(10_000_000 + (seed % 90_000_000));
    const bsn = withCheckDigit(eight);
    if (bsn) found.push(bsn);
  }
  return found;
}

/** The same digits, with the last one changed so the 11-proef fails. */
function brokenBsn(bsn: string): string {
  const last = Number(bsn[8]);
  return `${bsn.slice(0, 8)}${(last + 1) % 10}`;
}

describe('BSN (11-proef)', () => {
  test('the check digit helper agrees with isValidBsn', () => {
    expect(withCheckDigit('12345678')).toBe('123456782');
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456783')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('1234567820')).toBe(false);
  });

  test.each(validBsns(25))('valid BSN %s is refused in text, bare and grouped', (bsn) => {
    expect(kinds(`bsn ${bsn} bij vraag`)).toEqual(['bsn']);
    const dotted = `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`;
    expect(kinds(`nummer ${dotted}.`)).toEqual(['bsn']);
    const spaced = `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}`;
    expect(kinds(`(${spaced})`)).toEqual(['bsn']);
  });

  test.each(validBsns(25).map(brokenBsn))(
    'nine digits failing the 11-proef (%s) are allowed',
    (n) => {
      expect(isValidBsn(n)).toBe(false);
      expect(kinds(`bestelnummer ${n}`)).toEqual([]);
    },
  );

  test.each([
    ['1234.56.782', '1234.56.782'],
    ['123 456 782', '123 456 782'],
    ['123-456-782', '123-456-782'],
    ['BSN:123456782', '123456782'],
  ])('format %s is found', (text, found) => {
    expect(findIdentifyingData(text)).toEqual([{ kind: 'bsn', text: found }]);
  });

  test('a valid BSN inside a longer number is not a BSN', () => {
    expect(kinds('ordernummer 91234567820')).toEqual([]);
    expect(kinds('referentie 1123456782')).toEqual([]);
  });
});

describe('near misses are allowed', () => {
  test.each([
    'Afspraak op 12-03-2024 bij de gemeente',
    'Afspraak op 12-03-2024 om 14 uur bij de gemeente',
    'Aangifte 2023 en 2024 samen ingevuld',
    'In 2024 op 3 mei een brief gekregen',
    'Toeslag van € 1.234,56 terugbetalen',
    'Bedrag 1.234.567,89 euro',
    'Bestelnummer 987654321', // fails the 11-proef
    'Gebeld met 0800-1234 (gratis)',
    'Belastingtelefoon 0800 0543',
    'UWV: 088 898 2070',
    'Gemeente via 14 020 gebeld',
    'Gemeente: 14020',
    'Postcode 1234 AB in de regio',
    'Woont in 1234AB',
    'Klant had 2 vragen over DigiD',
    'Zie ticket AB12 voor de vorige keer',
    'Een ongeldig rekeningnummer NL91ABNA0417164301',
  ])('%s', (text) => {
    expect(findIdentifyingData(text)).toEqual([]);
  });
});

describe('phone numbers', () => {
  test.each([
    '06-12345678',
    '06 1234 5678',
    '0612345678',
    '06.12.34.56.78',
    '+31 6 12345678',
    '+31612345678',
    '+31 (0)6 12345678',
    '0031 6 1234 5678',
    '0031612345678',
    '020-1234567',
    '010 123 45 67',
    '0317-123456',
    '+31 20 123 4567',
    '+32 470 12 34 56',
  ])('%s is refused as a phone number', (number) => {
    expect(kinds(`bel terug op ${number} graag`)).toContain('phone');
  });

  test.each(['0800 1234567', '0900-1234567', '088 123 4567', '085 123 4567', '+31 88 123 4567'])(
    'public line %s is allowed',
    (number) => {
      expect(kinds(`gebeld met ${number}`)).toEqual([]);
    },
  );

  test('a number with too few digits is not a phone number', () => {
    expect(kinds('kamer 06-1234567')).toEqual([]);
  });
});

describe('e-mail', () => {
  test.each(['jan.de.vries@example.com', 'j.jansen+ido@gemeente.nl', 'ÉMILE@bibliotheek.nl'])(
    '%s is refused',
    (address) => {
      expect(kinds(`mail naar ${address} gestuurd`)).toEqual(['email']);
    },
  );

  test('an @ without a domain is fine', () => {
    expect(kinds('vraag @ balie, @gemeente')).toEqual([]);
  });
});

describe('IBAN (mod 97)', () => {
  test('valid and invalid checksums', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('nl91abna0417164300')).toBe(true);
    expect(isValidIban('BE68539007547034')).toBe(true);
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
    expect(isValidIban('NL92ABNA0417164300')).toBe(false);
    expect(isValidIban('NL91ABNA')).toBe(false);
  });

  test.each([
    'NL91ABNA0417164300',
    'NL91 ABNA 0417 1643 00',
    'rekening NL91ABNA0417164300.',
    'IBAN NL91ABNA0417164300 graag terugstorten',
    'NL91 ABNA 0417 1643 00 is het nummer',
    'zie ab12 NL91ABNA0417164300',
    'Belgisch: BE68 5390 0754 7034 naar ons',
  ])('%s is refused as an IBAN', (text) => {
    expect(kinds(text)).toEqual(['iban']);
  });

  test('an invalid checksum is not an IBAN', () => {
    expect(kinds('NL91ABNA0417164301')).not.toContain('iban');
    expect(kinds('NL91 ABNA 0417 1643 01')).not.toContain('iban');
  });

  test('an IBAN look-alike does not hide a BSN or phone number after it', () => {
    expect(kinds('ticket AB12 bsn 123456782')).toEqual(['bsn']);
    expect(kinds('ticket AB12 tel 06 1234 5678')).toEqual(['phone']);
    expect(kinds('NL91ABNA0417164300 en bsn 123456782')).toEqual(['iban', 'bsn']);
  });

  test('the account digits of a valid IBAN are not also reported as a phone number', () => {
    expect(kinds('NL91ABNA0417164300')).toEqual(['iban']);
  });
});

describe('postcode with house number', () => {
  test.each([
    '1234 AB 12',
    '1234AB 12',
    '1234 AB, 12a',
    '1234 ab nr. 7',
    '1234 AB nummer 3',
    'Dorpsstraat 5, 1234AB',
    'Dorpsstraat 5 1234 AB Teststad',
    'Kerkweg 12b, 1234 AB',
    '2023 EN 12', // upper-case letters are postcode letters, even when they spell a word
  ])('%s is refused as an address', (text) => {
    expect(kinds(text)).toEqual(['address']);
  });

  test.each([
    '1234 AB',
    'postcode 1234 AB Teststad',
    '1234 SA 12', // SA, SD and SS are never used in postcodes
    '0123 AB 12', // a postcode never starts with 0
  ])('%s is allowed', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('several findings and limits', () => {
  test('each finding is reported with its kind and text', () => {
    expect(findIdentifyingData('bsn 123456782, mail a@b.nl, tel 06-12345678')).toEqual([
      { kind: 'email', text: 'a@b.nl' },
      { kind: 'bsn', text: '123456782' },
      { kind: 'phone', text: '06-12345678' },
    ]);
  });

  test('plain text has no findings', () => {
    expect(findIdentifyingData('')).toEqual([]);
    expect(findIdentifyingData('Geholpen met DigiD-app, volgende week terug.')).toEqual([]);
  });

  test('a note may hold 200 characters', () => {
    expect(NOTE_MAX_LENGTH).toBe(200);
  });
});

describe('finding 9: look-alikes and hidden characters do not get past the guard', () => {
  const ZWSP = '\u200B';
  const SOFT_HYPHEN = '\u00AD';
  const NBSP = '\u00A0';

  test.each([
    // [what, text, kind]
    ['a zero-width space inside a BSN', `bsn 1234${ZWSP}56782`, 'bsn'],
    ['zero-width joiners between every digit', `bsn ${[...'123456782'].join('\u200D')}`, 'bsn'],
    ['a word joiner inside a BSN', 'bsn 12345\u20606782', 'bsn'],
    ['full-width digits', 'bsn １２３４５６７８２', 'bsn'],
    ['a BSN split over two lines', 'bsn 123\n456\n782', 'bsn'],
    ['a full-width ＠', 'mail jan＠example.nl', 'email'],
    ['a small ﹫', 'mail jan﹫example.nl', 'email'],
    ['(at)', 'mail jan(at)example.nl', 'email'],
    ['[at] with spaces', 'mail jan [at] example.nl', 'email'],
    ['{at} and (dot)', 'mail jan{at}example(dot)nl', 'email'],
    ['[apenstaartje] and [punt]', 'mail jan[apenstaartje]example[punt]nl', 'email'],
    ['a spaced "at" before a domain', 'mail j.jansen at example.nl', 'email'],
    ['"at" and "dot" spelled out', 'mail jan at example dot nl', 'email'],
    ['"apenstaartje" spelled out', 'mail jan apenstaartje example.nl', 'email'],
    ['a soft hyphen in a phone number', `bel 06${SOFT_HYPHEN}12345678`, 'phone'],
    ['soft hyphens between the groups', `bel 06${SOFT_HYPHEN}-${SOFT_HYPHEN}1234 5678`, 'phone'],
    ['a non-breaking hyphen in a phone number', 'bel 06\u201112345678', 'phone'],
    ['an en dash in a phone number', 'bel 020\u20131234567', 'phone'],
    ['no-break spaces in a phone number', `bel 06${NBSP}1234${NBSP}5678`, 'phone'],
    ['a no-break space in a postcode', `1234${NBSP}AB 12`, 'address'],
    ['a narrow no-break space in a postcode', '1234\u202FAB 12', 'address'],
    ['a zero-width space in a postcode', `1234${ZWSP}AB 12`, 'address'],
    ['full-width letters in an IBAN', 'ＮＬ91ABNA0417164300', 'iban'],
    ['a zero-width space in an IBAN', `NL91${ZWSP}ABNA0417164300`, 'iban'],
  ])('%s is found', (_what, text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  test.each([
    ['an English "at" in a sentence', 'Bezoeker werkt at home en belt later terug'],
    ['"at" as a word', 'Vraag over wat "at" betekent op de site'],
    ['"at" before words that are no domain', 'Uitleg gegeven at the desk, daarna op digid.nl'],
    ['brackets around other words', 'Formulier (aanvraag) en brief [kopie] meegegeven'],
    ['full-width text without data', 'Ｄｉｇｉｄ ａｐｐ geïnstalleerd'],
    ['an emoji with a zero-width joiner', 'Samen 👩‍💻 de app ingesteld'],
    ['a soft hyphen in a long word', `belasting${SOFT_HYPHEN}aangifte samen gedaan`],
    ['no-break spaces in an amount', `Toeslag van €${NBSP}1.234,56 terugbetalen`],
    ['a postcode with a no-break space but no house number', `Woont in 1234${NBSP}AB`],
    ['a public line with a soft hyphen', `Gebeld met 0800${SOFT_HYPHEN}1234`],
    ['nine digits failing the 11-proef, with a zero-width space', `Bestelnummer 98765${ZWSP}4321`],
  ])('%s passes', (_what, text) => {
    expect(findIdentifyingData(text)).toEqual([]);
  });

  test('plain text reads the same after normalising, so findings quote it as typed', () => {
    expect(normaliseForGuard('Geholpen met DigiD-app, bsn 123456782.')).toBe(
      'Geholpen met DigiD-app, bsn 123456782.',
    );
    expect(findIdentifyingData('mail jan(at)example.nl')).toEqual([
      { kind: 'email', text: 'jan@example.nl' },
    ]);
  });
});

describe('finding 9: control and reading-order characters in free text', () => {
  test.each([
    ['NUL', 'notitie\u0000verborgen', 'control', 'U+0000'],
    ['escape', 'kleur \u001b[31mrood', 'control', 'U+001B'],
    ['DEL', 'weg\u007f', 'control', 'U+007F'],
    ['a C1 control', 'tekst\u0085', 'control', 'U+0085'],
    ['right-to-left override', 'factuur\u202Efdp.exe', 'bidi', 'U+202E'],
    ['left-to-right embedding', '\u202Atekst', 'bidi', 'U+202A'],
    ['right-to-left isolate', 'a\u2067b\u2069', 'bidi', 'U+2067'],
    ['right-to-left mark', 'a\u200Fb', 'bidi', 'U+200F'],
  ])('%s is found', (_what, text, kind, code) => {
    expect(findUnsafeCharacters(text)[0]).toMatchObject({ kind, code });
  });

  test.each([
    'Gewone notitie.',
    'Twee regels\nen een tab\tmag.',
    'Windows-regels\r\nook.',
    'Emoji 👩‍💻 en accenten: één, café.',
    'Arabisch: مرحبا',
  ])('%j has none', (text) => {
    expect(findUnsafeCharacters(text)).toEqual([]);
  });

  test('the message is one plain Dutch sentence or two', () => {
    expect(UNSAFE_CHARACTERS_MESSAGE).toMatch(/^De tekst bevat onzichtbare tekens/);
  });
});
