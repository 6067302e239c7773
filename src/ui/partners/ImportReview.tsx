// What an import will do, before anything is written: words mapped to topics, words kept as
// the partners' own keywords, and rows read differently than written. Confirm or cancel.

import type { ImportResult } from '../../core/partners/import';
import { IssueList } from './IssueList';
import { text } from './text';
import type { PartnerTopics } from './view';

type Read = Extract<ImportResult, { ok: true }>;

export interface ImportReviewProps {
  readonly result: Read;
  readonly topics: PartnerTopics;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function ImportReview({ result, topics, onConfirm, onCancel }: ImportReviewProps) {
  const t = text.partners.importing.review;
  const mapped = result.ownWords.filter((word) => word.topics.length > 0);
  const kept = result.ownWords.filter((word) => word.topics.length === 0);
  return (
    <div class="notice import-review" data-testid="import-review">
      <p>
        <strong>{t.title(result.partners.length)}</strong>
      </p>
      <p>{t.intro}</p>
      {mapped.length > 0 ? (
        <>
          <p>{t.mappedTitle}</p>
          <ul class="issue-list" data-testid="words-mapped">
            {mapped.map(({ word, topics: ids, partners }) => (
              <li key={word}>{t.mapped(word, ids.map(topics.label).join(', '), partners)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {kept.length > 0 ? (
        <>
          <p>{t.keptTitle}</p>
          <ul class="issue-list" data-testid="words-kept">
            {kept.map(({ word, partners }) => (
              <li key={word}>{t.kept(word, partners)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {result.warnings.length > 0 ? (
        <>
          <p>{t.warningsTitle}</p>
          <IssueList issues={result.warnings} />
        </>
      ) : null}
      <div class="detail-actions">
        <button type="button" class="button button-primary" onClick={onConfirm}>
          {t.confirm}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </div>
  );
}
