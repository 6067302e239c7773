// The manager's unsaved changes to the organisation's answer lists, kept apart from what the
// endpoint has, so a 412 (someone else saved first) can put them back on the newer lists.
// Pure. New options have no id until the endpoint gives them one.

import type { ListName } from '../../core/registration/catalogue';
import type { CatalogueChange, OrgCatalogue } from './hooks';

export interface NewOption {
  readonly key: string;
  readonly label: string;
  readonly list: ListName;
  readonly domain?: string;
}

export interface ListDraft {
  /** `list:id` keys the manager hid or showed, with the wanted state (true = hidden). */
  readonly toggled: ReadonlyMap<string, boolean>;
  readonly added: readonly NewOption[];
}

export const NO_DRAFT: ListDraft = { toggled: new Map(), added: [] };

export function isHidden(saved: OrgCatalogue, draft: ListDraft, key: string): boolean {
  return draft.toggled.get(key) ?? saved.hidden.includes(key);
}

export function toggle(
  saved: OrgCatalogue,
  draft: ListDraft,
  key: string,
  hidden: boolean,
): ListDraft {
  const toggled = new Map(draft.toggled);
  if (saved.hidden.includes(key) === hidden) toggled.delete(key);
  else toggled.set(key, hidden);
  return { ...draft, toggled };
}

export function addOption(draft: ListDraft, option: NewOption): ListDraft {
  return { ...draft, added: [...draft.added, option] };
}

export function removeOption(draft: ListDraft, key: string): ListDraft {
  return { ...draft, added: draft.added.filter((option) => option.key !== key) };
}

export function hasChanges(draft: ListDraft): boolean {
  return draft.toggled.size > 0 || draft.added.length > 0;
}

/** The PUT body: what is saved with the draft on top (the endpoint keeps left-out options). */
export function toChange(saved: OrgCatalogue, draft: ListDraft): CatalogueChange {
  const hidden = new Set(saved.hidden);
  for (const [key, wanted] of draft.toggled) {
    if (wanted) hidden.add(key);
    else hidden.delete(key);
  }
  return {
    hidden: [...hidden],
    added: [
      ...saved.added,
      ...draft.added.map(({ label, list, domain }) =>
        domain === undefined ? { label, list } : { label, list, domain },
      ),
    ],
  };
}

/** After a 412: the draft again, on the newer lists; toggles that now match are dropped. */
export function rebase(newer: OrgCatalogue, draft: ListDraft): ListDraft {
  const toggled = new Map(
    [...draft.toggled].filter(([key, wanted]) => newer.hidden.includes(key) !== wanted),
  );
  return { toggled, added: draft.added };
}
