// The registration at the trust boundary: strict records, tombstones, the batch envelope.

import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { describeIssues } from '../../../server/reasons';
import { NOTE_MAX_LENGTH } from '../../../src/core/registration/privacy';
import { OptionId, Question, VisitContent } from '../../../src/core/registration/schema';
import {
  BatchEnvelope,
  isTombstone,
  MAX_RECORDS_PER_BATCH,
  parseUploadRecord,
  Tombstone,
  type UploadRecord,
  VisitRecord,
} from '../../../src/core/upload/batch';
import { BatchReply } from '../../../src/core/upload/reply';

const question = (over: Record<string, unknown> = {}) => ({
  domain: 'digitale-overheid',
  topic: 'digid',
  organisations: [],
  help: ['uitleg'],
  ...over,
});

const visit = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  rev: 1,
  catalogueVersion: 'ido-2024.1',
  location: 'Bibliotheek Teststad',
  day: '2026-11-23',
  hour: 10,
  channel: 'balie',
  duration: 'tot-15',
  needs: [],
  questions: [question()],
  ...over,
});

const content = (over: Record<string, unknown> = {}) => {
  const { id: _id, rev: _rev, ...rest } = visit(over);
  return rest;
};

describe('OptionId', () => {
  test.each([
    ['digid', true],
    ['tot-15', true],
    ['15-30', true],
    ['lokaal-spreekuur-x7', true],
    ['a'.repeat(60), true],
    ['a'.repeat(61), false],
    ['', false],
    ['-digid', false],
    ['DigiD', false],
    ['digi d', false],
    ['digid;drop', false],
  ])('%s → %s', (id, ok) => {
    expect(OptionId.safeParse(id).success).toBe(ok);
  });
});

describe('Question', () => {
  test.each([
    ['minimal', question()],
    ['with DigiD step', question({ digidStep: 'activeren' })],
    ['with course', question({ help: ['cursus'], course: 'klik-tik' })],
    [
      'with referral',
      question({ help: ['doorverwezen'], referral: { kind: 'sociaal-raadslieden', warm: true } }),
    ],
    ['with organisations', question({ organisations: ['uwv', 'gemeente'] })],
  ])('valid: %s', (_name, value) => {
    expect(Question.safeParse(value).success).toBe(true);
  });

  test.each([
    ['missing topic', { domain: 'overig', organisations: [], help: [] }],
    ['missing help', { domain: 'overig', topic: 'anders', organisations: [] }],
    ['unknown field naam', question({ naam: 'Jan' })],
    [
      'referral with extra field',
      question({ referral: { kind: 'anders', warm: false, partner: 'x' } }),
    ],
    ['referral without warm', question({ referral: { kind: 'anders' } })],
    ['bad option id', question({ topic: 'Digid!' })],
    [
      'too many organisations',
      question({ organisations: Array.from({ length: 21 }, () => 'uwv') }),
    ],
    ['too many help', question({ help: Array.from({ length: 11 }, () => 'uitleg') })],
    ['null course', question({ course: null })],
  ])('invalid: %s', (_name, value) => {
    expect(Question.safeParse(value).success).toBe(false);
  });
});

describe('VisitContent and VisitRecord', () => {
  test('a complete visit is valid, as content and as a record', () => {
    expect(VisitContent.safeParse(content()).success).toBe(true);
    expect(VisitRecord.safeParse(visit()).success).toBe(true);
  });

  test.each([
    ['needs', { needs: ['meekijken', 'overheidstaal'] }],
    ['hour 0', { hour: 0 }],
    ['hour 23', { hour: 23 }],
    ['a clean note', { note: 'Volgende week terug voor de DigiD-app.' }],
    ['a note of exactly the maximum length', { note: 'x'.repeat(NOTE_MAX_LENGTH) }],
    ['twenty questions', { questions: Array.from({ length: 20 }, () => question()) }],
    ['location of 80 characters', { location: 'L'.repeat(80) }],
    ['rev 1 000 000', { rev: 1_000_000 }],
  ])('valid record with %s', (_name, over) => {
    expect(VisitRecord.safeParse(visit(over)).success).toBe(true);
  });

  test.each([
    ['an extra field name', { name: 'Jan Jansen' }],
    ['an extra field bsn', { bsn: '123456782' }],
    ['an extra field naam', { naam: 'Jan' }],
    ['an extra field deleted: false', { deleted: false }],
    ['a note with a BSN', { note: 'BSN 123456782' }],
    ['a note with a phone number', { note: 'bel 06-12345678' }],
    ['a note with an e-mail address', { note: 'jan@example.com' }],
    ['a note with an IBAN', { note: 'NL91ABNA0417164300' }],
    ['a note with an address', { note: 'Dorpsstraat 5, 1234AB' }],
    ['a note that is too long', { note: 'x'.repeat(NOTE_MAX_LENGTH + 1) }],
    ['rev 0', { rev: 0 }],
    ['rev −1', { rev: -1 }],
    ['rev 1.5', { rev: 1.5 }],
    ['rev 1 000 001', { rev: 1_000_001 }],
    ['rev as a string', { rev: '1' }],
    ['an id that is not a UUID', { id: 'visit-1' }],
    ['an empty id', { id: '' }],
    ['hour 24', { hour: 24 }],
    ['hour −1', { hour: -1 }],
    ['hour 10.5', { hour: 10.5 }],
    ['a timestamp as day', { day: '2026-11-23T10:15:00Z' }],
    ['an impossible day', { day: '2026-02-30' }],
    ['a Dutch-format day', { day: '23-11-2026' }],
    ['no questions', { questions: [] }],
    ['21 questions', { questions: Array.from({ length: 21 }, () => question()) }],
    ['an empty location', { location: '' }],
    ['a location of 81 characters', { location: 'L'.repeat(81) }],
    ['an empty catalogue version', { catalogueVersion: '' }],
    ['a catalogue version of 61 characters', { catalogueVersion: 'v'.repeat(61) }],
    ['too many needs', { needs: Array.from({ length: 11 }, () => 'wegwijs') }],
    ['a bad channel id', { channel: 'Aan de balie' }],
    ['a question with an extra field', { questions: [question({ bsn: '123456782' })] }],
  ])('invalid record with %s', (_name, over) => {
    expect(VisitRecord.safeParse(visit(over)).success).toBe(false);
  });

  test.each(['id', 'rev', 'day', 'hour', 'channel', 'duration', 'needs', 'questions', 'location'])(
    'a record without %s is invalid',
    (field) => {
      const record: Record<string, unknown> = visit();
      delete record[field];
      expect(VisitRecord.safeParse(record).success).toBe(false);
    },
  );

  test('content refuses id and rev: they belong to the record', () => {
    expect(VisitContent.safeParse(visit()).success).toBe(false);
  });

  test('the privacy guard on a note reports its code (the endpoint phrases it)', () => {
    const result = VisitRecord.safeParse(visit({ note: 'BSN 123456782' }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['note']);
    expect(result.error?.issues[0]?.message).toBe('identifying-data');
    expect(describeIssues(result.error?.issues ?? [])).toBe(
      'Niet geldig: note: De notitie bevat gegevens die een bezoeker herkenbaar maken.',
    );
  });
});

describe('Tombstone', () => {
  const id = randomUUID();
  test('id, rev and deleted: true is a tombstone', () => {
    expect(Tombstone.safeParse({ id, rev: 2, deleted: true }).success).toBe(true);
  });

  test.each([
    ['deleted: false', { id, rev: 2, deleted: false }],
    ['deleted: "true"', { id, rev: 2, deleted: 'true' }],
    ['no rev', { id, deleted: true }],
    ['rev 0', { id, rev: 0, deleted: true }],
    ['a bad id', { id: 'x', rev: 2, deleted: true }],
    ['content fields', { id, rev: 2, deleted: true, location: 'Bibliotheek Teststad' }],
    ['a reason', { id, rev: 2, deleted: true, reason: 'dubbel ingevoerd' }],
  ])('invalid with %s', (_name, value) => {
    expect(Tombstone.safeParse(value).success).toBe(false);
  });
});

describe('parseUploadRecord', () => {
  test('reads a live revision and a tombstone, and tells them apart', () => {
    const live = parseUploadRecord(visit());
    const gone = parseUploadRecord({ id: randomUUID(), rev: 3, deleted: true });
    expect(live.success && gone.success).toBe(true);
    expect(isTombstone(live.data as UploadRecord)).toBe(false);
    expect(isTombstone(gone.data as UploadRecord)).toBe(true);
  });

  test('a full visit marked deleted is checked as a tombstone, and refused for its content', () => {
    const result = parseUploadRecord(visit({ deleted: true }));
    expect(result.success).toBe(false);
  });

  test('deleted: false is not a tombstone, and not a live record either', () => {
    expect(parseUploadRecord({ id: randomUUID(), rev: 3, deleted: false }).success).toBe(false);
    expect(parseUploadRecord(visit({ deleted: false })).success).toBe(false);
  });

  test.each([null, undefined, 42, 'visit', [], [visit()], {}])('refuses %j', (value) => {
    expect(parseUploadRecord(value).success).toBe(false);
  });

  test('returns the parsed record without anything added', () => {
    const record = visit({ note: 'Terug voor de DigiD-app.' });
    const result = parseUploadRecord(record);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(record);
  });
});

describe('BatchEnvelope', () => {
  const envelope = (over: Record<string, unknown> = {}) => ({
    batchId: randomUUID(),
    deviceId: randomUUID(),
    records: [visit()],
    ...over,
  });

  test('a batch with one record is valid; records are not checked here', () => {
    expect(BatchEnvelope.safeParse(envelope()).success).toBe(true);
    // One bad record must not spoil the envelope: records are read one by one later.
    expect(BatchEnvelope.safeParse(envelope({ records: [visit(), { naam: 'x' }] })).success).toBe(
      true,
    );
  });

  test(`a batch holds at most ${MAX_RECORDS_PER_BATCH} records`, () => {
    const records = (n: number) => Array.from({ length: n }, () => ({}));
    expect(
      BatchEnvelope.safeParse(envelope({ records: records(MAX_RECORDS_PER_BATCH) })).success,
    ).toBe(true);
    expect(
      BatchEnvelope.safeParse(envelope({ records: records(MAX_RECORDS_PER_BATCH + 1) })).success,
    ).toBe(false);
  });

  test.each([
    ['no records', { records: [] }],
    ['records not an array', { records: {} }],
    ['a batchId that is not a UUID', { batchId: 'batch-1' }],
    ['a numeric deviceId', { deviceId: 7 }],
    ['an extra field', { sentAt: '2026-11-23T10:00:00Z' }],
  ])('invalid with %s', (_name, over) => {
    expect(BatchEnvelope.safeParse(envelope(over)).success).toBe(false);
  });

  test.each([null, [], 'batch', 1])('refuses %j as an envelope', (value) => {
    expect(BatchEnvelope.safeParse(value).success).toBe(false);
  });
});

describe('BatchReply', () => {
  test('reads per-record results, with and without reasons, and ignores extra fields', () => {
    const reply = {
      results: [
        { id: randomUUID(), rev: 1, status: 'accepted' },
        { id: null, rev: null, status: 'rejected', reason: 'Niet geldig' },
      ],
      server: 'balie',
    };
    expect(BatchReply.safeParse(reply).success).toBe(true);
  });

  test.each([
    ['an unknown status', { results: [{ id: 'a', rev: 1, status: 'ok' }] }],
    ['no results', {}],
    [
      'a reason over 2000 characters',
      { results: [{ id: 'a', rev: 1, status: 'rejected', reason: 'x'.repeat(2001) }] },
    ],
  ])('refuses %s', (_name, value) => {
    expect(BatchReply.safeParse(value).success).toBe(false);
  });
});
