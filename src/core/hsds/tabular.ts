// The HSDS tabular data package (CSV files + datapackage.json): from a folder or a zip, and back.
// Pure. Rows are joined into the same nested records the JSON import reads, so both imports
// agree; the caller reads the folder or zip and writes the files this returns.

import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import {
  finishImport,
  type ImportedPartner,
  type ImportResult,
  type Progress,
} from '../partners/import';
import { FILE, type ImportIssue, type IssuePlace } from '../partners/issues';
import type { PartnerDetails } from '../partners/partner';
import { type CatalogueOption, DEFAULT_CATALOGUE } from '../registration/catalogue';
import { columnsOf, describePackage, TABLES, type TableName } from './columns';
import { type HsdsKind, partnerFromHsds } from './read';
import type { HsdsJson } from './record';
import { hsdsServiceFor } from './write';

/** File name (a path in a folder or zip is fine) to its text. */
export type TableFiles = Readonly<Record<string, string>>;
type Row = Record<string, string>;

export function importHsdsTables(files: TableFiles, onProgress?: Progress): ImportResult {
  const errors: ImportIssue[] = [];
  const tables = new Map<string, Row[]>();
  for (const [path, text] of Object.entries(files)) {
    const file = path.split('/').at(-1)?.toLowerCase() ?? '';
    if (!file.endsWith('.csv') || path.includes('__MACOSX')) continue;
    const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: 'greedy',
    });
    const seen = new Set<number>();
    for (const error of parsed.errors.filter(({ type }) => type !== 'Delimiter')) {
      const quotes = error.type === 'Quotes';
      // Papa counts quote errors from the header row, and column-count errors from the first data row.
      const row = (error.row ?? 0) + (quotes ? 1 : 2);
      if (seen.has(row) || seen.size >= 20) continue;
      seen.add(row);
      const place: IssuePlace = { kind: 'table-row', file, row };
      errors.push({ code: quotes ? 'unclosed-quote' : 'column-count', place });
    }
    tables.set(file, parsed.data);
  }
  const { kind, records } = joinTables((table) => tables.get(TABLES[table].path) ?? []);
  if (records.length === 0 && errors.length === 0) {
    return { ok: false, errors: [{ code: 'hsds-tables-missing', place: FILE }] };
  }
  const imported: ImportedPartner[] = [];
  const warnings: ImportIssue[] = [];
  for (const [index, record] of records.entries()) {
    const file = TABLES[kind].path;
    const place: IssuePlace =
      typeof record.name === 'string' && record.name !== ''
        ? { kind: 'table-row', file, row: index + 2, name: record.name.slice(0, 40) }
        : { kind: 'table-row', file, row: index + 2 };
    const result = partnerFromHsds(record, kind, place);
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    if (result.details !== null) imported.push({ details: result.details, place });
    onProgress?.(index + 1, records.length);
  }
  return finishImport(imported, errors, warnings);
}

/**
 * Nests the rows as the JSON examples do. Each partner is a service; a package without
 * services gives one partner per organisation, and one with neither, per location.
 */
function joinTables(rows: (table: TableName) => Row[]): { kind: HsdsKind; records: HsdsJson[] } {
  // Rows by (table, column, value), built once per column, so large packages join in linear time.
  const indexes = new Map<string, Map<string, Row[]>>();
  const where = (table: TableName, key: string, id: string | undefined): Row[] => {
    if (id === undefined || id === '') return [];
    let index = indexes.get(`${table}.${key}`);
    if (index === undefined) {
      index = new Map();
      for (const row of rows(table)) {
        const value = row[key];
        if (value !== undefined && value !== '')
          index.set(value, [...(index.get(value) ?? []), row]);
      }
      indexes.set(`${table}.${key}`, index);
    }
    return index.get(id) ?? [];
  };
  const first = (table: TableName, id: string | undefined) => where(table, 'id', id)[0];
  const place = (id: string | undefined): HsdsJson[] =>
    where('location', 'id', id).map((location) => ({
      ...location,
      addresses: where('address', 'location_id', id),
      phones: where('phone', 'location_id', id),
      schedules: where('schedule', 'location_id', id),
      languages: where('language', 'location_id', id),
    }));
  const services = rows('service').map((service) => ({
    ...service,
    organization: first('organization', service.organization_id),
    phones: where('phone', 'service_id', service.id),
    schedules: where('schedule', 'service_id', service.id),
    languages: where('language', 'service_id', service.id),
    service_at_locations: where('service_at_location', 'service_id', service.id).map((sal) => ({
      ...sal,
      phones: where('phone', 'service_at_location_id', sal.id),
      schedules: where('schedule', 'service_at_location_id', sal.id),
      location: place(sal.location_id)[0],
    })),
    attributes: where('attribute', 'link_id', service.id).map((attribute) => ({
      ...attribute,
      taxonomy_term: first('taxonomy_term', attribute.taxonomy_term_id),
    })),
  }));
  if (services.length > 0) return { kind: 'service', records: services };
  const organizations = rows('organization').map((organization) => ({
    ...organization,
    phones: where('phone', 'organization_id', organization.id),
    locations: where('location', 'organization_id', organization.id).flatMap(({ id }) => place(id)),
  }));
  if (organizations.length > 0) return { kind: 'organization', records: organizations };
  return { kind: 'location', records: rows('location').flatMap(({ id }) => place(id)) };
}

export function importHsdsZip(bytes: Uint8Array, onProgress?: Progress): ImportResult {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (file) => file.name.toLowerCase().endsWith('.csv') });
  } catch {
    return { ok: false, errors: [{ code: 'zip-unreadable', place: FILE }] };
  }
  const files = Object.fromEntries(
    Object.entries(entries).map(([name, data]) => [name, strFromU8(data)]),
  );
  return importHsdsTables(files, onProgress);
}

/** The package as files: datapackage.json and one CSV per table. Local notes are never included. */
export function exportHsdsTables(
  partners: readonly PartnerDetails[],
  topics: readonly CatalogueOption[] = DEFAULT_CATALOGUE.topics,
): Record<string, string> {
  const rows = new Map<TableName, Map<string, object>>();
  const add = <T extends { readonly id: string }>(table: TableName, row: T) => {
    const known = rows.get(table) ?? new Map();
    // Organisations and taxonomy terms are shared between partners: the first copy is kept.
    if (!known.has(row.id)) known.set(row.id, row);
    rows.set(table, known);
  };
  for (const service of partners.map((partner) => hsdsServiceFor(partner, topics))) {
    const { organization, phones, schedules, languages, service_at_locations, attributes, ...own } =
      service;
    add('organization', organization);
    add('service', own);
    for (const phone of phones) add('phone', { ...phone, service_id: service.id });
    for (const schedule of schedules) add('schedule', { ...schedule, service_id: service.id });
    for (const language of languages) add('language', { ...language, service_id: service.id });
    for (const { location, ...sal } of service_at_locations) {
      add('service_at_location', { ...sal, service_id: service.id, location_id: location.id });
      const { addresses, ...place } = location;
      add('location', place);
      for (const address of addresses) add('address', { ...address, location_id: location.id });
    }
    for (const { taxonomy_term, ...attribute } of attributes) {
      add('attribute', attribute);
      add('taxonomy_term', taxonomy_term);
    }
  }
  const files: Record<string, string> = {
    'datapackage.json': `${JSON.stringify(describePackage(), null, 2)}\n`,
  };
  for (const table of Object.keys(TABLES) as TableName[]) {
    const columns = columnsOf(table);
    const data = [...(rows.get(table)?.values() ?? [])].map((row) =>
      columns.map((column) => String((row as Record<string, unknown>)[column] ?? '')),
    );
    files[TABLES[table].path] = Papa.unparse({ fields: columns, data });
  }
  return files;
}

/** The package as one zip; `now` dates its files, since the core reads no clock. */
export function exportHsdsZip(
  partners: readonly PartnerDetails[],
  now: number,
  topics: readonly CatalogueOption[] = DEFAULT_CATALOGUE.topics,
): Uint8Array {
  const files = exportHsdsTables(partners, topics);
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, text]) => [name, strToU8(text)]),
  );
  return zipSync(entries, { level: 6, mtime: now });
}
