// The organisation's answer lists as a manager changes them: the body of PUT /api/catalogue,
// and how a change is merged into what is stored. Local option ids belong to the organisation:
// the server makes them, and an option once added is never removed (only retired), so every
// registration made with it keeps its label.

import { randomInt } from 'node:crypto';
import * as z from 'zod/mini';
import {
  addLocalOption,
  type Customisation,
  LIST_NAMES,
  type LocalOption,
} from '../src/core/registration/catalogue';
import { OptionId } from '../src/core/registration/schema';

const Label = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(80),
  z.refine((text) => !/[\p{Cc}\p{Cf}]/u.test(text), { message: 'Onleesbare tekens in de naam.' }),
);

/** What a manager sends: `revision` is ignored (If-Match says which revision it changes). */
export const CatalogueChange = z.object({
  revision: z.optional(z.int()),
  hidden: z
    .array(z.string().check(z.regex(/^[a-zA-Z]{1,20}:[a-z0-9][a-z0-9-]{0,59}$/)))
    .check(z.maxLength(1000)),
  added: z
    .array(
      z.strictObject({
        /** Leave out for a new option: the server makes its id. */
        id: z.optional(OptionId),
        label: Label,
        list: z.enum(LIST_NAMES),
        domain: z.optional(OptionId),
        retired: z.optional(z.literal(true)),
      }),
    )
    .check(z.maxLength(300)),
});
export type CatalogueChange = z.infer<typeof CatalogueChange>;

const SUFFIX_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const suffix = () =>
  Array.from({ length: 6 }, () => SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)]).join('');

/**
 * The next revision: known options keep their id (label, domain and retired may change), new
 * ones get `lokaal-<slug>-<6 random>`; an id the organisation does not know yet is kept only
 * when it is a `lokaal-` id (an option made on a device before the lists lived here). Options
 * left out are kept as retired. Hidden keys that named a renamed id follow it.
 */
export function mergeCatalogue(current: Customisation, change: CatalogueChange): Customisation {
  const known = new Map(current.added.map((option) => [option.id, option]));
  const used = new Set(known.keys());
  const renamed = new Map<string, string>();
  const added: LocalOption[] = [];
  const seen = new Set<string>();
  for (const option of change.added) {
    const existing = option.id === undefined ? undefined : known.get(option.id);
    let id = existing?.id;
    if (id === undefined && option.id?.startsWith('lokaal-') && !used.has(option.id)) {
      id = option.id;
    }
    if (id === undefined || seen.has(id)) {
      const made = addLocalOption(
        { revision: 0, hidden: [], added: [] },
        option.list,
        option.label,
        suffix(),
      ).added[0];
      id = made?.id ?? `lokaal-optie-${suffix()}`;
      if (option.id !== undefined)
        renamed.set(`${option.list}:${option.id}`, `${option.list}:${id}`);
    }
    used.add(id);
    seen.add(id);
    const list = existing?.list ?? option.list;
    added.push({
      id,
      label: option.label,
      list,
      ...(list === 'topics' ? { domain: option.domain ?? existing?.domain ?? 'overig' } : {}),
      ...(option.retired ? { retired: true as const } : {}),
    });
  }
  for (const option of current.added) {
    if (!seen.has(option.id)) added.push({ ...option, retired: true });
  }
  const hidden = [...new Set(change.hidden.map((key) => renamed.get(key) ?? key))];
  return { revision: current.revision + 1, hidden, added };
}
