// Importing a sociale-kaart file: pick it, watch the progress, check what Balie made of the
// office's own words, then either every partner is saved ("x nieuw, y bijgewerkt, z ongewijzigd")
// or none is. A file read without remarks is saved at once; one with remarks waits for "Inlezen".

import { useState } from 'preact/hooks';
import type { ImportResult } from '../../core/partners/import';
import type { ImportIssue } from '../../core/partners/issues';
import { readPartnerFiles } from './files';
import { type ImportCounts, usePartnerActions } from './hooks';
import { ImportReview } from './ImportReview';
import { IssueList } from './IssueList';
import { SheetHelp, TemplateButton } from './SheetHelp';
import { text } from './text';
import { usePartnerTopics } from './view';

type Read = Extract<ImportResult, { ok: true }>;

type Stage =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading'; readonly done: number; readonly total: number }
  | { readonly kind: 'review'; readonly result: Read }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'failed'; readonly errors: readonly ImportIssue[] }
  | { readonly kind: 'save-failed' }
  | { readonly kind: 'saved'; readonly counts: ImportCounts };

export function PartnerImportPanel() {
  const actions = usePartnerActions();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const topics = usePartnerTopics();
  const t = text.partners.importing;
  const busy = stage.kind === 'reading' || stage.kind === 'saving' || stage.kind === 'review';

  async function choose(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0 || busy || !topics) return;
    setStage({ kind: 'reading', done: 0, total: 0 });
    const result = await readPartnerFiles(files, topics.known, (done, total) =>
      setStage({ kind: 'reading', done, total }),
    );
    if (!result.ok) setStage({ kind: 'failed', errors: result.errors });
    else if (result.ownWords.length > 0 || result.warnings.length > 0) {
      setStage({ kind: 'review', result });
    } else await save(result);
  }

  async function save(result: Read) {
    setStage({ kind: 'saving' });
    try {
      setStage({ kind: 'saved', counts: await actions.importPartners(result.partners) });
    } catch (error) {
      console.error('import failed', error);
      setStage({ kind: 'save-failed' });
    }
  }

  // The file buttons appear once the branch's topics are known, so no choice is lost.
  if (!topics) return null;

  const fileButton = (label: string, folder: boolean) => (
    <label class={`button file-button${busy ? ' is-disabled' : ''}`}>
      {label}
      <input
        type="file"
        class="visually-hidden"
        multiple
        {...(folder ? {} : { accept: '.csv,.json,.zip,text/csv,application/json,application/zip' })}
        disabled={busy}
        ref={(input) => {
          if (folder) input?.setAttribute('webkitdirectory', '');
        }}
        onChange={(event) => void choose(event)}
      />
    </label>
  );

  return (
    <section class="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t.title}</h2>
      <p>{t.intro}</p>
      <div class="file-buttons">
        <TemplateButton />
        {fileButton(t.chooseFiles, false)}
      </div>
      <p class="hint">{t.allOrNothing}</p>
      <SheetHelp />
      <details class="sheet-help">
        <summary>{t.otherFiles}</summary>
        <ul class="hint-list">
          <li>{t.kinds.json}</li>
          <li>{t.kinds.zip}</li>
          <li>{t.kinds.folder}</li>
        </ul>
        <div class="file-buttons">{fileButton(t.chooseFolder, true)}</div>
      </details>

      <div class="import-outcome" aria-live="polite">
        {stage.kind === 'reading' ? (
          <div class="progress-wrap">
            <progress max={Math.max(stage.total, 1)} value={stage.done} aria-label={t.reading} />
            <span>{stage.total > 0 ? t.readingCount(stage.done, stage.total) : t.reading}</span>
          </div>
        ) : null}
        {stage.kind === 'review' ? (
          <ImportReview
            result={stage.result}
            topics={topics}
            onConfirm={() => void save(stage.result)}
            onCancel={() => setStage({ kind: 'cancelled' })}
          />
        ) : null}
        {stage.kind === 'cancelled' ? <p role="status">{t.review.cancelled}</p> : null}
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
