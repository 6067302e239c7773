import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { TABLES } from '../../../src/core/hsds/columns';
import { importHsdsJson } from '../../../src/core/hsds/json';
import {
  exportHsdsTables,
  exportHsdsZip,
  importHsdsTables,
  importHsdsZip,
} from '../../../src/core/hsds/tabular';
import type { ImportResult } from '../../../src/core/partners/import';
import type { Partner, PartnerDetails } from '../../../src/core/partners/partner';
import { describeIssue } from '../../../src/ui/partners/issue-text';
import { generatePartners } from '../../support/partners';

const FIXTURES = join(import.meta.dirname, '../../fixtures/hsds-3.0');
const CSV_DIR = join(FIXTURES, 'csv');
const officialFiles = Object.fromEntries(
  readdirSync(CSV_DIR).map((file) => [file, readFileSync(join(CSV_DIR, file), 'utf8')]),
);

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

describe('importing the official tabular example', () => {
  test('reads the same partner as the JSON example of the same service', () => {
    const fromTables = partnersOf(importHsdsTables(officialFiles));
    const fromJson = partnersOf(
      importHsdsJson(readFileSync(join(FIXTURES, 'json/service_full.json'), 'utf8')),
    );
    expect(fromTables).toEqual(fromJson);
  });

  test('reads a zip of the folder, also when the files sit in a subfolder', () => {
    const zip = zipSync(
      Object.fromEntries(
        Object.entries(officialFiles).map(([file, text]) => [`export/${file}`, strToU8(text)]),
      ),
    );
    expect(partnersOf(importHsdsZip(zip))).toEqual(partnersOf(importHsdsTables(officialFiles)));
  });

  test('reports progress per partner', () => {
    const calls: [number, number][] = [];
    importHsdsTables(officialFiles, (done, total) => calls.push([done, total]));
    expect(calls).toEqual([[1, 1]]);
  });
});

describe('refusing what is not a package', () => {
  test.each([
    [
      'no known files',
      { 'readme.txt': 'hallo' },
      'Bestand: er staat geen services.csv, organizations.csv of locations.csv in. Kies de map of het zip-bestand van een HSDS-export.',
    ],
    [
      'an empty services file',
      { 'services.csv': 'id,name,status\n' },
      'Bestand: er staat geen services.csv, organizations.csv of locations.csv in. Kies de map of het zip-bestand van een HSDS-export.',
    ],
  ])('%s', (_name, files, message) => {
    const result = importHsdsTables(files);
    expect(!result.ok && result.errors.map(describeIssue)).toEqual([message]);
  });

  test('a broken CSV gives errors and no partners', () => {
    const services =
      'id,name,status\nac148810-d857-441c-9679-408f346de14b,Goed,active\nb1c8f3a2-0000-4000-8000-000000000001,"Kapot,active\n';
    const result = importHsdsTables({ 'services.csv': services });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map(describeIssue)).toContain(
      'services.csv, rij 3: een aanhalingsteken (") wordt niet gesloten.',
    );
  });

  test('a service without a name is an error for the whole package', () => {
    const services =
      'id,name,status\nac148810-d857-441c-9679-408f346de14b,Goed,active\nb1c8f3a2-0000-4000-8000-000000000001,,active\n';
    const result = importHsdsTables({ 'services.csv': services });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: 'value',
          field: 'name',
          problem: { code: 'missing' },
          place: { kind: 'table-row', file: 'services.csv', row: 3 },
        },
      ],
    });
    expect(!result.ok && result.errors.map(describeIssue)).toEqual([
      'services.csv, rij 3: de naam ontbreekt.',
    ]);
  });

  test('bytes that are no zip are refused', () => {
    const result = importHsdsZip(strToU8('dit is geen zip'));
    expect(!result.ok && result.errors.map(describeIssue)).toEqual([
      'Bestand: dit zip-bestand kan niet worden gelezen. Is het beschadigd, of is het geen zip-bestand?',
    ]);
  });
});

describe('exporting the tabular package', () => {
  const partners = generatePartners(80, 4);

  test('writes the official columns, in the official order, for every file it writes', () => {
    const official = JSON.parse(officialFiles['datapackage.json'] ?? '{}') as {
      resources: { name: string; path: string; schema: { fields: { name: string }[] } }[];
    };
    const files = exportHsdsTables(partners);
    const written = JSON.parse(files['datapackage.json'] ?? '{}') as typeof official;
    for (const resource of written.resources) {
      const reference = official.resources.find(({ name }) => name === resource.name);
      const columns = resource.schema.fields.map(({ name }) => name);
      expect(columns).toEqual(reference?.schema.fields.map(({ name }) => name));
      expect(resource.path).toBe(reference?.path);
      expect(files[resource.path]?.split('\r\n')[0]).toBe(columns.join(','));
    }
    expect(Object.keys(files).sort()).toEqual(
      ['datapackage.json', ...Object.values(TABLES).map(({ path }) => path)].sort(),
    );
  });

  test('a round trip through the files keeps every field Balie models', () => {
    const again = partnersOf(importHsdsTables(exportHsdsTables(partners)));
    expect(again.map(withoutRefs)).toEqual(partners.map(detailsOf));
    expect(partnersOf(importHsdsTables(exportHsdsTables(again)))).toEqual(again);
  });

  test('a round trip through a zip keeps them too, and the zip is dated by the caller', () => {
    const now = new Date(2025, 2, 3, 12, 0).getTime();
    const zip = exportHsdsZip(partners, now);
    expect(Object.keys(unzipSync(zip))).toContain('services.csv');
    expect(exportHsdsZip(partners, now)).toEqual(zip);
    expect(partnersOf(importHsdsZip(zip)).map(withoutRefs)).toEqual(partners.map(detailsOf));
  });

  test('organisations shared by partners are written once', () => {
    const [first, second] = partnersOf(
      importHsdsJson(readFileSync(join(FIXTURES, 'json/organization_full.json'), 'utf8')),
    );
    expect(second).toBeUndefined();
    const copy = {
      ...first,
      id: 'b1c8f3a2-0000-4000-8000-000000000001',
      name: 'Tweede dienst',
    } as PartnerDetails;
    const files = exportHsdsTables([first as PartnerDetails, copy]);
    expect(files['organizations.csv']?.trim().split('\r\n')).toHaveLength(2);
    expect(files['services.csv']?.trim().split('\r\n')).toHaveLength(3);
  });

  test('local notes are never written', () => {
    const files = exportHsdsTables(partners);
    expect(Object.values(files).join('\n')).not.toContain('Vraag naar het spreekuur op dinsdag');
  });
});
