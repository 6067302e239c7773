// Which partners to offer for a question's topic, and whether one is open now.
// Pure, and free of the search index, so the registration form can use it without
// loading MiniSearch on the first page.

import { isOpenAt } from './hours';
import type { PartnerDetails } from './partner';

/** Open now, by its opening hours or a walk-in hour (some partners only have the latter). */
export function isPartnerOpenAt(partner: PartnerDetails, moment: number): boolean {
  return isOpenAt(partner.openingHours, moment) || isOpenAt(partner.walkInHours, moment);
}

/** Suggestions while registering a question: partners for the topic, flagged ones last. */
export function partnersForTopic<
  T extends PartnerDetails & { readonly local?: { readonly outdated: boolean } },
>(partners: readonly T[], topicId: string): T[] {
  const matching = sortByName(partners.filter((partner) => partner.topics.includes(topicId)));
  return [
    ...matching.filter((partner) => !partner.local?.outdated),
    ...matching.filter((partner) => partner.local?.outdated),
  ];
}

const byDutchName = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

export function sortByName<T extends PartnerDetails>(partners: T[]): T[] {
  return partners.sort((a, b) => byDutchName.compare(a.name, b.name));
}
