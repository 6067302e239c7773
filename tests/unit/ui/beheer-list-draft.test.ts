// The manager's unsaved answer-list changes: the PUT body they make, and how they are put back
// on newer lists after someone else saved first (412).

import { expect, test } from 'vitest';
import type { OrgCatalogue } from '../../../src/ui/beheer/hooks';
import {
  addOption,
  hasChanges,
  isHidden,
  NO_DRAFT,
  rebase,
  removeOption,
  toChange,
  toggle,
} from '../../../src/ui/beheer/list-draft';

const saved: OrgCatalogue = {
  revision: 3,
  hidden: ['channels:telefoon'],
  added: [{ id: 'lokaal-inloop-abc123', label: 'Inloop', list: 'channels' }],
};

test('toggles and new options make the PUT body; saved options are all sent again', () => {
  let draft = toggle(saved, NO_DRAFT, 'channels:telefoon', false);
  draft = toggle(saved, draft, 'needs:meekijken', true);
  draft = addOption(draft, { key: 'n1', label: 'Spreekuur', list: 'topics', domain: 'overig' });
  expect(isHidden(saved, draft, 'channels:telefoon')).toBe(false);
  expect(toChange(saved, draft)).toEqual({
    hidden: ['needs:meekijken'],
    added: [
      { id: 'lokaal-inloop-abc123', label: 'Inloop', list: 'channels' },
      { label: 'Spreekuur', list: 'topics', domain: 'overig' },
    ],
  });
});

test('toggling back to what is saved, or removing a new option, leaves no change', () => {
  const there = toggle(saved, NO_DRAFT, 'needs:meekijken', true);
  expect(hasChanges(toggle(saved, there, 'needs:meekijken', false))).toBe(false);
  const added = addOption(NO_DRAFT, { key: 'n1', label: 'X', list: 'help' });
  expect(hasChanges(removeOption(added, 'n1'))).toBe(false);
});

test('after a 412 the draft goes on top of the newer lists; toggles they already have drop', () => {
  let draft = toggle(saved, NO_DRAFT, 'needs:meekijken', true);
  draft = toggle(saved, draft, 'help:uitleg', true);
  draft = addOption(draft, { key: 'n1', label: 'Spreekuur', list: 'help' });
  const newer: OrgCatalogue = { ...saved, revision: 4, hidden: ['help:uitleg'] };
  const rebased = rebase(newer, draft);
  expect([...rebased.toggled]).toEqual([['needs:meekijken', true]]);
  expect(toChange(newer, rebased).hidden).toEqual(['help:uitleg', 'needs:meekijken']);
  expect(toChange(newer, rebased).added).toHaveLength(2);
});
