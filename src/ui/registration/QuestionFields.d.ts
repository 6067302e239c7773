import type { Partner } from '../../core/partners/partner';
import type { QuestionDraft } from '../../core/registration/draft';
import type { CatalogueView } from '../hooks';
export interface QuestionFieldsProps {
  readonly index: number;
  readonly count: number;
  readonly question: QuestionDraft;
  readonly catalogue: CatalogueView;
  /** The partners that help with this question's topic, for a referral. */
  readonly suggestions: readonly Partner[];
  readonly now: number;
  readonly problems: {
    domain?: string | undefined;
    topic?: string | undefined;
    referral?: string | undefined;
  };
  readonly onChange: (question: QuestionDraft) => void;
  readonly onRemove: () => void;
}
export declare function QuestionFields(props: QuestionFieldsProps): import('preact').JSX.Element;
