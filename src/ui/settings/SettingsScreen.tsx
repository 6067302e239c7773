// "Instellingen": the branch's answer lists (hide national options, add local ones) and
// this device's link to the server, with re-linking when the server refuses its code.

import './settings.css';
import { catalogueVersion, LIST_NAMES } from '../../core/registration/catalogue';
import { type CatalogueView, useCatalogue } from '../hooks';
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
  return (
    <section class="panel" aria-labelledby="lists-title">
      <h2 id="lists-title">{text.settings.listsTitle}</h2>
      <p>{text.settings.listsIntro}</p>
      {LIST_NAMES.map((list) => (
        <ListEditor key={list} list={list} catalogue={catalogue} />
      ))}
      <p class="hint">{text.settings.version(catalogueVersion(base, custom))}</p>
    </section>
  );
}
