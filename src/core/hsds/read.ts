// One HSDS 3.0 record (a service with its organisation and location, or either alone) as a partner.
// Pure. Takes what Balie models and reports what it leaves out; a bad e-mail, link or phone
// number is dropped with a warning, a missing name is an error.

import { cleanText, shorten } from '../partners/cleaning';
import {
  checkWebsite,
  cleanPhone,
  isPhoneNumber,
  normalizePostcode,
} from '../partners/contact-values';
import { isUuid, partnerIdFor, uuidFrom } from '../partners/ids';
import type { ImportIssue, IssuePlace, PartnerField } from '../partners/issues';
import { findLanguage, LANGUAGE_CODE } from '../partners/languages';
import { Email, type PartnerDetails, type PartnerLanguage } from '../partners/partner';
import { checkDetails } from '../partners/partner-check';
import { OptionId } from '../registration/schema';
import {
  type HsdsJson,
  KEYWORD_TAXONOMY,
  present,
  readList,
  readRecord,
  readText,
  TARGET_GROUP_TAXONOMY,
  TOPIC_TAXONOMY,
} from './record';
import { hoursFromSchedules } from './schedule';

export type HsdsKind = 'service' | 'organization' | 'location';

export interface PartnerRead {
  /** Null when the record had errors, or was skipped with a warning (a closed service). */
  readonly details: PartnerDetails | null;
  readonly errors: readonly ImportIssue[];
  readonly warnings: readonly ImportIssue[];
}

/** Reads one record; `parent` is the organisation a service is listed under, if any. */
export function partnerFromHsds(
  record: HsdsJson,
  kind: HsdsKind,
  place: IssuePlace,
  parent?: HsdsJson,
): PartnerRead {
  const warnings: ImportIssue[] = [];
  const drop: Drop = (field, value) =>
    warnings.push({ code: 'value-dropped', field, value: shorten(value, 60), place });
  if (kind === 'service' && readText(record, 'status') === 'defunct') {
    return { details: null, errors: [], warnings: [{ code: 'service-defunct', place }] };
  }
  const organization =
    kind === 'organization' ? record : (readRecord(record, 'organization') ?? parent);
  const sals = readList(record, 'service_at_locations');
  const sal =
    sals.find((item) => readText(readRecord(item, 'location'), 'location_type') === 'physical') ??
    sals[0];
  const location =
    kind === 'location'
      ? record
      : (readRecord(sal, 'location') ?? readList(organization, 'locations')[0]);
  const addresses = readList(location, 'addresses');
  const address =
    addresses.find((item) => readText(item, 'address_type') === 'physical') ?? addresses[0];
  const phoneRecord = [record, sal, location, organization].flatMap((owner) =>
    readList(owner, 'phones'),
  )[0];

  const name = cleanText(readText(record, 'name') ?? '');
  const street = cleanText(readText(address, 'address_1') ?? '');
  const postcode = normalizePostcode(readText(address, 'postal_code') ?? '');
  const city = cleanText(readText(address, 'city') ?? '');
  const organizationName = cleanText(readText(organization, 'name') ?? '');
  const email = readText(record, 'email') ?? readText(organization, 'email');
  if (email !== undefined && !Email.safeParse(email).success) drop('email', email);
  const websiteText =
    readText(record, kind === 'organization' ? 'website' : 'url') ??
    readText(organization, 'website') ??
    '';
  const website = checkWebsite(websiteText);
  if (website.kind === 'unsafe' || website.kind === 'invalid') drop('website', websiteText);
  const phone = cleanPhone(readText(phoneRecord, 'number') ?? '');
  if (phone !== '' && !isPhoneNumber(phone)) drop('phone', phone);

  const own =
    kind === 'location' ? [] : [...readList(record, 'schedules'), ...readList(sal, 'schedules')];
  const hours = hoursFromSchedules(own.length > 0 ? own : readList(location, 'schedules'));
  for (const warning of hours.warnings) warnings.push({ ...warning, place });

  const assured = readText(record, 'assured_date') ?? '';
  const refs = present({
    organization: idOf(organization),
    location: idOf(location),
    address: idOf(address),
    serviceAtLocation: idOf(sal),
    phone: idOf(phoneRecord),
  });
  const candidate = {
    id: uuidFrom(`hsds-${kind}`, readText(record, 'id') ?? partnerIdFor(name, postcode)),
    name,
    organization:
      kind === 'service' && organizationName !== name && organizationName !== ''
        ? organizationName
        : undefined,
    // A service's own description only: the organisation's says what the whole organisation does.
    description: cleanText(readText(record, 'description') ?? '', true),
    topics: readTerms(record, TOPIC_TAXONOMY, drop, 'code'),
    address: street || postcode || city ? { street, postcode, city } : undefined,
    phone: phone !== '' && isPhoneNumber(phone) ? phone : undefined,
    email: email !== undefined && Email.safeParse(email).success ? email : undefined,
    website: website.kind === 'ok' ? website.url : undefined,
    openingHours: hours.opening,
    walkInHours: hours.walkIn,
    languages: readLanguages(
      [...readList(record, 'languages'), ...readList(location, 'languages')],
      drop,
    ),
    targetGroups: readTerms(record, TARGET_GROUP_TAXONOMY, drop, 'name'),
    keywords: nonEmpty(
      readTerms(record, KEYWORD_TAXONOMY, drop, 'name').map((word) => word.slice(0, 80)),
    ),
    lastVerified: /^\d{4}-\d{2}-\d{2}/.test(assured) ? assured.slice(0, 10) : undefined,
    hsds: Object.keys(refs).length > 0 ? refs : undefined,
  };
  const checked = checkDetails(present(candidate));
  if (checked.ok) return { details: checked.details, errors: [], warnings };
  const errors = checked.problems.map(
    ({ field, problem }): ImportIssue => ({ code: 'value', field, problem, place }),
  );
  return { details: null, errors, warnings };
}

type Drop = (field: PartnerField, value: string) => void;

function nonEmpty(list: string[]): string[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** Codes (topics) or names (target groups) of the attributes in one of Balie's taxonomies. */
function readTerms(
  record: HsdsJson,
  taxonomy: string,
  drop: Drop,
  field: 'code' | 'name',
): string[] {
  const terms = readList(record, 'attributes')
    .map((attribute) => readRecord(attribute, 'taxonomy_term'))
    .filter((term) => readText(term, 'taxonomy') === taxonomy)
    .flatMap((term) => readText(term, field) ?? []);
  if (field === 'name') return [...new Set(terms.map((term) => cleanText(term)))];
  const valid = terms.filter((code) => OptionId.safeParse(code).success);
  for (const code of terms.filter((term) => !valid.includes(term))) drop('topics', code);
  return [...new Set(valid)];
}

function readLanguages(records: readonly HsdsJson[], drop: Drop): PartnerLanguage[] {
  const languages = new Map<string, PartnerLanguage>();
  for (const record of records) {
    const code = readText(record, 'code');
    const name = readText(record, 'name');
    const known = findLanguage(code ?? '') ?? findLanguage(name ?? '');
    if (known !== undefined) languages.set(known.code, { code: known.code, name: known.name });
    else if (code !== undefined && LANGUAGE_CODE.test(code)) {
      languages.set(code.toLowerCase(), {
        code: code.toLowerCase(),
        name: cleanText(name ?? code),
      });
    } else drop('languages', name ?? code ?? '');
  }
  return [...languages.values()];
}

function idOf(record: HsdsJson | undefined): string | undefined {
  const id = readText(record, 'id');
  return id !== undefined && isUuid(id) ? id.toLowerCase() : undefined;
}
