// HSDS JSON documents: a record, a list, a page of results, an organisation with its services.
// Pure. The caller reads the file; this turns its text into partners or issues, and
// partners into one page of full services, as the official service_list example has them.

import { shorten } from '../partners/cleaning';
import {
  finishImport,
  type ImportedPartner,
  type ImportResult,
  type Progress,
} from '../partners/import';
import { FILE, type ImportIssue, type IssuePlace } from '../partners/issues';
import type { PartnerDetails } from '../partners/partner';
import { type CatalogueOption, DEFAULT_CATALOGUE } from '../registration/catalogue';
import { type HsdsKind, partnerFromHsds } from './read';
import { asRecord, type HsdsJson, readList, readRecord, readText } from './record';
import { hsdsServiceFor } from './write';

/** Fields only an organisation has, to tell one from a taxonomy term or other record. */
const ORGANIZATION_FIELDS = [
  'services',
  'website',
  'legal_status',
  'tax_status',
  'year_incorporated',
  'locations',
  'organization_identifiers',
];

export function importHsdsJson(text: string, onProgress?: Progress): ImportResult {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, errors: [{ code: 'json-invalid', place: FILE }] };
  }
  const page = readList(asRecord(document), 'contents');
  const items: unknown[] = Array.isArray(document) ? document : page.length > 0 ? page : [document];
  const imported: ImportedPartner[] = [];
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const read = (record: HsdsJson, kind: HsdsKind, number: number, parent?: HsdsJson) => {
    const name = readText(record, 'name');
    const place: IssuePlace =
      name === undefined
        ? { kind: 'record', record: kind, number }
        : { kind: 'record', record: kind, number, name: shorten(name, 40) };
    const result = partnerFromHsds(record, kind, place, parent);
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    if (result.details !== null) imported.push({ details: result.details, place });
  };
  items.forEach((item, index) => {
    const record = asRecord(item) ?? {};
    const services = readList(record, 'services');
    const service = readRecord(record, 'service');
    if ('location_type' in record) read(record, 'location', index + 1);
    else if (service !== undefined) read(withLocation(service, record), 'service', index + 1);
    else if ('status' in record || 'service_at_locations' in record || 'organization' in record) {
      read(record, 'service', index + 1);
    } else if (services.length > 0) {
      for (const [position, nested] of services.entries()) {
        read(nested, 'service', position + 1, record);
      }
    } else if (ORGANIZATION_FIELDS.some((field) => field in record)) {
      read(record, 'organization', index + 1);
    } else errors.push({ code: 'not-hsds-record', place: { kind: 'item', number: index + 1 } });
    onProgress?.(index + 1, items.length);
  });
  return finishImport(imported, errors, warnings);
}

/** A service_at_location record names its service; the service is the partner, at that place. */
function withLocation(service: HsdsJson, serviceAtLocation: HsdsJson): HsdsJson {
  const { service: _service, ...place } = serviceAtLocation;
  return { ...service, service_at_locations: [place] };
}

/** One page holding every partner as a full HSDS service; local notes are never included. */
export function exportHsdsJson(
  partners: readonly PartnerDetails[],
  topics: readonly CatalogueOption[] = DEFAULT_CATALOGUE.topics,
): string {
  const contents = partners.map((partner) => hsdsServiceFor(partner, topics));
  const page = {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
  return `${JSON.stringify(page, null, 2)}\n`;
}
