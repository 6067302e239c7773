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
} from '../partners/contact-values';
import { printDate, printHoursText } from '../partners/hours-print';
import { type HoursRead, readDate, readHoursText } from '../partners/hours-text';
import { partnerIdFor, uuidFrom } from '../partners/ids';
import type { IssueDetail } from '../partners/issues';
import { readLanguage } from '../partners/languages';
import { Email, type PartnerDetails } from '../partners/partner';
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

/** What one import reads once for all its rows: each hours text, each hours object's check. */
export interface RowMemo {
  readonly hours: Map<string, HoursRead>;
  readonly check: (value: Record<string, unknown>) => DetailsCheck;
}

export function rowMemo(): RowMemo {
  return { hours: new Map(), check: detailsChecker() };
}

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
  const keywords = uniqueWords([...topics.keywords, ...splitList(cell('keywords'))]);
  const languages = splitLanguages(cell('languages')).flatMap((item) => {
    const language = readLanguage(item);
    if (language === undefined) fail(invalid('languages', item));
    return language ?? [];
  });
  let phone = cleanPhone(linkFromFormula(cell('phone')));
  if (/^[1-9]\d{8}$/.test(phone)) {
    phone = `0${phone}`;
    fail({ code: 'phone-zero-added', field: 'phone', phone }, true);
  }
  if (phone !== '' && !isPhoneNumber(phone)) fail(invalid('phone', phone));
  const email = cleanText(linkFromFormula(cell('email')));
  if (email !== '' && !Email.safeParse(email).success) fail(invalid('email', email));
  const website = checkWebsite(linkFromFormula(cell('website')));
  const link = cleanText(linkFromFormula(cell('website'))).slice(0, 60);
  if (website.kind === 'unsafe')
    fail({ code: 'value-dropped', field: 'website', value: link }, true);
  if (website.kind === 'invalid') fail(invalid('website', link));
  // Hours that are no table are kept as their text (never a rejected row, never a wrong "nu open").
  const [openingHours, walkInHours] = (['openingHours', 'walkInHours'] as const).map((field) => {
    const read = memo.hours.get(cell(field)) ?? readHoursText(cell(field));
    memo.hours.set(cell(field), read);
    if (read.problem !== undefined) {
      const text = cleanText(cell(field)).slice(0, 80);
      fail({ code: 'hours-as-text', field, text, problem: read.problem }, true);
    }
    return read.hours;
  });
  const verified = cleanText(cell('lastVerified'));
  const lastVerified = verified === '' ? undefined : (readDate(verified) ?? undefined);
  if (verified !== '' && lastVerified === undefined) fail(invalid('lastVerified', verified));
  if (failed) return null;
  const id = cleanText(cell('id'));
  const checked = memo.check(
    definedFields({
      id: id === '' ? partnerIdFor(name, postcode) : uuidFrom('spreadsheet', id),
      name,
      organization: cleanText(cell('organization')) || undefined,
      description: cleanText(cell('description'), true),
      topics: topics.topics,
      keywords: keywords.length > 0 ? keywords : undefined,
      address: street || postcode || city ? { street, postcode, city } : undefined,
      phone: phone || undefined,
      email: email || undefined,
      website: website.kind === 'ok' ? website.url : undefined,
      openingHours,
      walkInHours,
      languages: [...new Map(languages.map((language) => [language.code, language])).values()],
      targetGroups: [...new Set(splitList(cell('targetGroups')))],
      lastVerified,
    }),
  );
  if (checked.ok) {
    if (topics.ownWords.length > 0) ownWords?.(topics.ownWords);
    return checked.details;
  }
  for (const { field, problem } of checked.problems) report({ code: 'value', field, problem });
  return null;
}

/** The fields that have a value: an absent optional field is left out, not undefined. */
function definedFields(fields: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) kept[key] = value;
  return kept;
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
