// How outside text becomes partner data: cleaned for keeping, folded for comparing, cut when
// quoted back. Pure. Text stays text: nothing here reads or writes markup, so `<script>` is
// kept as the characters that were typed and a view shows them as such.

/** Lower case without accents, for matching "Café" with "cafe" and "Sociaal" with "sociaal". */
export function foldText(text: string): string {
  // Plain ASCII has no accents to drop, and NFKD leaves it as it is.
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Trims and drops control characters and bidirectional overrides (which can make text read
 * differently than it is). Single-line text also loses its line breaks and double spaces.
 */
export function cleanText(text: string, multiline = false): string {
  // Most cells are clean already: nothing below would change them.
  if (!(multiline ? UNCLEAN_MULTILINE : UNCLEAN).test(text)) return text;
  const kept = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/(?![\n\t])\p{Cc}/gu, '');
  const flat = multiline
    ? kept.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n')
    : kept.replace(/\s+/g, ' ');
  return flat.trim();
}

const NOT_ASCII = /\P{ASCII}/u;
/** Anything `cleanText` changes in single-line text: controls, overrides, other or extra spaces. */
const UNCLEAN = /[^\S ]| {2}|^ | $|[\p{Cc}\u202A-\u202E\u2066-\u2069\uFEFF]/u;
/** The same for multiline text, which keeps no control characters to look at more closely. */
const UNCLEAN_MULTILINE = /^\s|\s$|[\p{Cc}\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/** A value quoted back in a message, cut to `max` characters so one long cell cannot flood it. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
