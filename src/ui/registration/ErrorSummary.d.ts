import type { Problem } from '../../core/registration/draft';
export declare function ErrorSummary({
  problems,
}: {
  problems: readonly Problem[];
}): import('preact').JSX.Element | null;
