// "Instellingen": the answer lists (the organisation's, read-only on a desk device; otherwise
// hide national options, add local ones) and this device's link, with linking it again.

import './settings.css';
import { catalogueVersion, LIST_NAMES } from '../../core/registration/catalogue';
import { listsReadOnly } from '../../core/upload/enrolment';
import { type CatalogueView, useCatalogue, useServices } from '../hooks';
import { DevicePanel } from './DevicePanel';
import { ListEditor } from './ListEditor';
import { text } from './text';

export function SettingsScreen() {
  const catalogue = useCatalogue();
  if (!catalogue) return null;
  return (
    <section class="screen settings">
      <h1>{text.settings.title}</h1>
      <Lists catalogue={catalogue} />
      <DevicePanel />
      <p>
        <a href="/beheer" class="button">
          {text.settings.beheer}
        </a>
      </p>
    </section>
  );
}

function Lists({ catalogue }: { catalogue: CatalogueView }) {
  const { base, custom } = catalogue;
  const readOnly = listsReadOnly(useServices().device);
  return (
    <section class="panel" aria-labelledby="lists-title">
      <h2 id="lists-title">{text.settings.listsTitle}</h2>
      {readOnly ? (
        <p class="list-note" data-testid="lists-managed">
          {text.settings.listsManaged}
        </p>
      ) : (
        <p>{text.settings.listsIntro}</p>
      )}
      {LIST_NAMES.map((list) => (
        <ListEditor key={list} list={list} catalogue={catalogue} readOnly={readOnly} />
      ))}
      <p class="hint">{text.settings.version(catalogueVersion(base, custom))}</p>
    </section>
  );
}
