// One row of the sociale-kaart sheet: its columns, and the cells to and from a partner.
// Pure. Every problem is reported as a code at its field, so a person can find and fix the cell;
// a link that is not http(s) is dropped with a warning, other bad cells are errors.

import { cleanText } from '../partners/cleaning';
import {
  checkWebsite,
  cleanPhone,
  isPhoneNumber,
  linkFromFormula,
  normalizePostcode,
  type WebsiteCheck,
} from '../partners/contact-values';
import { printDate, printHoursText } from '../partners/hours-print';
import { type HoursRead, readDate, readHoursText } from '../partners/hours-text';
import { partnerIdFor, uuidFrom } from '../partners/ids';
import type { IssueDetail } from '../partners/issues';
import { readLanguage } from '../partners/languages';
import { Email, type PartnerDetails, type PartnerLanguage } from '../partners/partner';
import { type DetailsCheck, detailsChecker } from '../partners/partner-check';
import type { CatalogueOption } from '../registration/catalogue';
import { COLUMNS, type Column } from './columns';
import {
  type OwnWord,
  readTopicCell,
  splitLanguages,
  splitList,
  type TopicLookup,
  uniqueWords,
} from './lists';

/** A problem found in a row; a warning changes a value but keeps the row. */
export type Report = (detail: IssueDetail, warning?: boolean) => void;

const invalid = (field: Column, value: string): IssueDetail => ({
  code: 'value',
  field,
  problem: { code: 'invalid', value },
});

/** A languages cell read: the languages (each once), and the items that are no language. */
interface LanguagesRead {
  readonly languages: readonly PartnerLanguage[];
  readonly unknown: readonly string[];
}

/**
 * What one import reads once for all its rows: each hours, languages, website and date text,
 * and each hours object's check. Sheets repeat these cells; a row only looks its texts up.
 */
export interface RowMemo {
  readonly hours: Map<string, HoursRead>;
  readonly languages: Map<string, LanguagesRead>;
  readonly websites: Map<string, WebsiteCheck>;
  readonly dates: Map<string, string | null>;
  readonly check: (value: Record<string, unknown>) => DetailsCheck;
}

export function rowMemo(): RowMemo {
  return {
    hours: new Map(),
    languages: new Map(),
    websites: new Map(),
    dates: new Map(),
    check: detailsChecker(),
  };
}

/** The reading of `text`, worked out the first time this memo meets it. */
function once<T>(known: Map<string, T>, text: string, read: (text: string) => T): T {
  if (known.has(text)) return known.get(text) as T;
  const value = read(text);
  known.set(text, value);
  return value;
}

function readLanguages(text: string): LanguagesRead {
  const languages = new Map<string, PartnerLanguage>();
  const unknown: string[] = [];
  for (const item of splitLanguages(text)) {
    const language = readLanguage(item);
    if (language === undefined) unknown.push(item);
    else if (!languages.has(language.code)) languages.set(language.code, language);
  }
  return { languages: [...languages.values()], unknown };
}

const readWebsite = (text: string) => checkWebsite(linkFromFormula(text));

/**
 * A partner from one row's cells. Words in the topics cell that are no catalogue topic become
 * keywords (and topics where the synonym table is sure); `ownWords` hears about each of them.
 * `memo` keeps what a whole sheet shares: each hours text is read and checked once.
 */
export function readRow(
  cell: (column: Column) => string,
  report: Report,
  lookup: TopicLookup,
  ownWords?: (words: readonly OwnWord[]) => void,
  memo: RowMemo = rowMemo(),
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
  const topics = readTopicCell(cell('topics'), lookup);
  const keywordCell = cell('keywords');
  const keywords =
    keywordCell === ''
      ? topics.keywords
      : uniqueWords([...topics.keywords, ...splitList(keywordCell)]);
  const { languages, unknown } = once(memo.languages, cell('languages'), readLanguages);
  for (const item of unknown) fail(invalid('languages', item));
  let phone = cleanPhone(linkFromFormula(cell('phone')));
  if (/^[1-9]\d{8}$/.test(phone)) {
    phone = `0${phone}`;
    fail({ code: 'phone-zero-added', field: 'phone', phone }, true);
  }
  if (phone !== '' && !isPhoneNumber(phone)) fail(invalid('phone', phone));
  const email = cleanText(linkFromFormula(cell('email')));
  if (email !== '' && !Email.safeParse(email).success) fail(invalid('email', email));
  const website = once(memo.websites, cell('website'), readWebsite);
  if (website.kind === 'unsafe' || website.kind === 'invalid') {
    const link = cleanText(linkFromFormula(cell('website'))).slice(0, 60);
    if (website.kind === 'unsafe')
      fail({ code: 'value-dropped', field: 'website', value: link }, true);
    else fail(invalid('website', link));
  }
  // Hours that are no table are kept as their text (never a rejected row, never a wrong "nu open").
  const [openingHours, walkInHours] = (['openingHours', 'walkInHours'] as const).map((field) => {
    const read = once(memo.hours, cell(field), readHoursText);
    if (read.problem !== undefined) {
      const text = cleanText(cell(field)).slice(0, 80);
      fail({ code: 'hours-as-text', field, text, problem: read.problem }, true);
    }
    return read.hours;
  });
  const verified = cleanText(cell('lastVerified'));
  const lastVerified =
    verified === '' ? undefined : (once(memo.dates, verified, readDate) ?? undefined);
  if (verified !== '' && lastVerified === undefined) fail(invalid('lastVerified', verified));
  if (failed) return null;
  const id = cleanText(cell('id'));
  // Only the fields that have a value: an absent optional field is left out, not undefined.
  const details: Record<string, unknown> = {
    id: id === '' ? partnerIdFor(name, postcode) : uuidFrom('spreadsheet', id),
    name,
  };
  const organization = cleanText(cell('organization'));
  if (organization !== '') details.organization = organization;
  details.description = cleanText(cell('description'), true);
  details.topics = topics.topics;
  if (keywords.length > 0) details.keywords = keywords;
  if (street || postcode || city) details.address = { street, postcode, city };
  if (phone !== '') details.phone = phone;
  if (email !== '') details.email = email;
  if (website.kind === 'ok') details.website = website.url;
  details.openingHours = openingHours;
  details.walkInHours = walkInHours;
  details.languages = languages;
  details.targetGroups = [...new Set(splitList(cell('targetGroups')))];
  if (lastVerified !== undefined) details.lastVerified = lastVerified;
  const checked = memo.check(details);
  if (checked.ok) {
    if (topics.ownWords.length > 0) ownWords?.(topics.ownWords);
    return checked.details;
  }
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
    keywords: (partner.keywords ?? []).join(', '),
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
