// What a report's keys read as in tables and exports: option labels from the branch's catalogue,
// location names, hour bands and weekdays. Pure. The caller passes the catalogue and locations.

import {
  allOptions,
  type Catalogue,
  type Customisation,
  type ListName,
  offeredOptions,
} from '../registration/catalogue';

export interface Labels {
  /** The option's label, or its id when no catalogue knows it any more. */
  option(list: ListName, id: string): string;
  /** The ids offered now, in the catalogue's order, so a table reads like the form. */
  order(list: ListName): readonly string[];
  location(id: string): string;
}

export function catalogueLabels(
  base: Catalogue,
  custom: Customisation,
  locations: Readonly<Record<string, string>> = {},
): Labels {
  const lists = new Map<ListName, Map<string, string>>();
  const listOf = (list: ListName) => {
    let labels = lists.get(list);
    if (labels === undefined) {
      labels = new Map(allOptions(base, custom, list).map((option) => [option.id, option.label]));
      lists.set(list, labels);
    }
    return labels;
  };
  return {
    option: (list, id) => listOf(list).get(id) ?? id,
    order: (list) => offeredOptions(base, custom, list).map((option) => option.id),
    location: (id) => (Object.hasOwn(locations, id) ? (locations[id] ?? id) : id),
  };
}

/** "11–12 uur": the hour band as the registration keeps it. */
export function hourBand(hour: number): string {
  return `${hour}–${hour + 1} uur`;
}

/** Monday first, as ISO weekdays 1–7. */
export const WEEKDAY_NAMES = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;

export const WARMTH_LABELS: Readonly<Record<string, string>> = { warm: 'Warm', koud: 'Koud' };
