// Stable ids for partners and the HSDS records around them, derived from their content.
// Pure. The same input gives the same id on every device and at every import, so importing
// a file again updates its partners instead of adding copies.

import { foldText } from './cleaning';

/**
 * cyrb128 (bryc, public domain): four mixed 32-bit lanes. Not cryptographic; it only has
 * to keep a few thousand names of one map apart, and 128 bits leave room to spare.
 */
export function hash128(text: string): readonly [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * A UUID of version 8 (RFC 9562's "custom" version) from the hash of the parts: HSDS wants
 * UUIDs for every id, and the version nibble tells a derived id from a random one.
 */
export function deriveUuid(...parts: readonly string[]): string {
  const hex = hash128(parts.join('\u001f'))
    .map((lane) => lane.toString(16).padStart(8, '0'))
    .join('');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** An id from a source: kept when it is a UUID, otherwise turned into one the same way each time. */
export function uuidFrom(source: string, id: string): string {
  const trimmed = id.trim();
  return isUuid(trimmed) ? trimmed.toLowerCase() : deriveUuid(source, trimmed);
}

/** The id of a partner that came without one: its name and postcode, ignoring case, accents and spacing. */
export function partnerIdFor(name: string, postcode: string): string {
  const key = (text: string) => foldText(text).replace(/[^\p{L}\p{N}]+/gu, '');
  return deriveUuid('partner', key(name), key(postcode));
}
