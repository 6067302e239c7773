// A partner's contact values as people write them: web addresses (http(s) or nothing),
// postcodes, Dutch phone numbers, and a link hidden in a spreadsheet formula. Pure.

import { cleanText } from './cleaning';

const HOST = String.raw`(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?::\d{1,5})?`;
/** An http(s) address with a real host name; no user name before the host (a phishing trick). */
export const WEB_ADDRESS = new RegExp(`^https?://${HOST}(?:[/?#]\\S*)?$`, 'iu');
const BARE_ADDRESS = new RegExp(`^${HOST}(?:[/?#]\\S*)?$`, 'iu');
/** What comes before the first colon; with a dot in it, it is a host with a port ("site.nl:8080"). */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

export type WebsiteCheck =
  | { readonly kind: 'empty' }
  | { readonly kind: 'ok'; readonly url: string }
  /** Another kind of link, such as `javascript:`: left out, never kept. */
  | { readonly kind: 'unsafe' }
  | { readonly kind: 'invalid' };

/** Accepts what offices type ("www.humanitas.nl") and adds https://; anything else is refused. */
export function checkWebsite(text: string): WebsiteCheck {
  const value = cleanText(text);
  if (value === '') return { kind: 'empty' };
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme !== undefined && !scheme.includes('.')) {
    if (scheme !== 'http' && scheme !== 'https') return { kind: 'unsafe' };
    return WEB_ADDRESS.test(value) && value.length <= 500
      ? { kind: 'ok', url: value }
      : { kind: 'invalid' };
  }
  const url = `https://${value}`;
  return BARE_ADDRESS.test(value) && url.length <= 500 ? { kind: 'ok', url } : { kind: 'invalid' };
}

/** "1234ab" and "1234 AB" become "1234 AB"; a foreign postcode is kept as written. */
export function normalizePostcode(text: string): string {
  const value = cleanText(text);
  const dutch = /^([1-9]\d{3})\s*([a-z]{2})$/i.exec(value);
  return dutch ? `${dutch[1]} ${dutch[2]?.toUpperCase()}` : value;
}

/** Digits, spaces and + - ( ) . /, with 3 to 15 digits: "030 123 45 67", "+31 30 1234567", "14 030". */
export function isPhoneNumber(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return /^[+(]?\d[\d ()./-]*$/.test(text) && digits >= 3 && digits <= 15 && text.length <= 40;
}

/** Drops the quotes some exports put around a number ("\"+44 1234 234567\""). */
export function cleanPhone(text: string): string {
  return cleanText(text)
    .replace(/^["']+|["']+$/g, '')
    .trim();
}

/**
 * The address inside a spreadsheet link formula, `=HYPERLINK("https://…";"tekst")`, as
 * offices paste it; `mailto:` and `tel:` are dropped. Any other text is returned as it is.
 */
export function linkFromFormula(text: string): string {
  const link = /^\s*=\s*(?:HYPERLINK|HYPERLINKS?)\s*\(\s*"([^"]*)"/i.exec(text)?.[1] ?? text;
  return link.replace(/^\s*(?:mailto|tel):/i, '');
}
