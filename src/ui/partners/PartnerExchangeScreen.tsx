// "Importeren en exporteren": files in, files out, and keeping the branch's devices in step.

import './partners.css';
import { useState } from 'preact/hooks';
import { useServices } from '../hooks';
import { downloadExport, type ExportKind } from './files';
import { usePartnerActions } from './hooks';
import { MapSyncPanel } from './MapSyncPanel';
import { PartnerImportPanel } from './PartnerImportPanel';
import { text } from './text';
import { usePartnerTopics } from './view';

const KINDS: readonly ExportKind[] = ['hsds-json', 'hsds-zip', 'spreadsheet'];

export function PartnerExchangeScreen() {
  const { now } = useServices();
  const actions = usePartnerActions();
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const topics = usePartnerTopics();
  const t = text.partners.exporting;

  async function download(kind: ExportKind) {
    if (!topics) return;
    setBusy(kind);
    try {
      await downloadExport(kind, await actions.allPartners(), now(), topics.known);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section class="screen partner-exchange">
      <a class="back-link" href="/sociale-kaart">
        {text.partners.backToList}
      </a>
      <h1>{text.partners.exchangeTitle}</h1>
      <PartnerImportPanel />
      <section class="panel" aria-labelledby="export-title">
        <h2 id="export-title">{t.title}</h2>
        <p>{t.intro}</p>
        <div class="detail-actions">
          {KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              class="button"
              disabled={busy !== null}
              onClick={() => void download(kind)}
            >
              {busy === kind ? t.busy : t.kinds[kind]}
            </button>
          ))}
        </div>
      </section>
      <MapSyncPanel />
    </section>
  );
}
