// One partner in the list: name (the link), where, open now or not, what they help with.
// The whole card is the link's target, but only the name is its text, for screen readers.

import type { Partner } from '../../core/partners/partner';
import { text } from './text';
import { openingClass, openingLine, type PartnerTopics } from './view';

export interface PartnerCardProps {
  readonly partner: Partner;
  readonly now: number;
  readonly topics: PartnerTopics;
}

export function PartnerCard({ partner, now, topics }: PartnerCardProps) {
  const opening = openingLine(partner, now);
  const place = [partner.organization, partner.address?.city].filter(Boolean).join(' · ');
  const helps = [...partner.topics.map(topics.label), ...(partner.keywords ?? [])];
  return (
    <li class="partner-card" data-testid="partner">
      <h2 class="partner-card-name">
        <a href={`/sociale-kaart/${partner.id}`}>{partner.name}</a>
      </h2>
      {place ? <p class="partner-card-place">{place}</p> : null}
      <p class={`opening ${openingClass(opening)}`}>{opening.text}</p>
      {helps.length > 0 ? <p class="partner-card-topics">{helps.join(', ')}</p> : null}
      {partner.local.outdated ? (
        <span class="badge badge-warning">{text.partners.outdatedBadge}</span>
      ) : null}
    </li>
  );
}
