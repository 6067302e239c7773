// The change signal (src/data/changes.ts): Dexie's writes announced once committed, with the
// `state` keys they wrote, nothing for a transaction that failed, and other contexts told.

import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { announce, type Topic, touches, watch } from '../../../src/data/changes';
import { BalieDb } from '../../../src/data/db';

let db: BalieDb;
const stops: (() => void)[] = [];

beforeEach(async () => {
  db = new BalieDb(`test-${randomUUID()}`);
  await db.open();
});

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await db.delete();
});

/** Every change of `topics` heard, as the number of partners stored when it was heard. */
function listen(topics: readonly Topic[]): number[] {
  const heard: number[] = [];
  stops.push(
    watch(db.name, topics, () => {
      void db.partners.count().then((count) => heard.push(count));
    }),
  );
  return heard;
}

const partner = (id: string) => ({ id, name: id, topics: ['digid'] }) as never;
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('which views a change reaches', () => {
  test.each([
    [['visits'], ['visits'], true],
    [['visits'], ['queue'], false],
    [['state:progress'], ['state:progress'], true],
    [['state:progress'], ['state:retry'], false],
    [['state:progress'], ['state'], true],
    [['state'], ['state:maps'], true],
    [['queue', 'outbox'], ['outbox'], true],
  ] as const)('watching %j, a change of %j: %s', (watched, changed, reached) => {
    expect(touches(watched, changed)).toBe(reached);
  });
});

describe("Dexie's writes", () => {
  test('are announced once committed, so a view reads what was written', async () => {
    const heard = listen(['partners']);
    await db.transaction('rw', db.partners, async () => {
      await db.partners.put(partner('a'));
      await db.partners.put(partner('b'));
    });
    await settle();
    expect(heard).toEqual([2]);
  });

  test('name the state keys they wrote', async () => {
    const progress = listen(['state:progress']);
    const catalogue = listen(['state:catalogue']);
    await db.state.put({ key: 'progress', value: { sent: 1, total: 2, updatedAt: 3 } });
    await settle();
    expect(progress).toHaveLength(1);
    expect(catalogue).toHaveLength(0);
  });

  test('a transaction that failed announces nothing', async () => {
    const heard = listen(['partners']);
    await expect(
      db.transaction('rw', db.partners, async () => {
        await db.partners.put(partner('a'));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    await settle();
    expect(heard).toEqual([]);
    expect(await db.partners.count()).toBe(0);
  });

  test('another database is not heard', async () => {
    const other = new BalieDb(`test-${randomUUID()}`);
    const heard = listen(['partners']);
    await other.partners.put(partner('a'));
    await settle();
    await other.delete();
    expect(heard).toEqual([]);
  });
});

describe('other contexts', () => {
  test('hear every change through the channel', async () => {
    const channel = new BroadcastChannel('balie-changes');
    const received: unknown[] = [];
    channel.onmessage = (event) => received.push(event.data);
    await db.visits.delete('none');
    await settle();
    channel.close();
    expect(received).toEqual([{ db: db.name, topics: ['visits'] }]);
  });

  test('are heard here, and a message of another shape is ignored', async () => {
    const heard = listen(['queue']);
    const channel = new BroadcastChannel('balie-changes');
    channel.postMessage({ db: db.name, topics: 'queue' });
    channel.postMessage('queue');
    channel.postMessage({ db: db.name, topics: ['queue'] });
    await settle();
    channel.close();
    expect(heard).toEqual([0]);
  });

  test('an announcement of nothing tells no one', async () => {
    const heard = listen(['queue']);
    announce(db.name, []);
    await settle();
    expect(heard).toEqual([]);
  });
});
