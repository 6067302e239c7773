import type { CatalogueOption } from '../core/registration/catalogue';

interface BaseProps {
  name: string;
  legend: string;
  options: readonly CatalogueOption[];
  error?: string | undefined;
  /** Visually quieter legend, for groups inside a question card. */
  compact?: boolean;
}
interface SingleProps extends BaseProps {
  multiple?: false;
  value: string | null;
  onChange: (value: string) => void;
  /** Fold to the chosen answer (with "Wijzigen") once one is tapped or already given. */
  fold?: boolean;
}
interface MultipleProps extends BaseProps {
  multiple: true;
  value: readonly string[];
  onChange: (value: string[]) => void;
}
export declare function ChoiceGroup(
  props: SingleProps | MultipleProps,
): import('preact').JSX.Element;
