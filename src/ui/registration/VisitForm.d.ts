import type { ComponentChildren } from 'preact';
import type { Partner } from '../../core/partners/partner';
import { type Problem, type VisitDraft } from '../../core/registration/draft';
import type { CatalogueView } from '../hooks';
export interface VisitFormProps {
  readonly draft: VisitDraft;
  readonly catalogue: CatalogueView;
  readonly problems: readonly Problem[];
  readonly saving: boolean;
  readonly submitLabel: string;
  readonly onChange: (draft: VisitDraft) => void;
  readonly onSubmit: () => void;
  /** Per topic, the sociale-kaart partners to offer when a question refers a visitor. */
  readonly suggestions: ReadonlyMap<string, readonly Partner[]>;
  /** The moment "nu open" is judged at. */
  readonly now: number;
  /** Extra actions next to the save button. */
  readonly actions?: ComponentChildren;
}
export declare function VisitForm(props: VisitFormProps): import('preact').JSX.Element;
