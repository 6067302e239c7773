// Characters free text may not hold: control characters and the ones that change the reading
// order (text that shows differently than it is). Pure. The endpoint and the app's form each
// say so in their own Dutch words.

/** Why a character may not be in free text: it steers the terminal/printer, or the reading order. */
export type UnsafeCharacterKind = 'control' | 'bidi';

export interface UnsafeCharacter {
  readonly kind: UnsafeCharacterKind;
  /** The character's code point as U+XXXX, to name it in a message or a log. */
  readonly code: string;
  readonly index: number;
}

/** Control characters other than tab and line breaks: NUL, escape, DEL, C1 controls. */
const CONTROL = /(?![\t\n\r])\p{Cc}/gu;
/** Characters that change the reading order, so text can show differently than it is. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Either kind, to tell at once that a text holds none (as nearly every text does). */
const ANY = /(?![\t\n\r])\p{Cc}|[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** The control and reading-order characters in a text; free text must hold none. */
export function findUnsafeCharacters(text: string): UnsafeCharacter[] {
  if (!ANY.test(text)) return [];
  const found: UnsafeCharacter[] = [];
  for (const [pattern, kind] of [
    [CONTROL, 'control'],
    [BIDI, 'bidi'],
  ] as const) {
    for (const match of text.matchAll(pattern)) {
      const code = (match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      found.push({ kind, code: `U+${code}`, index: match.index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
