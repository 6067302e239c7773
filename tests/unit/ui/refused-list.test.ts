// A record the endpoint refused for its location offers the other locations to send it from,
// never the refused one again; with none other, it says to ask the beheerder.

import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { expect, test } from 'vitest';
import { DEFAULT_CATALOGUE, NO_CUSTOMISATION } from '../../../src/core/registration/catalogue';
import type { OutboxEntry } from '../../../src/data/db';
import { RefusedList } from '../../../src/ui/sync/RefusedList';
import { visitContent } from '../../support/visits';

const CLOSED = { id: '5b2f8c1e-7d3a-4e6b-9f0c-2a4d6e8f1b3c', name: 'Bibliotheek Centrum' };
const OPEN = { id: '8d1e2f3a-4b5c-4d6e-8f70-112233445566', name: 'Bibliotheek Noord' };

const refused: OutboxEntry = {
  seq: 1,
  id: 'c0ffee00-0000-4000-8000-000000000002',
  rev: 1,
  record: {
    ...visitContent({ location: CLOSED.id }),
    id: 'c0ffee00-0000-4000-8000-000000000002',
    rev: 1,
  },
  bytes: 300,
  queuedAt: 0,
  state: 'rejected',
  reason:
    "De locatie 'Bibliotheek Centrum' is gesloten. Kies in Balie een andere locatie en verstuur opnieuw.",
};

const render = (locations: (typeof CLOSED)[]) =>
  renderToString(
    h(RefusedList, {
      entries: [refused],
      catalogue: { base: DEFAULT_CATALOGUE, custom: NO_CUSTOMISATION },
      locations,
      onRetry: async () => undefined,
      onRetryAt: async () => undefined,
    }),
  );

test('the other locations are offered, the refused one is not', () => {
  const html = render([CLOSED, OPEN]);
  expect(html).toContain(`<option value="${OPEN.id}">`);
  expect(html).not.toContain(`value="${CLOSED.id}"`);
});

test('with no other location, it says to ask the beheerder and offers to try again', () => {
  const html = render([CLOSED]);
  expect(html).not.toContain('<select');
  expect(html).toContain('Vraag uw beheerder om de locatie weer te openen');
  expect(html).toContain('Opnieuw proberen');
});
