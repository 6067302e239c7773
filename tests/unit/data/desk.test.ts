// The desk's plain IndexedDB path (src/data/desk*.ts) next to Dexie on one database: a missing
// or older database is made by Dexie first, a newer version is let in, a save is whole or
// nothing, and every write is announced.

import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { newQuestion } from '../../../src/core/registration/draft';
import { watch } from '../../../src/data/changes';
import { BalieDb, prepareSchema } from '../../../src/data/db';
import { openDesk, SCHEMA_VERSION } from '../../../src/data/desk';
import {
  countQueued,
  partnersWithTopic,
  readFavourites,
  recentVisits,
} from '../../../src/data/desk-reads';
import { addFavourite, removeFavourite, saveVisit } from '../../../src/data/desk-writes';
import { visitContent } from '../../support/visits';

const names: string[] = [];
const closers: (() => void)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0)) close();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A desk on a fresh database name, counting how often it had Dexie prepare the schema. */
function freshDesk() {
  const name = `test-${randomUUID()}`;
  names.push(name);
  const prepared: string[] = [];
  const desk = openDesk(name, async (db) => {
    prepared.push(db);
    await prepareSchema(db);
  });
  closers.push(() => void desk.connect().then((db) => db.close()));
  return { name, desk, prepared };
}

const visit = (id = randomUUID()) => ({ id, content: visitContent(), partners: [null] });

test("the desk's schema version is the last one db.ts declares", async () => {
  const { name } = freshDesk();
  const db = new BalieDb(name);
  await db.open();
  expect(db.verno).toBe(SCHEMA_VERSION);
  expect(db.backendDB().version).toBe(SCHEMA_VERSION * 10);
  db.close();
});

describe('opening', () => {
  test('a missing database is made by Dexie, once, and then read and written directly', async () => {
    const { name, desk, prepared } = freshDesk();
    expect(await countQueued(desk)).toBe(0);
    expect(await saveVisit(desk, visit(), 1000)).toBe('saved');
    expect(await countQueued(desk)).toBe(1);
    expect(prepared).toEqual([name]);
    const db = new BalieDb(name);
    expect(await db.queue.toArray()).toMatchObject([{ seq: 1, rev: 1, state: 'queued' }]);
    db.close();
  });

  test('an older database is upgraded by Dexie first', async () => {
    const { name, desk, prepared } = freshDesk();
    const older = new Dexie(name);
    older.version(4).stores({ visits: 'id, content.day, updatedAt', state: 'key' });
    await older.open();
    older.close();
    expect(await saveVisit(desk, visit(), 1000)).toBe('saved');
    expect(prepared).toEqual([name]);
  });

  test('a newer version is let in: the connection closes for it and opens again after', async () => {
    const { name, desk } = freshDesk();
    await saveVisit(desk, visit(), 1000);
    // What a later version of Balie does when it updates the schema.
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, SCHEMA_VERSION * 10 + 10);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked by the desk'));
    });
    newer.close();
    expect(await countQueued(desk)).toBe(1);
  });
});

describe('saving', () => {
  test('writes the visit and its first outbox entry, as Dexie reads them', async () => {
    const { name, desk } = freshDesk();
    const input = visit();
    await saveVisit(desk, input, 1234);
    const db = new BalieDb(name);
    expect(await db.visits.get(input.id)).toMatchObject({
      id: input.id,
      rev: 1,
      createdAt: 1234,
      deleted: 0,
      frozenRev: 0,
    });
    expect(await db.queue.get({ id: input.id, rev: 1 })).toMatchObject({
      record: { id: input.id, rev: 1, day: input.content.day },
      queuedAt: 1234,
    });
    db.close();
    expect(await recentVisits(desk, 5)).toMatchObject([{ id: input.id }]);
  });

  test('the same id twice keeps the first', async () => {
    const { desk } = freshDesk();
    const input = visit();
    expect(await saveVisit(desk, input, 1000)).toBe('saved');
    expect(await saveVisit(desk, input, 2000)).toBe('exists');
    expect(await countQueued(desk)).toBe(1);
  });

  test('is whole or nothing: a visit whose outbox entry cannot be written is not kept', async () => {
    const { name, desk } = freshDesk();
    const input = visit();
    const db = new BalieDb(name);
    // An entry for the same revision already there breaks the unique (id, rev) index.
    await db.queue.add({
      id: input.id,
      rev: 1,
      record: { id: input.id, rev: 1, deleted: true },
      bytes: 10,
      queuedAt: 1,
      state: 'queued',
    } as never);
    await expect(saveVisit(desk, input, 1000)).rejects.toThrow();
    expect(await db.visits.get(input.id)).toBeUndefined();
    db.close();
  });

  test('is announced to the views of visits and of the outbox', async () => {
    const { name, desk } = freshDesk();
    const heard: string[] = [];
    const stops = [
      watch(name, ['visits'], () => heard.push('visits')),
      watch(name, ['queue'], () => heard.push('queue')),
      watch(name, ['state:favourites'], () => heard.push('favourites')),
    ];
    await saveVisit(desk, visit(), 1000);
    for (const stop of stops) stop();
    expect(heard).toEqual(['visits', 'queue']);
  });
});

describe('favourites', () => {
  const { partnerId: _partner, ...question } = newQuestion('digid');
  const pick = { channel: 'balie', duration: 'kort', question };

  test('are kept once, removed by id, and announced', async () => {
    const { name, desk } = freshDesk();
    let heard = 0;
    const stop = watch(name, ['state:favourites'], () => heard++);
    await addFavourite(desk, pick, 'f1');
    await addFavourite(desk, pick, 'f2');
    expect((await readFavourites(desk)).map((f) => f.id)).toEqual(['f1']);
    await removeFavourite(desk, 'f1');
    expect(await readFavourites(desk)).toEqual([]);
    stop();
    expect(heard).toBe(2);
  });
});

test('partners are found by topic through the index', async () => {
  const { name, desk } = freshDesk();
  const db = new BalieDb(name);
  await db.partners.bulkPut([
    { id: 'a', name: 'A', topics: ['digid', 'toeslagen'] },
    { id: 'b', name: 'B', topics: ['toeslagen'] },
  ] as never);
  db.close();
  expect((await partnersWithTopic(desk, 'digid')).map((p) => p.id)).toEqual(['a']);
  expect((await partnersWithTopic(desk, 'toeslagen')).map((p) => p.id)).toEqual(['a', 'b']);
});
