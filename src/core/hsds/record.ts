// HSDS 3.0 records as Balie reads and writes them: loose readers in, typed shapes out.
// Pure. A value may arrive as a JSON number or as CSV text, so readers accept both;
// what Balie writes is typed, so an export cannot drift from the official schema unseen.

/**
 * Balie's own taxonomies: topics by catalogue id, target groups by name, and a partner's own
 * keywords ("Dakloos") by name. Keywords are attributes of a taxonomy of their own rather than
 * free text, so any HSDS reader keeps them and Balie reads them back as keywords, not topics.
 */
export const TOPIC_TAXONOMY = 'balie-ido-onderwerpen';
export const TARGET_GROUP_TAXONOMY = 'balie-doelgroepen';
export const KEYWORD_TAXONOMY = 'balie-eigen-trefwoorden';

export type HsdsJson = { readonly [key: string]: unknown };

/** Text of a field: strings trimmed, numbers as written, empty or anything else as undefined. */
export function readText(record: HsdsJson | undefined, key: string): string | undefined {
  const value = record?.[key];
  const text =
    typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  return text === '' ? undefined : text;
}

export function readNumber(record: HsdsJson | undefined, key: string): number | undefined {
  const text = readText(record, key);
  return text === undefined || Number.isNaN(Number(text)) ? undefined : Number(text);
}

export function readRecord(record: HsdsJson | undefined, key: string): HsdsJson | undefined {
  return asRecord(record?.[key]);
}

export function readList(record: HsdsJson | undefined, key: string): HsdsJson[] {
  const value = record?.[key];
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).flatMap((item) => {
    const record = asRecord(item);
    return record === undefined ? [] : [record];
  });
}

export function asRecord(value: unknown): HsdsJson | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as HsdsJson)
    : undefined;
}

/** HSDS leaves out what it does not know rather than sending null or an empty string. */
export function present<T extends object>(fields: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

export interface HsdsOrganization {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface HsdsAddress {
  readonly id: string;
  readonly address_1: string;
  readonly city: string;
  /** Required by HSDS; Dutch addresses leave the province out, so it is empty. */
  readonly state_province: string;
  readonly postal_code: string;
  readonly country: string;
  readonly address_type: 'physical';
}

export interface HsdsLocation {
  readonly id: string;
  readonly location_type: 'physical';
  readonly organization_id: string;
  readonly name: string;
  readonly addresses: readonly HsdsAddress[];
}

export interface HsdsServiceAtLocation {
  readonly id: string;
  readonly location: HsdsLocation;
}

export interface HsdsPhone {
  readonly id: string;
  readonly number: string;
}

export interface HsdsLanguage {
  readonly id: string;
  readonly name: string;
  readonly code: string;
}

export interface HsdsSchedule {
  readonly id: string;
  readonly freq?: 'WEEKLY' | 'MONTHLY';
  readonly interval?: number;
  readonly byday?: string;
  readonly valid_from?: string;
  readonly valid_to?: string;
  readonly opens_at?: string;
  readonly closes_at?: string;
  readonly description?: string;
  readonly attending_type?: string;
  readonly notes?: string;
}

export interface HsdsTaxonomyTerm {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly taxonomy: string;
}

export interface HsdsAttribute {
  readonly id: string;
  readonly link_id: string;
  readonly link_type: string;
  readonly link_entity: 'service';
  readonly taxonomy_term_id: string;
  readonly value: string;
  readonly taxonomy_term: HsdsTaxonomyTerm;
}

/** A service as Balie exports it: the partner with its organisation and location inside. */
export interface HsdsService {
  readonly id: string;
  readonly organization_id: string;
  readonly name: string;
  readonly description: string;
  readonly status: 'active';
  readonly url?: string;
  readonly email?: string;
  readonly assured_date?: string;
  readonly organization: HsdsOrganization;
  readonly phones: readonly HsdsPhone[];
  readonly schedules: readonly HsdsSchedule[];
  readonly languages: readonly HsdsLanguage[];
  readonly service_at_locations: readonly HsdsServiceAtLocation[];
  readonly attributes: readonly HsdsAttribute[];
}
