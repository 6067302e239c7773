import type { CatalogueOption } from '../../core/registration/catalogue';
export declare function OrganisationChoices(props: {
  name: string;
  first: readonly CatalogueOption[];
  more: readonly CatalogueOption[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
}): import('preact').JSX.Element;
