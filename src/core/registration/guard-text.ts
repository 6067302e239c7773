// Text as the privacy guard reads it: look-alikes folded, invisible characters gone, spaces and
// dashes unified, spelled-out @ and dots written as such. Pure.

/** Characters that show nothing: zero-width spaces and joiners, the soft hyphen, BOM. */
const INVISIBLE =
  /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u061C]|\u034F/g;
/** Every kind of space and line break, and every kind of dash. */
const ANY_SPACE = /[\s\p{Zs}]+/gu;
const ANY_DASH = /[\p{Pd}\u2212]/gu;
/** "jan(at)example.nl", "jan [at] example [dot] nl", "jan apenstaartje example.nl". */
const SPELLED_AT = /\s*[([{<]\s*(?:at|apenstaartje|apenstaart)\s*[)\]}>]\s*/giu;
const SPELLED_DOT = /\s*[([{<]\s*(?:dot|punt)\s*[)\]}>]\s*/giu;
/**
 * A bare "at" (or "apenstaartje") only between a word and a domain: "jan at gmail.com",
 * "jan at gmail dot com". "Ze werkt at home" has no domain after it and stays a sentence.
 */
const SPACED_AT =
  /([\p{L}0-9._%+-]+) (?:at|apenstaartje) ([\p{L}0-9-]+(?:(?:\.| (?:dot|punt) )[\p{L}0-9-]+)*(?:\.| (?:dot|punt) )\p{L}{2,})\b/giu;

/**
 * The text as the guard reads it: compatibility forms folded (NFKC: full-width letters,
 * digits and ＠ become plain ones), invisible characters removed, every space one plain
 * space, every dash a hyphen, and spelled-out @ and dots written as such.
 */
export function normaliseForGuard(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(ANY_SPACE, ' ')
    .replace(ANY_DASH, '-')
    .replace(SPELLED_AT, '@')
    .replace(SPELLED_DOT, '.')
    .replace(
      SPACED_AT,
      (_match, user: string, domain: string) =>
        `${user}@${domain.replace(/ (?:dot|punt) /gi, '.')}`,
    );
}
