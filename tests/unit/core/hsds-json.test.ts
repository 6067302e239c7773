import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { exportHsdsJson, importHsdsJson } from '../../../src/core/hsds/json';
import type { ImportResult } from '../../../src/core/partners/import';
import type { Partner, PartnerDetails } from '../../../src/core/partners/partner';
import { DEFAULT_CATALOGUE } from '../../../src/core/registration/catalogue';
import { describeIssue } from '../../../src/ui/partners/issue-text';
import { generatePartners } from '../../support/partners';

const FIXTURES = join(import.meta.dirname, '../../fixtures/hsds-3.0');
const example = (name: string) => readFileSync(join(FIXTURES, 'json', `${name}.json`), 'utf8');
const schema = (name: string) =>
  JSON.parse(readFileSync(join(FIXTURES, 'schema', `${name}.json`), 'utf8')) as object;

// The official schemas carry documentation keywords (core, constraints, example) ajv does not know.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validateService = ajv.compile(schema('compiled_service_with_definitions'));
// The per-object schemas refer to each other by file name ("$ref": "phone.json").
const parts = new Ajv2020({ strict: false, allErrors: true });
addFormats(parts);
for (const file of readdirSync(join(FIXTURES, 'schema'))) {
  if (file !== 'openapi.json') parts.addSchema(schema(file.replace(/\.json$/, '')), file);
}

function partnersOf(result: ImportResult): readonly PartnerDetails[] {
  if (!result.ok) throw new Error(result.errors.map(describeIssue).join('\n'));
  return result.partners;
}

function detailsOf({ local: _local, ...details }: Partner): PartnerDetails {
  return details;
}

function withoutRefs({ hsds: _hsds, ...details }: PartnerDetails): PartnerDetails {
  return details;
}

function serviceErrors(json: string): unknown[] {
  const page = JSON.parse(json) as { contents: unknown[] };
  return page.contents.flatMap((service) =>
    validateService(service) ? [] : (validateService.errors ?? []),
  );
}

describe('importing the official HSDS examples', () => {
  test.each([
    ['service_full', 'ac148810-d857-441c-9679-408f346de14b', 'Community Counselling'],
    ['service_list', 'ac148810-d857-441c-9679-408f346de14b', 'Community Counselling'],
    ['service_at_location_full', 'ac148810-d857-441c-9679-408f346de14b', 'Community Counselling'],
    ['organization_full', 'ac148810-d857-441c-9679-408f346de14b', 'Community Counselling'],
    ['organization_list', 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', 'Example Organization Inc.'],
    ['location', '3a19ff88-4620-4d17-9830-ac1d859eb5d5', 'MyCity Civic Center'],
  ])('%s gives one partner, keeping its HSDS id', (file, id, name) => {
    const partners = partnersOf(importHsdsJson(example(file)));
    expect(partners.map((partner) => [partner.id, partner.name])).toEqual([[id, name]]);
  });

  test('service_full keeps every field Balie models', () => {
    const result = importHsdsJson(example('service_full'));
    expect(partnersOf(result)).toEqual([
      {
        id: 'ac148810-d857-441c-9679-408f346de14b',
        name: 'Community Counselling',
        organization: 'Example Organization Inc.',
        description:
          'Counselling Services provided by trained professionals. Suitable for people with mental health conditions such as anxiety, depression, or eating disorders as well as people experiencing difficult life events and circumstances.',
        topics: [],
        address: { street: '1-30 Main Street', postcode: 'ABC 1234', city: 'MyCity' },
        phone: '+44 1234 234567',
        email: 'email@example.com',
        website: 'http://example.com/counselling',
        openingHours: {
          weekly: [
            { day: 4, opens: '10:00', closes: '18:00' },
            { day: 5, opens: '10:00', closes: '18:00' },
          ],
          exceptions: [],
        },
        walkInHours: { weekly: [], exceptions: [] },
        languages: [{ code: 'ur', name: 'Urdu' }],
        targetGroups: [],
        lastVerified: '2005-01-01',
        hsds: {
          organization: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610',
          location: '3a19ff88-4620-4d17-9830-ac1d859eb5d5',
          address: '74706e55-df26-4b84-80fe-ecc30b5befb4',
          serviceAtLocation: 'e94c9f38-1e8f-4564-91d4-d53501ab1765',
          phone: '1554f2e2-a373-45db-a3fa-9fc48a61c15e',
        },
      },
    ]);
    // The example's rule also limits weeks and month days; Balie says so instead of guessing.
    expect(result.ok && result.warnings.map(describeIssue)).toEqual([
      "Dienst 1 (Community Counselling), kolom Openingstijden: rooster 'The service is available from 10 am to 6…' is overgenomen, maar zonder einddatum, aantal keer, weeknummers, dagen van de maand, dagen van het jaar en begindatum. Controleer de tijden.",
    ]);
  });

  test('importing the same file twice gives the same ids', () => {
    const ids = () => partnersOf(importHsdsJson(example('organization_full'))).map(({ id }) => id);
    expect(ids()).toEqual(ids());
  });

  test.each([
    [
      'not JSON',
      '{"name": ',
      'Bestand: dit bestand is geen geldige JSON. Kies een HSDS-bestand dat eindigt op .json.',
    ],
    [
      'a taxonomy term',
      example('taxonomy_term'),
      'Onderdeel 1: dit is geen HSDS-dienst, -organisatie of -locatie.',
    ],
    ['an empty list', '[]', 'Bestand: er staan geen partners in dit bestand.'],
  ])('%s is refused', (_name, text, message) => {
    const result = importHsdsJson(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map(describeIssue)).toEqual([message]);
  });

  test('one bad service spoils the whole import, and every problem is named', () => {
    const services = [
      { id: 'ac148810-d857-441c-9679-408f346de14b', name: 'Goed', status: 'active' },
      { id: 'b1c8f3a2-0000-4000-8000-000000000001', name: '', status: 'active' },
    ];
    const result = importHsdsJson(JSON.stringify(services));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: 'value',
          field: 'name',
          problem: { code: 'missing' },
          place: { kind: 'record', record: 'service', number: 2 },
        },
      ],
    });
    expect(!result.ok && result.errors.map(describeIssue)).toEqual([
      'Dienst 2: de naam ontbreekt.',
    ]);
  });
});

describe('reading HSDS records', () => {
  const read = (service: object) =>
    importHsdsJson(JSON.stringify([{ status: 'active', ...service }]));

  test('markup stays text and unsafe links are dropped with a warning', () => {
    const result = read({
      id: 'svc-1',
      name: '<script>alert(1)</script>',
      description: '<img src=x onerror=alert(1)>',
      url: 'javascript:alert(1)',
      email: 'niet-een-adres',
    });
    const [partner] = partnersOf(result);
    expect(partner?.name).toBe('<script>alert(1)</script>');
    expect(partner?.description).toBe('<img src=x onerror=alert(1)>');
    expect(partner?.website).toBeUndefined();
    expect(partner?.email).toBeUndefined();
    expect(result.ok && result.warnings.map(describeIssue)).toEqual([
      "Dienst 1 (<script>alert(1)</script>), kolom E-mail: 'niet-een-adres' is geen e-mailadres en is weggelaten.",
      "Dienst 1 (<script>alert(1)</script>), kolom Website: 'javascript:alert(1)' is geen webadres en is weggelaten.",
    ]);
  });

  test('an id that is no UUID becomes one, the same at every import', () => {
    const first = partnersOf(read({ id: 'svc-1', name: 'A' }))[0]?.id;
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(partnersOf(read({ id: 'svc-1', name: 'A' }))[0]?.id).toBe(first);
  });

  test('a closed-down service is skipped with a warning', () => {
    const result = importHsdsJson(
      JSON.stringify([
        { id: 'ac148810-d857-441c-9679-408f346de14b', name: 'Open', status: 'active' },
        { id: 'b1c8f3a2-0000-4000-8000-000000000001', name: 'Weg', status: 'defunct' },
      ]),
    );
    expect(partnersOf(result).map(({ name }) => name)).toEqual(['Open']);
    expect(result.ok && result.warnings.map(describeIssue)).toEqual([
      'Dienst 2 (Weg): deze dienst is opgeheven (status defunct) en is overgeslagen.',
    ]);
  });

  test.each([
    [
      'monthly on the first and third Tuesday',
      { freq: 'MONTHLY', byday: '1TU,3TU', opens_at: '19:00', closes_at: '21:00' },
      { weekly: [{ day: 2, opens: '19:00', closes: '21:00', weeks: [1, 3] }], exceptions: [] },
    ],
    [
      'weekly on the weekday of dtstart',
      { freq: 'WEEKLY', dtstart: '2025-03-05', opens_at: '09:00:00', closes_at: '12:00:00' },
      { weekly: [{ day: 3, opens: '09:00', closes: '12:00' }], exceptions: [] },
    ],
    [
      'a dated closing',
      { valid_from: '2025-12-25', valid_to: '2025-12-26', notes: 'Kerst' },
      {
        weekly: [],
        exceptions: [{ from: '2025-12-25', to: '2025-12-26', periods: [], note: 'Kerst' }],
      },
    ],
    [
      'every other week, kept as a note',
      {
        freq: 'WEEKLY',
        interval: 2,
        byday: 'MO',
        opens_at: '09:00',
        closes_at: '12:00',
        description: 'Om de week op maandag',
      },
      { weekly: [], exceptions: [], note: 'Om de week op maandag' },
    ],
  ])('schedule: %s', (_name, schedule, openingHours) => {
    const [partner] = partnersOf(read({ name: 'A', schedules: [{ id: 's1', ...schedule }] }));
    expect(partner?.openingHours).toEqual(openingHours);
  });

  test('a schedule marked as walk-in becomes walk-in hours', () => {
    const schedule = {
      id: 's1',
      freq: 'WEEKLY',
      byday: 'WE',
      opens_at: '10:00',
      closes_at: '12:00',
      attending_type: 'Walk-in, no appointment',
    };
    const [partner] = partnersOf(read({ name: 'A', schedules: [schedule] }));
    expect(partner?.walkInHours.weekly).toEqual([{ day: 3, opens: '10:00', closes: '12:00' }]);
    expect(partner?.openingHours.weekly).toEqual([]);
  });
});

describe('exporting HSDS JSON', () => {
  const partners = generatePartners(60, 2);

  test('every service validates against the official schema', () => {
    expect(serviceErrors(exportHsdsJson(partners))).toEqual([]);
  });

  test('the schema check is not a formality: a broken service fails it', () => {
    const page = JSON.parse(exportHsdsJson(partners.slice(0, 1))) as { contents: object[] };
    const broken = {
      ...page,
      contents: page.contents.map((service) => ({ ...service, id: 'x', status: 'open' })),
    };
    expect(serviceErrors(JSON.stringify(broken)).length).toBeGreaterThanOrEqual(2);
  });

  test('a map read from the official examples exports valid HSDS again', () => {
    for (const file of ['service_full', 'organization_full', 'location', 'organization_list']) {
      expect(serviceErrors(exportHsdsJson(partnersOf(importHsdsJson(example(file)))))).toEqual([]);
    }
  });

  test('the parts validate against their own schemas too', () => {
    const page = JSON.parse(exportHsdsJson(partners.slice(0, 5))) as {
      contents: {
        organization: unknown;
        schedules: unknown[];
        phones: unknown[];
        languages: unknown[];
        service_at_locations: { location: unknown }[];
      }[];
    };
    const objects: [string, unknown[]][] = [
      ['organization', page.contents.map((service) => service.organization)],
      ['schedule', page.contents.flatMap((service) => service.schedules)],
      ['phone', page.contents.flatMap((service) => service.phones)],
      ['language', page.contents.flatMap((service) => service.languages)],
      [
        'location',
        page.contents.flatMap((service) => service.service_at_locations.map((sal) => sal.location)),
      ],
    ];
    for (const [name, records] of objects) {
      const validate = parts.getSchema(`${name}.json`);
      if (validate === undefined) throw new Error(`no schema ${name}`);
      expect(records.length).toBeGreaterThan(0);
      for (const record of records)
        expect([name, validate(record), validate.errors]).toEqual([name, true, null]);
    }
  });

  test('a round trip keeps every field Balie models, and never the local notes', () => {
    const json = exportHsdsJson(partners);
    expect(json).not.toContain('Bellen werkt beter dan mailen');
    const again = partnersOf(importHsdsJson(json));
    expect(again.map(withoutRefs)).toEqual(partners.map(detailsOf));
    // The second round trip keeps the HSDS ids of the first as well.
    expect(partnersOf(importHsdsJson(exportHsdsJson(again)))).toEqual(again);
  });

  test('topics are exported with their catalogue labels', () => {
    const [first] = partners;
    const json = exportHsdsJson(partners.slice(0, 1));
    const label = DEFAULT_CATALOGUE.topics.find((topic) => topic.id === first?.topics[0])?.label;
    expect(json).toContain(`"name": "${label}"`);
  });

  test('exporting twice gives the same text', () => {
    expect(exportHsdsJson(partners)).toBe(exportHsdsJson(partners));
  });

  test('markup is exported as the text it is', () => {
    const [partner] = generatePartners(1, 9) as [Partner];
    const json = exportHsdsJson([{ ...partner, name: '<script>alert(1)</script>' }]);
    expect((JSON.parse(json) as { contents: { name: string }[] }).contents[0]?.name).toBe(
      '<script>alert(1)</script>',
    );
  });
});
