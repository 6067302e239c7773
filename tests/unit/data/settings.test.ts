// What the device keeps besides visits and the outbox, read back as written, and every stored
// value fed a damaged or old shape: the read gives the default (and says a draft was lost).

import { randomUUID } from 'node:crypto';
import { createStore, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { NO_CUSTOMISATION } from '../../../src/core/registration/catalogue';
import { newDraft, type VisitDraft } from '../../../src/core/registration/draft';
import { INITIAL_RETRY_STATE } from '../../../src/core/upload/outbox';
import { BalieDb, type StateRow } from '../../../src/data/db';
import {
  readCustomisation,
  readFavourites,
  readProgress,
  readRetryState,
} from '../../../src/data/desk-reads';
import { readMapStates } from '../../../src/data/partner-reads';
import {
  forgetDraft,
  readDevice,
  readDraft,
  readFollowedMap,
  readUploadTimeout,
  saveDevice,
  saveDraft,
  saveFollowedMap,
} from '../../../src/data/settings';

/** Writes straight into the settings store, as a damaged disk or an older version would. */
const writeRaw = (key: string, value: unknown) =>
  set(key, value, createStore('balie-settings', 'settings'));

const draft: VisitDraft = {
  ...newDraft(randomUUID(), '2026-11-23', 14, 'digitale-overheid'),
  duration: '15-30',
  note: 'Brief van de gemeente',
  questions: [
    {
      domain: 'digitale-overheid',
      topic: 'toeslagen',
      digidStep: null,
      organisations: ['belastingdienst'],
      help: ['uitleg', 'doorverwezen'],
      course: null,
      referralKind: 'formulierenhulp',
      referralWarm: true,
      partnerId: 'partner-1',
    },
  ],
};

describe('settings (idb-keyval)', () => {
  test('a half-filled draft is read back exactly as it was saved, and is gone once forgotten', async () => {
    await saveDraft('new', draft);
    expect(await readDraft('new')).toEqual({ draft, lost: false });
    await forgetDraft('new');
    expect(await readDraft('new')).toEqual({ draft: null, lost: false });
  });

  test('the new draft and a change to a saved visit are kept apart', async () => {
    await saveDraft('new', draft);
    await saveDraft('edit', { ...draft, editing: true });
    expect((await readDraft('new')).draft?.editing).toBe(false);
    expect((await readDraft('edit')).draft?.editing).toBe(true);
  });

  test.each([
    ['not an object', 'hallo'],
    ['a question missing a field', { ...draft, questions: [{ domain: 'digitale-overheid' }] }],
    ['no questions at all', { ...draft, questions: [] }],
    ['an hour out of range', { ...draft, hour: 31 }],
    ['an older shape without needs', (({ needs: _n, ...rest }) => rest)(draft)],
  ])('a damaged draft (%s) reads as none, and says it was lost', async (_name, value) => {
    await writeRaw('draft', value);
    expect(await readDraft('new')).toEqual({ draft: null, lost: true });
  });

  test('the enrolment is checked when read: a damaged one counts as not enrolled', async () => {
    const device = {
      endpoint: 'https://balie.example.nl/api',
      token: 'a-long-enough-device-token',
      deviceId: randomUUID(),
      location: 'Bibliotheek Teststad',
    };
    await saveDevice(device);
    expect(await readDevice()).toEqual(device);
    await writeRaw('device', { ...device, endpoint: 'javascript:alert(1)' });
    expect(await readDevice()).toBeUndefined();
    await writeRaw('device', 42);
    expect(await readDevice()).toBeUndefined();
  });

  test('the followed map is an http(s) address or nothing', async () => {
    await saveFollowedMap('https://kaart.gemeente.nl/hsds.json');
    expect(await readFollowedMap()).toBe('https://kaart.gemeente.nl/hsds.json');
    await writeRaw('map-follow-url', 'javascript:alert(1)');
    expect(await readFollowedMap()).toBeNull();
    await writeRaw('map-follow-url', { url: 'https://x.nl' });
    expect(await readFollowedMap()).toBeNull();
    await saveFollowedMap(null);
    expect(await readFollowedMap()).toBeNull();
  });

  test('the upload time-out is a sane number of milliseconds or the default', async () => {
    await writeRaw('uploadTimeoutMs', 2_000);
    expect(await readUploadTimeout()).toBe(2_000);
    for (const bad of ['2000', -5, 0.5, 10 ** 12, null]) {
      await writeRaw('uploadTimeoutMs', bad);
      expect(await readUploadTimeout()).toBeUndefined();
    }
  });
});

describe('state rows (Dexie)', () => {
  let db: BalieDb;
  beforeEach(async () => {
    db = new BalieDb(`test-${randomUUID()}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });
  const putRaw = (key: StateRow['key'], value: unknown) =>
    db.state.put({ key, value } as unknown as StateRow);

  test.each([
    ['retry', { attempts: 'many' }, () => readRetryState(db.desk), INITIAL_RETRY_STATE],
    [
      'retry',
      { ...INITIAL_RETRY_STATE, lastError: { code: 'gone', at: 1 } },
      () => readRetryState(db.desk),
      INITIAL_RETRY_STATE,
    ],
    ['progress', { sent: 1 }, () => readProgress(db.desk), null],
    [
      'catalogue',
      { revision: 1, hidden: 'digid', added: [] },
      () => readCustomisation(db.desk),
      NO_CUSTOMISATION,
    ],
    [
      'catalogue',
      { revision: 2, hidden: [], added: [{ id: 'x', label: 'X', list: 'nope' }] },
      () => readCustomisation(db.desk),
      NO_CUSTOMISATION,
    ],
    ['favourites', [{ id: 'f1', channel: 'balie' }], () => readFavourites(db.desk), []],
    [
      'maps',
      { 'https://x.nl/map': { url: 'https://x.nl/map', checkedAt: 'gisteren' } },
      () => readMapStates(db),
      {},
    ],
  ] as const)('a damaged %s row reads as its default', async (key, value, read, fallback) => {
    await putRaw(key, value);
    expect(await read()).toEqual(fallback);
  });

  test('rows in the right shape are read as stored', async () => {
    const retry = { ...INITIAL_RETRY_STATE, attempts: 3, lastError: { code: 'timeout', at: 5 } };
    await putRaw('retry', retry);
    expect(await readRetryState(db.desk)).toEqual(retry);
    const custom = {
      revision: 2,
      hidden: ['digid'],
      added: [{ id: 'lokaal-x', label: 'X', list: 'topics', domain: 'overig' }],
    };
    await putRaw('catalogue', custom);
    expect(await readCustomisation(db.desk)).toEqual(custom);
  });
});
