// While registering a question: the partners of the sociale kaart that help with its topic,
// open ones first, as big tappable choices, each with a link to its referral slip. The choice
// stays on this device (the registration keeps the partner id locally, never uploads it).

import { isPartnerOpenAt, partnersForTopic } from '../../core/partners/choice';
import type { Partner } from '../../core/partners/partner';
import { openingClass, openingLine } from '../partners/view';
import { text } from './text';

export interface PartnerSuggestionsProps {
  /** A topic id of the catalogue, such as `digid`. */
  readonly topic: string;
  /** The partners that help with the topic, in any order. */
  readonly partners: readonly Partner[];
  /** The moment "nu open" is judged at. */
  readonly now: number;
  /** The chosen partner's id, or null for none. */
  readonly value: string | null;
  /** The chosen partner, or null for none. */
  readonly onChange: (partner: Partner | null) => void;
  /** The radio group's name; unique per question, since two may share a topic. */
  readonly name: string;
}

export function PartnerSuggestions(props: PartnerSuggestionsProps) {
  const { topic, value, onChange, name, now } = props;
  const t = text.suggestions;
  const sorted = partnersForTopic(props.partners, topic);
  // Open ones first; within each group the core's order (by name, "verouderd" last) stays.
  const partners = [
    ...sorted.filter((partner) => isPartnerOpenAt(partner, now)),
    ...sorted.filter((partner) => !isPartnerOpenAt(partner, now)),
  ];

  if (partners.length === 0) {
    return (
      <p class="hint suggestions-empty">
        {t.none} <a href="/sociale-kaart">{t.openMap}</a>
      </p>
    );
  }

  return (
    <fieldset class="choices suggestions" data-testid="partner-suggestions">
      <legend class="legend">{t.legend}</legend>
      <ul class="suggestion-list">
        <li>
          <label class={`suggestion${value === null ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name={name}
              checked={value === null}
              onChange={() => onChange(null)}
            />
            <span class="suggestion-name">{t.noPartner}</span>
          </label>
        </li>
        {partners.map((partner) => {
          const opening = openingLine(partner, now);
          return (
            <li key={partner.id}>
              <label class={`suggestion${value === partner.id ? ' is-checked' : ''}`}>
                <input
                  type="radio"
                  name={name}
                  value={partner.id}
                  checked={value === partner.id}
                  onChange={() => onChange(partner)}
                />
                <span class="suggestion-name">{partner.name}</span>
                <span class={`suggestion-meta ${openingClass(opening)}`}>
                  {opening.text}
                  {partner.local.outdated ? ` · ${text.suggestions.outdatedBadge}` : ''}
                </span>
              </label>
              <a class="suggestion-slip" href={`/sociale-kaart/${partner.id}/briefje`}>
                {t.slip}
                <span class="visually-hidden"> {partner.name}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
