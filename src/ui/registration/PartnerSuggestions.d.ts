import type { Partner } from '../../core/partners/partner';
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
export declare function PartnerSuggestions(
  props: PartnerSuggestionsProps,
): import('preact').JSX.Element;
