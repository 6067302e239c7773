// Manager passwords and other secrets: scrypt hashes (Node's own, N=2^15, r=8, p=1), random
// tokens, session ids and koppelcodes. Nothing here is ever logged or stored in the clear.

import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { KOPPELCODE_CHARACTERS, KOPPELCODE_LENGTH } from '../src/core/upload/koppelcode';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
// 128 × N × r bytes = 32 MiB: above Node's default maxmem, so it is raised.
const MAX_MEM = 64 * 1024 * 1024;

export const PASSWORD_MIN_LENGTH = 12;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** A stored hash for unknown names, so a wrong name costs as long as a wrong password. */
const DUMMY = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`;

/** Compares in constant time; `stored` undefined (no such manager) still does the work. */
export async function verifyPassword(password: string, stored: string | undefined) {
  const [scheme, n, r, p, salt, hash] = (stored ?? DUMMY).split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    Number(n),
    Number(r),
    Number(p),
  );
  return key.length === expected.length && timingSafeEqual(key, expected) && stored !== undefined;
}

/** A generated password: 20 characters from an alphabet without look-alikes (~118 bits). */
export function generatePassword(): string {
  return Array.from(
    { length: 20 },
    () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)],
  ).join('');
}
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A bearer token or session id: 256 random bits. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A koppelcode as shown: `7KQM-4P2X` (8 characters and one dash: 9 of the allowed 10). */
export function generateKoppelcode(): string {
  const chars = Array.from(
    { length: KOPPELCODE_LENGTH },
    () => KOPPELCODE_CHARACTERS[randomInt(KOPPELCODE_CHARACTERS.length)],
  );
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** What a person typed or a link carried: case, spaces and dashes do not count. */
export function normaliseKoppelcode(text: string): string {
  return text.toUpperCase().replace(/[\s-]+/g, '');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
