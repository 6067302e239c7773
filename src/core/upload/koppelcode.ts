// What a person types or pastes to link a device: a koppelcode (8 characters a manager made in
// Beheer) or a long code from the server's administrator, and what is wrong with a typo. Pure;
// the endpoint makes its koppelcodes from the same characters.

import { Token } from './enrolment';

/** What a koppelcode is made of: no look-alikes (no 0/O, 1/I/L). The endpoint makes them. */
export const KOPPELCODE_CHARACTERS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const KOPPELCODE = new RegExp(`^[${KOPPELCODE_CHARACTERS}]{8}$`);

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

/**
 * What is wrong with a typed koppelcode that `readCode` does not take, to say so: characters
 * a koppelcode never has (0, 1, I, L, O look alike, and others), or a length other than 8.
 */
export function koppelcodeMistake(
  input: string,
): { kind: 'characters'; characters: string[] } | { kind: 'length'; length: number } {
  const short = input.replace(/[\s-]+/g, '').toUpperCase();
  const wrong = [
    ...new Set([...short].filter((character) => !KOPPELCODE_CHARACTERS.includes(character))),
  ];
  return wrong.length > 0
    ? { kind: 'characters', characters: wrong }
    : { kind: 'length', length: short.length };
}
