import { type PartnerDetails } from '../../core/partners/partner';
import { type CatalogueOption } from '../../core/registration/catalogue';
/** The registration's topics as this branch has them (its own topics included). */
export interface PartnerTopics {
  /** To choose from: not retired, not hidden by the branch. */
  readonly offered: readonly CatalogueOption[];
  /** Every topic a partner may carry, retired ones too: for labels, search and files. */
  readonly known: readonly CatalogueOption[];
  /** The label of a topic id, or the id when no list knows it. */
  readonly label: (id: string) => string;
}
/** undefined while the branch's lists load. */
export declare function usePartnerTopics(): PartnerTopics | undefined;
export interface OpeningLine {
  /** null when the hours are unknown. */
  readonly open: boolean | null;
  readonly text: string;
}
/** "Nu open tot 17:00", or for a partner with only a walk-in hour: "Inloop nu open tot 12:00". */
export declare function openingLine(partner: PartnerDetails, now: number): OpeningLine;
/** The class that colours an opening line: `opening-open`, `opening-closed` or `opening-unknown`. */
export declare function openingClass(opening: OpeningLine): string;
export declare function phoneHref(phone: string | undefined): string | undefined;
export declare function emailHref(email: string | undefined): string | undefined;
export declare function websiteHref(website: string | undefined): string | undefined;
/** "www.humanitas.nl/utrecht" for "https://www.humanitas.nl/utrecht/": shorter on paper. */
export declare function shortWebsite(website: string): string;
/** A vCard 3.0 of the partner's contact details: a phone camera offers to save it. */
export declare function contactCard(partner: PartnerDetails): string;
