// What a person types or pastes to link a device: a koppelcode (8 characters a manager made in
// Beheer) or a long code from the server's administrator, and what is wrong with a typo. Pure;
// the endpoint makes its koppelcodes from the same characters.

import { Token } from './enrolment';

/** What a koppelcode is made of: no look-alikes (no 0/O, 1/I/L). The endpoint makes them. */
export const KOPPELCODE_CHARACTERS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const KOPPELCODE_LENGTH = 8;
const KOPPELCODE = new RegExp(`^[${KOPPELCODE_CHARACTERS}]{${KOPPELCODE_LENGTH}}$`);
/** Longer than this, what was typed is no koppelcode with a typo but something else pasted. */
const TYPO_LENGTH = 12;

/**
 * Reads what a person typed in the code field: a koppelcode (8 characters; case, spaces and
 * dashes ignored), or a long code pasted there, or nothing usable.
 */
export function readCode(
  input: string,
): { kind: 'koppelcode'; code: string } | { kind: 'token'; token: string } | null {
  const trimmed = input.trim();
  const short = trimmed.replace(/[\s-]+/g, '').toUpperCase();
  if (KOPPELCODE.test(short)) return { kind: 'koppelcode', code: short };
  const long = Token.safeParse(trimmed);
  return long.success && !/\s/.test(long.data) ? { kind: 'token', token: long.data } : null;
}

export type KoppelcodeMistake =
  | { readonly kind: 'empty' }
  /** Characters a koppelcode never has (0, 1, I, L and O look alike; and any others). */
  | { readonly kind: 'characters'; readonly characters: readonly string[] }
  | { readonly kind: 'length'; readonly length: number }
  /** Too long for a koppelcode with a typo, and no long code either. */
  | { readonly kind: 'not-a-code' };

/** What is wrong with what was typed when `readCode` does not take it, to say so. */
export function koppelcodeMistake(input: string): KoppelcodeMistake {
  const short = input.replace(/[\s-]+/g, '').toUpperCase();
  if (short === '') return { kind: 'empty' };
  if (short.length > TYPO_LENGTH) return { kind: 'not-a-code' };
  const wrong = [
    ...new Set([...short].filter((character) => !KOPPELCODE_CHARACTERS.includes(character))),
  ];
  return wrong.length > 0
    ? { kind: 'characters', characters: wrong }
    : { kind: 'length', length: short.length };
}
