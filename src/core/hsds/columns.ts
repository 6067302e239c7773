// The HSDS 3.0 tabular package as Balie writes it: which CSV files, their columns, the descriptor.
// Pure data. Columns are the official ones in the official order (HSDS 3.0.0 datapackage.json),
// so any HSDS tool reads Balie's files without a mapping.

export const TABLES = {
  organization: {
    path: 'organizations.csv',
    columns:
      'id name alternate_name description email website tax_status tax_id year_incorporated legal_status logo uri parent_organization_id',
  },
  service: {
    path: 'services.csv',
    columns:
      'id organization_id program_id name alternate_name description url email status interpretation_services application_process fees_description wait_time fees accreditations eligibility_description minimum_age maximum_age assured_date assurer_email licenses alert last_modified',
  },
  service_at_location: {
    path: 'service_at_location.csv',
    columns: 'id service_id location_id description',
  },
  location: {
    path: 'locations.csv',
    columns:
      'id location_type url organization_id name alternate_name description transportation latitude longitude external_identifier external_identifier_type',
  },
  address: {
    path: 'addresses.csv',
    columns:
      'id location_id attention address_1 address_2 city region state_province postal_code country address_type',
  },
  phone: {
    path: 'phones.csv',
    columns:
      'id location_id service_id organization_id contact_id service_at_location_id number extension type description',
  },
  schedule: {
    path: 'schedules.csv',
    columns:
      'id service_id location_id service_at_location_id valid_from valid_to dtstart timezone until count wkst freq interval byday byweekno bymonthday byyearday description opens_at closes_at schedule_link attending_type notes',
  },
  language: { path: 'languages.csv', columns: 'id service_id location_id phone_id name code note' },
  attribute: {
    path: 'attributes.csv',
    columns: 'id link_id taxonomy_term_id link_type link_entity value',
  },
  taxonomy_term: {
    path: 'taxonomy_terms.csv',
    columns: 'id code name description parent_id taxonomy language taxonomy_id term_uri',
  },
} as const;

export type TableName = keyof typeof TABLES;

export function columnsOf(table: TableName): string[] {
  return TABLES[table].columns.split(' ');
}

const TYPES: Readonly<Record<string, string>> = {
  year_incorporated: 'number',
  minimum_age: 'number',
  maximum_age: 'number',
  latitude: 'number',
  longitude: 'number',
  extension: 'number',
  timezone: 'number',
  count: 'number',
  interval: 'number',
  assured_date: 'date',
  valid_from: 'date',
  valid_to: 'date',
  dtstart: 'date',
  until: 'date',
  opens_at: 'time',
  closes_at: 'time',
  last_modified: 'datetime',
};

function formatOf(column: string): string | undefined {
  if (column === 'id' || column.endsWith('_id')) return 'uuid';
  if (column === 'email' || column === 'assurer_email') return 'email';
  if (['url', 'website', 'uri', 'term_uri', 'schedule_link'].includes(column)) return 'uri';
  return undefined;
}

/** The Frictionless descriptor that tells a reader what each file holds. */
export function describePackage(): object {
  const resources = (Object.keys(TABLES) as TableName[]).map((name) => ({
    name,
    path: TABLES[name].path,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    schema: {
      primaryKey: 'id',
      fields: columnsOf(name).map((column) => {
        const format = formatOf(column);
        const type = TYPES[column] ?? 'string';
        return format === undefined ? { name: column, type } : { name: column, type, format };
      }),
    },
  }));
  return {
    name: 'human_services_data',
    title: 'Sociale kaart (Balie), Human Services Data Specification',
    profile: 'tabular-data-package',
    version: '3.0.0',
    homepage: 'http://docs.openreferral.org',
    resources,
  };
}
