// The enrolment a device keeps: old ones stay valid, the endpoint's facts are taken in without
// undoing a location chosen on the device, codes are read as people type them, and the screen
// lock's waits grow.

import { describe, expect, test } from 'vitest';
import { afterWrongPin, NO_TRIES, waitAfter, waitLeft } from '../../../src/core/lock/pin';
import {
  applyDeviceFacts,
  chooseLocation,
  Device,
  listsReadOnly,
} from '../../../src/core/upload/enrolment';
import { koppelcodeMistake, readCode } from '../../../src/core/upload/koppelcode';

const A = { id: '5b2f8c1e-7d3a-4e6b-9f0c-2a4d6e8f1b3c', name: 'Bibliotheek Centrum' };
const B = { id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d', name: 'Lopend IDO' };
const C = { id: '3d5e7f91-2b4c-4a6d-8e0f-1a3b5c7d9e2f', name: 'Spreekuur De Linde' };

const old: Device = {
  endpoint: 'https://balie.example.nl/api',
  token: 'x'.repeat(43),
  location: 'Bibliotheek Centrum',
  deviceId: '0b7e4f52-1a9c-4d8e-a3f6-5c2d9e8b7a14',
};

describe('the stored enrolment', () => {
  test('an enrolment from before organisations is still valid', () => {
    expect(Device.safeParse(old).success).toBe(true);
  });

  test('a damaged field fails the parse (the device is linked again)', () => {
    expect(Device.safeParse({ ...old, role: 'admin' }).success).toBe(false);
    expect(Device.safeParse({ ...old, locations: [{ id: 'no', name: 'x' }] }).success).toBe(false);
  });
});

describe('taking in what the endpoint says', () => {
  const facts = {
    role: 'desk' as const,
    organisation: 'Bibliotheek Rivierenland',
    location: A,
    locations: [A, B],
    screenLock: { minutes: 5 },
    listsRevision: 3,
  };

  test('an old device gets its location id, organisation, role, locations and lock', () => {
    expect(applyDeviceFacts(old, facts)).toEqual({
      ...old,
      location: A.name,
      locationId: A.id,
      homeLocationId: A.id,
      organisation: 'Bibliotheek Rivierenland',
      role: 'desk',
      locations: [A, B],
      screenLock: { minutes: 5 },
      listsRevision: 3,
    });
  });

  test('a location chosen on the device stays while it is open', () => {
    const walking = chooseLocation(applyDeviceFacts(old, facts), B.id);
    expect(walking).toMatchObject({ location: B.name, locationId: B.id });
    expect(applyDeviceFacts(walking, facts)).toMatchObject({ locationId: B.id });
  });

  test('a closed location gives way to the home location', () => {
    const walking = chooseLocation(applyDeviceFacts(old, facts), B.id);
    expect(applyDeviceFacts(walking, { ...facts, locations: [A] })).toMatchObject({
      locationId: A.id,
      location: A.name,
    });
  });

  test('a manager moving the device wins over the choice on the device', () => {
    const walking = chooseLocation(applyDeviceFacts(old, facts), B.id);
    const moved = applyDeviceFacts(walking, { ...facts, location: C, locations: [A, B, C] });
    expect(moved).toMatchObject({ locationId: C.id, homeLocationId: C.id });
  });

  test('an unknown location id changes nothing', () => {
    const linked = applyDeviceFacts(old, facts);
    expect(chooseLocation(linked, C.id)).toEqual(linked);
  });

  test('the lists are read-only on a desk device, or once the organisation sent some', () => {
    expect(listsReadOnly(old)).toBe(false);
    expect(listsReadOnly({ ...old, role: 'desk' })).toBe(true);
    expect(listsReadOnly({ ...old, role: 'manager', listsRevision: 0 })).toBe(false);
    expect(listsReadOnly({ ...old, role: 'manager', listsRevision: 2 })).toBe(true);
  });
});

describe('reading a typed code', () => {
  test.each([
    ['7KQM-4P2X', '7KQM4P2X'],
    [' 7kqm 4p2x ', '7KQM4P2X'],
    ['7kq-m4p-2x', '7KQM4P2X'],
  ])('%j is the koppelcode %s', (typed, code) => {
    expect(readCode(typed)).toEqual({ kind: 'koppelcode', code });
  });

  test('a long code pasted in the field is a token', () => {
    const token = 'Abc_def-123456789012345678901234567890123';
    expect(readCode(` ${token} `)).toEqual({ kind: 'token', token });
  });

  test.each(['', '7KQM-4P2', '7KQM-4P2O', 'IKQM4P2X', 'short token'])('%j is nothing', (typed) => {
    expect(readCode(typed)).toBeNull();
  });

  test.each([
    ['ABCD-1234', { kind: 'characters', characters: ['1'] }],
    ['0ol1-ixyz', { kind: 'characters', characters: ['0', 'O', 'L', '1', 'I'] }],
    ['7KQM-4P2', { kind: 'length', length: 7 }],
    ['', { kind: 'empty' }],
    [' - ', { kind: 'empty' }],
    ['7kqm 4p2x z', { kind: 'length', length: 9 }],
    // A long code with something wrong in it is not a koppelcode with a typo.
    ['Abc_def-12345678 9012345', { kind: 'not-a-code' }],
  ])('what is wrong with %j', (typed, mistake) => {
    expect(koppelcodeMistake(typed)).toEqual(mistake);
  });
});

describe('the screen lock waits', () => {
  test('grow after the second wrong try: 0, 0, 5 s, 15 s, 30 s, 60 s …, at most 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(waitAfter)).toEqual([
      0, 0, 5_000, 15_000, 30_000, 60_000, 120_000, 900_000,
    ]);
  });

  test('a wrong try counts and sets the wait from now', () => {
    let tries = NO_TRIES;
    for (let i = 0; i < 3; i++) tries = afterWrongPin(tries, 1_000);
    expect(tries).toEqual({ failures: 3, waitUntil: 6_000 });
    expect(waitLeft(tries, 2_000)).toBe(4_000);
    expect(waitLeft(tries, 7_000)).toBe(0);
  });
});
