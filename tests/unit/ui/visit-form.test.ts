// The visit form renders from plain props alone: a draft, the answer lists, the partners to
// suggest and the moment. No database, no context, so any screen (or a test) can show it.

import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { beforeAll, expect, test } from 'vitest';
import type { Partner } from '../../../src/core/partners/partner';
import { DEFAULT_CATALOGUE, NO_CUSTOMISATION } from '../../../src/core/registration/catalogue';
import { newDraft, type VisitDraft } from '../../../src/core/registration/draft';
import { PartnerSuggestions } from '../../../src/ui/registration/QuestionFields';
import { VisitForm } from '../../../src/ui/registration/VisitForm';
import { generatePartners } from '../../support/partners';

const partner = (id: string, name: string): Partner => {
  const [generated] = generatePartners(1, id.length);
  if (!generated) throw new Error('no partner generated');
  return { ...generated, id, name, topics: ['toeslagen'] };
};

const draft: VisitDraft = {
  ...newDraft('c0ffee00-0000-4000-8000-000000000001', '2026-11-30', 10, 'digitale-overheid'),
  questions: [
    {
      domain: 'digitale-overheid',
      topic: 'toeslagen',
      digidStep: null,
      organisations: [],
      help: ['doorverwezen'],
      course: null,
      referralKind: null,
      referralWarm: false,
      partnerId: 'p2',
    },
  ],
};

// The suggestions load on first use in the app; here they are loaded before rendering.
// Awaited, not returned: a hook that returns a function has it called as its teardown.
beforeAll(async () => {
  await PartnerSuggestions.preload();
});

function render(overrides: Partial<Parameters<typeof VisitForm>[0]> = {}) {
  return renderToString(
    h(VisitForm, {
      draft,
      catalogue: { base: DEFAULT_CATALOGUE, custom: NO_CUSTOMISATION },
      suggestions: new Map([
        [
          'toeslagen',
          [partner('p1', 'Formulierenhulp Zuid'), partner('p2', 'Sociaal Raadslieden')],
        ],
      ]),
      now: Date.parse('2026-11-30T10:00:00+01:00'),
      problems: [],
      saving: false,
      submitLabel: 'Opslaan',
      onChange: () => undefined,
      onSubmit: () => undefined,
      ...overrides,
    }),
  );
}

test('the form shows the question, its answers and the suggested partners from its props', () => {
  const html = render();
  expect(html).toContain('Formulierenhulp Zuid');
  expect(html).toContain('Sociaal Raadslieden');
  // The draft's chosen partner is the checked suggestion.
  expect(html).toMatch(/<input type="radio" name="q0-partner" value="p2" checked/);
  expect(html).toContain('Opslaan');
});

test('without partners for the topic it says so, and offers the sociale kaart', () => {
  const html = render({ suggestions: new Map() });
  expect(html).not.toContain('Sociaal Raadslieden');
  expect(html).toContain('Geen partners voor dit onderwerp');
});

test('problems are listed in the summary, and saving disables the button', () => {
  const html = render({ problems: [{ field: 'duration' }], saving: true });
  expect(html).toContain('Kies hoe lang het duurde.');
  expect(html).toMatch(/<button type="submit"[^>]*disabled/);
});
