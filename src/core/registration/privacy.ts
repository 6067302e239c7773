// The privacy guard for free text: finds what could identify a visitor. Pure. Text is normalised before it is searched, so
// look-alikes (a full-width ＠, a zero-width space inside a BSN) are found too. Numbers are
// checked with their own checksums (11-proef, IBAN mod 97), so near misses such as order
// numbers and public service lines are allowed.

import { normaliseForGuard } from './guard-text';

export type IdentifyingKind = 'bsn' | 'phone' | 'email' | 'iban' | 'address';

export interface Finding {
  readonly kind: IdentifyingKind;
  readonly text: string;
}

export const NOTE_MAX_LENGTH = 200;

const EMAIL = /[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[\p{L}]{2,}/gu;
/** Nine digits, optionally grouped by spaces, dots or dashes, not part of a longer number. */
const NINE_DIGITS = /(?<![\d+])(?:\d[ .-]?){8}\d(?![\d])/g;
const PHONE =
  /(?<![\d])(?:(?:\+|00)[ ]?31[ .-]?(?:\(0\)[ ]?)?|0)(?:[ .-]?\d){9}(?![\d])|(?<![\w])\+(?!31)\d{1,3}(?:[ .-]?\d){7,12}(?![\d])/g;
/** Where an IBAN may start: country code and check digits at the start of a word. */
const IBAN_START = /\b[A-Z]{2}\d{2}/gi;
/** An IBAN-shaped word without spaces; its digits are not read as a phone number or BSN. */
const IBAN_WORD = /\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b/gi;
const POSTCODE = /\b[1-9]\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}\b/gi;
/**
 * Short Dutch words that follow a year or a number in a note ("aangifte 2023 en 2024",
 * "12-03-2024 om 14 uur"): typed in lower case they are words, not postcode letters.
 */
const SHORT_WORDS = new Set('al de en er ik in is ja je na nu of om op te uw we ze zo'.split(' '));
/** A house number: digits, maybe a letter or addition, near a postcode. */
const HOUSE_NUMBER = /(?<![\d-])\d{1,5}(?:[ -]?[a-z]{1,2}\b)?(?![\d-])/i;

/** Lines the public can call; not personal, so a note may mention them. */
const PUBLIC_PREFIXES = ['0800', '0900', '0906', '0909', '088', '085', '091', '14'];

export function findIdentifyingData(input: string): Finding[] {
  const text = normaliseForGuard(input);
  const findings: Finding[] = [];
  for (const match of text.matchAll(EMAIL)) findings.push({ kind: 'email', text: match[0] });
  let withoutIbans = text;
  for (const iban of findIbans(text)) {
    findings.push({ kind: 'iban', text: iban });
    withoutIbans = withoutIbans.replace(iban, ' ');
  }
  withoutIbans = withoutIbans.replace(IBAN_WORD, ' ');
  for (const match of withoutIbans.matchAll(NINE_DIGITS)) {
    if (isValidBsn(match[0])) findings.push({ kind: 'bsn', text: match[0] });
  }
  for (const match of withoutIbans.matchAll(PHONE)) {
    if (isPersonalPhone(match[0])) findings.push({ kind: 'phone', text: match[0] });
  }
  for (const match of text.matchAll(POSTCODE)) {
    if (SHORT_WORDS.has(match[0].slice(-2))) continue;
    if (hasHouseNumberNear(text, match.index, match[0].length)) {
      findings.push({ kind: 'address', text: match[0] });
    }
  }
  return findings;
}

/** The Dutch 11-proef for a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11. */
export function isValidBsn(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length !== 9 || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/**
 * The valid IBANs in a text, written with or without spaces. One greedy pattern would run on
 * into the next words ("NL91 ABNA 0417 1643 00 graag") or start at a look-alike ("ab12 NL91…"),
 * fail the checksum and hide the IBAN and whatever it swallowed, so each start is tried with
 * every length an IBAN can have (15–34 characters), longest first.
 */
function findIbans(text: string): string[] {
  const found: string[] = [];
  let from = 0;
  for (const start of text.matchAll(IBAN_START)) {
    if (start.index < from) continue;
    const ends: number[] = [];
    let count = 0;
    for (let i = start.index; i < text.length && count < 34; i++) {
      const char = text[i] ?? '';
      if (isAlphanumeric(char)) {
        count++;
        if (count >= 15 && !isAlphanumeric(text[i + 1] ?? '')) ends.push(i + 1);
      } else if (char !== ' ' || !isAlphanumeric(text[i + 1] ?? '')) {
        break;
      }
    }
    const end = ends.reverse().find((candidate) => isValidIban(text.slice(start.index, candidate)));
    if (end !== undefined) {
      found.push(text.slice(start.index, end));
      from = end;
    }
  }
  return found;
}

function isAlphanumeric(char: string): boolean {
  return /^[A-Z0-9]$/i.test(char);
}

/** ISO 13616: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(candidate: string): boolean {
  const iban = candidate.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function isPersonalPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  const national = digits.startsWith('0031')
    ? `0${digits.slice(4)}`
    : digits.startsWith('31') && candidate.trim().startsWith('+')
      ? `0${digits.slice(2)}`
      : digits;
  if (!national.startsWith('0')) return true; // a foreign number is always personal enough
  return !PUBLIC_PREFIXES.some((prefix) => national.startsWith(prefix));
}

function hasHouseNumberNear(text: string, index: number, length: number): boolean {
  const after = text.slice(index + length, index + length + 12);
  const before = text.slice(Math.max(0, index - 12), index);
  return (
    /^[ ,]*(?:nr\.?|nummer)?[ ]*\d/i.test(after) ||
    (HOUSE_NUMBER.test(before) && /\d[a-z]?[ ,]*$/i.test(before))
  );
}
