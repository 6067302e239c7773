// The languages a partner helps in: ISO 639 codes with their Dutch names.
// Pure. A short list of the languages asked for at Dutch desks; any other code is still
// accepted as a code, so the list is a convenience, never a limit.

import { foldText } from './cleaning';

export interface KnownLanguage {
  readonly code: string;
  readonly name: string;
  /** Other names a sheet or an English HSDS file may use. */
  readonly aliases: readonly string[];
}

export const LANGUAGES: readonly KnownLanguage[] = [
  { code: 'nl', name: 'Nederlands', aliases: ['dutch', 'nederlandse'] },
  { code: 'en', name: 'Engels', aliases: ['english'] },
  { code: 'de', name: 'Duits', aliases: ['german', 'deutsch'] },
  { code: 'fr', name: 'Frans', aliases: ['french'] },
  { code: 'es', name: 'Spaans', aliases: ['spanish'] },
  { code: 'pt', name: 'Portugees', aliases: ['portuguese'] },
  { code: 'it', name: 'Italiaans', aliases: ['italian'] },
  { code: 'pl', name: 'Pools', aliases: ['polish'] },
  { code: 'ro', name: 'Roemeens', aliases: ['romanian'] },
  { code: 'bg', name: 'Bulgaars', aliases: ['bulgarian'] },
  { code: 'hu', name: 'Hongaars', aliases: ['hungarian'] },
  { code: 'uk', name: 'Oekraïens', aliases: ['ukrainian'] },
  { code: 'ru', name: 'Russisch', aliases: ['russian'] },
  { code: 'tr', name: 'Turks', aliases: ['turkish'] },
  { code: 'ar', name: 'Arabisch', aliases: ['arabic'] },
  { code: 'ber', name: 'Berbers', aliases: ['tamazight', 'tarifit', 'berber'] },
  { code: 'ti', name: 'Tigrinya', aliases: ['tigrinya', 'tigrinja'] },
  { code: 'am', name: 'Amhaars', aliases: ['amharic'] },
  { code: 'so', name: 'Somalisch', aliases: ['somali'] },
  { code: 'fa', name: 'Perzisch', aliases: ['farsi', 'persian'] },
  { code: 'prs', name: 'Dari', aliases: ['dari'] },
  { code: 'ps', name: 'Pasjtoe', aliases: ['pashto', 'pasjtoe'] },
  { code: 'ku', name: 'Koerdisch', aliases: ['kurdish'] },
  { code: 'ur', name: 'Urdu', aliases: ['urdu'] },
  { code: 'hi', name: 'Hindi', aliases: ['hindi'] },
  { code: 'zh', name: 'Chinees', aliases: ['chinese', 'mandarijn', 'mandarin'] },
  { code: 'vi', name: 'Vietnamees', aliases: ['vietnamese'] },
  { code: 'pap', name: 'Papiaments', aliases: ['papiamento'] },
  { code: 'srn', name: 'Sranantongo', aliases: ['sranan', 'surinaams'] },
  { code: 'fy', name: 'Fries', aliases: ['frisian', 'frysk'] },
  { code: 'dse', name: 'Nederlandse Gebarentaal', aliases: ['ngt', 'gebarentaal'] },
];

/** ISO 639-1/-2/-3, optionally with a region: "nl", "ber", "pt-BR". */
export const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$/i;

/** Finds a language by code, Dutch name or alias ("Engels", "english", "en"). */
export function findLanguage(text: string): KnownLanguage | undefined {
  return BY_KEY.get(foldText(text.trim()));
}

/** Every code, folded Dutch name and alias, to the first language in the list that has it. */
const BY_KEY = new Map<string, KnownLanguage>();
for (const language of LANGUAGES) {
  for (const key of [language.code, foldText(language.name), ...language.aliases]) {
    if (!BY_KEY.has(key)) BY_KEY.set(key, language);
  }
}

/** A language as a partner stores it, or undefined when the text is neither a known name nor a code. */
export function readLanguage(text: string): { code: string; name: string } | undefined {
  const known = findLanguage(text);
  if (known !== undefined) return { code: known.code, name: known.name };
  const code = text.trim();
  return LANGUAGE_CODE.test(code)
    ? { code: code.toLowerCase(), name: code.toLowerCase() }
    : undefined;
}
