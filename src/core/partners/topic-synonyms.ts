// Words offices use for what a partner helps with, mapped to the registration's topics where
// the meaning is clear ("Schulden" → debts). Pure data with a version, so a change is visible.
// A word not listed here is kept as the partner's own keyword only: Balie never guesses.

import { foldText } from './cleaning';

/** Raise when a mapping changes; an import summary can say which table it used. */
export const TOPIC_SYNONYMS_VERSION = '2025.1';

/** Folded word (letters and digits only) → topic ids of the national catalogue. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  // Money, debts and legal help.
  schulden: ['recht-geld'],
  schuld: ['recht-geld'],
  schuldhulp: ['recht-geld'],
  schuldhulpverlening: ['recht-geld'],
  schuldsanering: ['recht-geld'],
  geldzaken: ['recht-geld'],
  geld: ['recht-geld'],
  financien: ['recht-geld'],
  budgetbeheer: ['recht-geld'],
  budgetcoaching: ['recht-geld'],
  rechtshulp: ['recht-geld'],
  juridischehulp: ['recht-geld'],
  juridischadvies: ['recht-geld'],
  alimentatie: ['recht-geld'],
  // Housing.
  huur: ['wonen-huur'],
  wonen: ['wonen-huur'],
  woning: ['wonen-huur'],
  huisvesting: ['wonen-huur'],
  huurachterstand: ['wonen-huur', 'recht-geld'],
  // Tax and allowances.
  belasting: ['belastingaangifte'],
  belastingen: ['belastingaangifte'],
  aangifte: ['belastingaangifte'],
  inkomstenbelasting: ['belastingaangifte'],
  toeslag: ['toeslagen'],
  huurtoeslag: ['toeslagen'],
  zorgtoeslag: ['toeslagen'],
  kinderopvangtoeslag: ['toeslagen'],
  // Work, income, pensions.
  werk: ['werk-uitkering'],
  uitkering: ['werk-uitkering'],
  bijstand: ['werk-uitkering'],
  participatiewet: ['werk-uitkering'],
  ww: ['werk-uitkering'],
  pensioen: ['aow-pensioen'],
  aow: ['aow-pensioen'],
  kinderbijslag: ['aow-pensioen'],
  // Care.
  zorg: ['zorg'],
  wmo: ['zorg'],
  zorgverzekering: ['zorg'],
  eigenbijdrage: ['zorg'],
  // Other government matters.
  studiefinanciering: ['studie'],
  onderwijs: ['studie'],
  boetes: ['boetes-betalen'],
  boete: ['boetes-betalen'],
  rijbewijs: ['rijbewijs-auto'],
  paspoort: ['gemeente'],
  idkaart: ['gemeente'],
  verhuizen: ['gemeente'],
  mijnoverheid: ['berichtenbox'],
  berichtenbox: ['berichtenbox'],
  brieven: ['brief-begrijpen'],
  formulieren: ['brief-begrijpen'],
  computer: ['computer-wifi'],
  computerhulp: ['computer-wifi'],
};

/** The topics a word stands for, limited to the topics the branch knows. */
export function topicsForWord(word: string, known: ReadonlySet<string>): string[] {
  const key = foldText(word).replace(/[^\p{L}\p{N}]/gu, '');
  return (SYNONYMS[key] ?? []).filter((id) => known.has(id));
}
