// A small organisation with history, for the tests that move or restore a whole database:
// three locations, a desk device (its token), a manager, and generated visits with revisions
// and tombstones uploaded in batches; `snapshot` is what must survive the move.

import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../../server/secrets';
import type { Store } from '../../../server/store';
import { DAYS, generateRevisions, shuffled } from './reports-data';

export interface Seeded {
  readonly organisation: string;
  readonly token: string;
}

export async function seedStore(store: Store, visits = 300): Promise<Seeded> {
  const organisation = (await store.org.organisation()).id;
  const locations: string[] = [];
  for (const name of ['Centrum', 'Oost', 'Zuid']) {
    const made = await store.org.addLocation(organisation, {
      name,
      gemeente: name === 'Zuid' ? 'Houten' : 'Utrecht',
      kind: 'vaste-balie',
      hours: '',
      staffing: '',
    });
    if (made === 'taken') throw new Error('taken');
    locations.push(made.id);
  }
  const { device, token } = await store.createDevice('balie', 'desk', locations[0]);
  await store.managers.add(organisation, 'Anna', await hashPassword('een lang wachtwoord'));
  await store.org.audit(organisation, 'test', 'location.created', { locations: locations.length });
  const sender = { id: device.id, organisation_id: organisation };
  const revisions = shuffled(generateRevisions(11, visits, locations), 5);
  for (let i = 0; i < revisions.length; i += 100) {
    const outcome = await store.ingest(
      randomUUID(),
      sender,
      randomUUID(),
      revisions.slice(i, i + 100),
    );
    if (outcome.kind !== 'stored') throw new Error('not stored');
  }
  return { organisation, token };
}

/** What a moved or restored database must answer as the original did. */
export async function snapshot(store: Store, seeded: Seeded) {
  const days = [...DAYS].sort();
  return {
    report: await store.report({
      organisationId: seeded.organisation,
      from: days[0] as string,
      to: days.at(-1) as string,
    }),
    records: await store.countRecords(),
    token: (await store.checkToken(seeded.token)).ok,
    managers: (await store.managers.list(seeded.organisation)).map((manager) => manager.name),
    locations: (await store.org.locations(seeded.organisation)).map((location) => location.name),
  };
}
