// Importing a sociale-kaart file: pick it, watch the progress, then either every partner is
// saved ("x nieuw, y bijgewerkt, z ongewijzigd") or none is, with the problems per row.

import { useState } from 'preact/hooks';
import type { ImportIssue } from '../../core/partners/issues';
import { type ImportCounts, importPartners } from '../../data/writes';
import { useServices } from '../hooks';
import { readPartnerFiles } from './files';
import { IssueList } from './IssueList';
import { text } from './text';
import { usePartnerTopics } from './view';

type Stage =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading'; readonly done: number; readonly total: number }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly errors: readonly ImportIssue[] }
  | { readonly kind: 'save-failed' }
  | {
      readonly kind: 'saved';
      readonly counts: ImportCounts;
      readonly warnings: readonly ImportIssue[];
    };

export function PartnerImportPanel() {
  const { db } = useServices();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const topics = usePartnerTopics();
  const t = text.partners.importing;
  const busy = stage.kind === 'reading' || stage.kind === 'saving';

  async function choose(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0 || busy || !topics) return;
    setStage({ kind: 'reading', done: 0, total: 0 });
    const result = await readPartnerFiles(files, topics.known, (done, total) =>
      setStage({ kind: 'reading', done, total }),
    );
    if (!result.ok) {
      setStage({ kind: 'failed', errors: result.errors });
      return;
    }
    setStage({ kind: 'saving' });
    try {
      const counts = await importPartners(db, result.partners);
      setStage({ kind: 'saved', counts, warnings: result.warnings });
    } catch (error) {
      console.error('import failed', error);
      setStage({ kind: 'save-failed' });
    }
  }

  // The file buttons appear once the branch's topics are known, so no choice is lost.
  if (!topics) return null;

  return (
    <section class="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t.title}</h2>
      <p>{t.intro}</p>
      <ul class="hint-list">
        <li>{t.kinds.json}</li>
        <li>{t.kinds.zip}</li>
        <li>{t.kinds.folder}</li>
        <li>{t.kinds.sheet}</li>
      </ul>
      <div class="file-buttons">
        <label class={`button file-button${busy ? ' is-disabled' : ''}`}>
          {t.chooseFiles}
          <input
            type="file"
            class="visually-hidden"
            multiple
            accept=".json,.zip,.csv,application/json,application/zip,text/csv"
            disabled={busy}
            onChange={(event) => void choose(event)}
          />
        </label>
        <label class={`button file-button${busy ? ' is-disabled' : ''}`}>
          {t.chooseFolder}
          <input
            type="file"
            class="visually-hidden"
            multiple
            disabled={busy}
            ref={(input) => input?.setAttribute('webkitdirectory', '')}
            onChange={(event) => void choose(event)}
          />
        </label>
      </div>

      <div class="import-outcome" aria-live="polite">
        {stage.kind === 'reading' ? (
          <div class="progress-wrap">
            <progress max={Math.max(stage.total, 1)} value={stage.done} aria-label={t.reading} />
            <span>{stage.total > 0 ? t.readingCount(stage.done, stage.total) : t.reading}</span>
          </div>
        ) : null}
        {stage.kind === 'saving' ? (
          <div class="progress-wrap">
            <progress aria-label={t.saving} />
            <span>{t.saving}</span>
          </div>
        ) : null}
        {stage.kind === 'saved' ? (
          <div class="notice notice-ok" data-testid="import-done">
            <p>
              <strong>
                {t.done(stage.counts.added, stage.counts.updated, stage.counts.unchanged)}
              </strong>
            </p>
            {stage.warnings.length > 0 ? (
              <>
                <p>{t.warningsIntro}</p>
                <IssueList issues={stage.warnings} />
              </>
            ) : null}
            <a href="/sociale-kaart">{t.toList}</a>
          </div>
        ) : null}
        {stage.kind === 'save-failed' ? (
          <div class="notice notice-warning" role="alert" data-testid="import-failed">
            <p>{t.saveFailed}</p>
          </div>
        ) : null}
        {stage.kind === 'failed' ? (
          <div class="notice notice-warning" role="alert" data-testid="import-failed">
            <p>
              <strong>{t.failed}</strong>
            </p>
            <IssueList issues={stage.errors} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
