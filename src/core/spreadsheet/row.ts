// One row of the sociale-kaart sheet: its columns, and the cells to and from a partner.
// Pure. Every problem is reported as a code at its field, so a person can find and fix the cell;
// a link that is not http(s) is dropped with a warning, other bad cells are errors.

import {
  checkWebsite,
  cleanPhone,
  cleanText,
  foldText,
  isPhoneNumber,
  normalizePostcode,
} from '../partners/cleaning';
import { NO_HOURS } from '../partners/hours';
import { parseHoursText, printDate, printHoursText, readDate } from '../partners/hours-text';
import { partnerIdFor, uuidFrom } from '../partners/ids';
import type { IssueDetail } from '../partners/issues';
import { readLanguage } from '../partners/languages';
import { checkDetails, Email, type PartnerDetails } from '../partners/partner';
import type { CatalogueOption } from '../registration/catalogue';

/** Each column's Dutch header first, then other names offices use for it. */
export const COLUMNS = {
  name: ['Naam', 'naam partner', 'partner', 'naam organisatie'],
  organization: ['Organisatie'],
  description: ['Omschrijving', 'beschrijving', 'toelichting'],
  topics: ['Onderwerpen', 'onderwerp', 'themas', 'thema'],
  street: ['Straat', 'adres', 'straat en huisnummer'],
  postcode: ['Postcode'],
  city: ['Plaats', 'woonplaats', 'stad'],
  phone: ['Telefoon', 'telefoonnummer', 'tel', 'telefoonnr'],
  email: ['E-mail', 'e-mailadres', 'mail'],
  website: ['Website', 'webadres', 'url', 'site', 'internet'],
  openingHours: ['Openingstijden', 'openingsuren'],
  walkInHours: ['Inloopspreekuur', 'inloopspreekuren', 'spreekuur', 'inloop'],
  languages: ['Talen', 'taal'],
  targetGroups: ['Doelgroepen', 'doelgroep', 'voor wie'],
  lastVerified: ['Laatst gecontroleerd', 'gecontroleerd', 'gecontroleerd op', 'laatste controle'],
  id: ['id'],
} as const;
export type Column = keyof typeof COLUMNS;

/** A problem found in a row; a warning changes a value but keeps the row. */
export type Report = (detail: IssueDetail, warning?: boolean) => void;

const invalid = (field: Column, value: string): IssueDetail => ({
  code: 'value',
  field,
  problem: { code: 'invalid', value },
});

export function readRow(
  cell: (column: Column) => string,
  report: Report,
  topics: (text: string) => string | undefined,
): PartnerDetails | null {
  let failed = false;
  const fail: Report = (detail, warning) => {
    failed ||= !warning;
    report(detail, warning);
  };
  const name = cleanText(cell('name'));
  if (name === '') fail({ code: 'value', field: 'name', problem: { code: 'missing' } });
  const postcode = normalizePostcode(cell('postcode'));
  const [street, city] = [cleanText(cell('street')), cleanText(cell('city'))];
  const topicIds = readTopics(cell('topics'), topics, (item) => fail(invalid('topics', item)));
  const languages = splitList(cell('languages')).flatMap((item) => {
    const language = readLanguage(item);
    if (language === undefined) fail(invalid('languages', item));
    return language ?? [];
  });
  let phone = cleanPhone(cell('phone'));
  if (/^[1-9]\d{8}$/.test(phone)) {
    phone = `0${phone}`;
    fail({ code: 'phone-zero-added', field: 'phone', phone }, true);
  }
  if (phone !== '' && !isPhoneNumber(phone)) fail(invalid('phone', phone));
  const email = cleanText(cell('email'));
  if (email !== '' && !Email.safeParse(email).success) fail(invalid('email', email));
  const website = checkWebsite(cell('website'));
  const link = cleanText(cell('website')).slice(0, 60);
  if (website.kind === 'unsafe')
    fail({ code: 'value-dropped', field: 'website', value: link }, true);
  if (website.kind === 'invalid') fail(invalid('website', link));
  const [openingHours, walkInHours] = (['openingHours', 'walkInHours'] as const).map((field) => {
    const parsed = parseHoursText(cell(field));
    if (!parsed.ok) fail({ code: 'hours-invalid', field, problem: parsed.problem });
    return parsed.ok ? parsed.hours : NO_HOURS;
  });
  const verified = cleanText(cell('lastVerified'));
  const lastVerified = verified === '' ? undefined : (readDate(verified) ?? undefined);
  if (verified !== '' && lastVerified === undefined) fail(invalid('lastVerified', verified));
  if (failed) return null;
  const id = cleanText(cell('id'));
  const checked = checkDetails(
    Object.fromEntries(
      Object.entries({
        id: id === '' ? partnerIdFor(name, postcode) : uuidFrom('spreadsheet', id),
        name,
        organization: cleanText(cell('organization')) || undefined,
        description: cleanText(cell('description'), true),
        topics: [...new Set(topicIds)],
        address: street || postcode || city ? { street, postcode, city } : undefined,
        phone: phone || undefined,
        email: email || undefined,
        website: website.kind === 'ok' ? website.url : undefined,
        openingHours,
        walkInHours,
        languages: [...new Map(languages.map((language) => [language.code, language])).values()],
        targetGroups: [...new Set(splitList(cell('targetGroups')))],
        lastVerified,
      }).filter(([, value]) => value !== undefined),
    ),
  );
  if (checked.ok) return checked.details;
  for (const { field, problem } of checked.problems) report({ code: 'value', field, problem });
  return null;
}

/** The cells of a partner, in column order; the id last, so people can ignore it. */
export function cellsOf(partner: PartnerDetails, topics: readonly CatalogueOption[]): string[] {
  const labels = new Map(topics.map((topic) => [topic.id, topic.label]));
  const cells: Record<Column, string> = {
    name: partner.name,
    organization: partner.organization ?? '',
    description: partner.description,
    topics: partner.topics.map((id) => labels.get(id) ?? id).join(', '),
    street: partner.address?.street ?? '',
    postcode: partner.address?.postcode ?? '',
    city: partner.address?.city ?? '',
    phone: partner.phone ?? '',
    email: partner.email ?? '',
    website: partner.website ?? '',
    openingHours: printHoursText(partner.openingHours),
    walkInHours: printHoursText(partner.walkInHours),
    languages: partner.languages.map((language) => language.name).join(', '),
    targetGroups: partner.targetGroups.join(', '),
    lastVerified: partner.lastVerified === undefined ? '' : printDate(partner.lastVerified),
    id: partner.id,
  };
  return (Object.keys(COLUMNS) as Column[]).map((column) => cells[column]);
}

export function columnFor(header: string): Column | undefined {
  const key = (text: string) => foldText(text).replace(/[^a-z0-9]/g, '');
  const wanted = key(header);
  return (Object.keys(COLUMNS) as Column[]).find((column) =>
    COLUMNS[column].some((name) => key(name) === wanted),
  );
}

/** A topic by id or label, ignoring case, accents and a label's part in brackets. */
export function topicFinder(
  topics: readonly CatalogueOption[],
): (text: string) => string | undefined {
  // Only letters and digits count, so "AOW,pensioen" finds "AOW, pensioen en kinderbijslag".
  const key = (text: string) => foldText(text).replace(/[^\p{L}\p{N}]/gu, '');
  const byKey = new Map<string, string>();
  for (const { id, label } of topics) {
    for (const name of [id, label, label.replace(/\s*\(.*\)\s*$/, '')]) byKey.set(key(name), id);
  }
  return (text) => byKey.get(key(text));
}

/**
 * Topic labels may hold commas themselves ("AOW, pensioen en kinderbijslag"), so each item
 * takes the longest run of comma-separated pieces that is a known topic.
 */
function readTopics(
  text: string,
  find: (text: string) => string | undefined,
  unknown: (item: string) => void,
): string[] {
  const pieces = splitList(text);
  const ids: string[] = [];
  for (let start = 0; start < pieces.length; ) {
    let end = pieces.length;
    while (end > start && find(pieces.slice(start, end).join(', ')) === undefined) end--;
    const id = find(pieces.slice(start, end).join(', '));
    if (id === undefined) unknown(pieces[start] ?? '');
    else ids.push(id);
    start = Math.max(end, start + 1);
  }
  return ids;
}

/** Items split on commas, semicolons or line breaks, but not inside brackets: "Gemeentezaken (paspoort, verhuizen)". */
function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[,;\n|]/.test(char)) {
      items.push(current);
      current = '';
    } else current += char;
  }
  return [...items, current].map((item) => cleanText(item)).filter(Boolean);
}
