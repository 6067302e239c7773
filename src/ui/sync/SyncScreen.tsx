// "Versturen", the closing-time screen: what is unsent and since when, why the last try
// failed and when the next one is, a button to send now with progress, refused records
// with their reasons, whether storage is persistent, and a download when all else fails.

import './sync.css';
import { saveFile } from '../download';
import { formatMoment, formatUpcoming } from '../format';
import { useCatalogue, useNow, useOnline, useServices, useUploadRunning } from '../hooks';
import { formatCount } from '../text';
import { useOutbox, useSyncActions } from './hooks';
import { RefusedList } from './RefusedList';
import { StoragePanel } from './StoragePanel';
import { text } from './text';

export function SyncScreen() {
  const { now, device } = useServices();
  const actions = useSyncActions();
  const clock = useNow(1_000);
  const online = useOnline();
  const { summary, retry, progress } = useOutbox();
  const running = useUploadRunning();
  const catalogue = useCatalogue();
  if (!summary || !retry || !catalogue) return null;

  const waitingForServer = retry.waitUntil !== null && retry.waitUntil > clock;
  const nextTry =
    summary.unsent === 0
      ? text.sync.none
      : retry.blocked
        ? text.sync.afterRelink
        : waitingForServer && retry.waitUntil
          ? formatUpcoming(retry.waitUntil, clock)
          : !online
            ? text.sync.whenOnline
            : retry.nextTryAt && retry.nextTryAt > clock
              ? formatUpcoming(retry.nextTryAt, clock)
              : text.sync.soon;

  async function download() {
    const records = await actions.unsentRecords();
    const stamp = new Date(now()).toISOString();
    const body = JSON.stringify({ exportedAt: stamp, records }, null, 2);
    saveFile(
      new Blob([body], { type: 'application/json' }),
      `balie-niet-verstuurd-${stamp.slice(0, 10)}.json`,
    );
  }

  return (
    <section class="screen sync">
      <h1>{text.sync.title}</h1>

      <dl class="facts">
        <div>
          <dt>{text.sync.unsent}</dt>
          <dd data-testid="unsent-count">{formatCount(summary.unsent)}</dd>
        </div>
        {summary.refused.length > 0 ? (
          // Not on their way either: the server said no (the list below says why).
          <div>
            <dt>{text.sync.refusedCount}</dt>
            <dd data-testid="refused-count">{formatCount(summary.refused.length)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{text.sync.oldest}</dt>
          <dd>
            {summary.oldestQueuedAt ? formatMoment(summary.oldestQueuedAt, clock) : text.sync.none}
          </dd>
        </div>
        <div>
          <dt>{text.sync.lastSuccess}</dt>
          <dd>
            {retry.lastSuccessAt ? formatMoment(retry.lastSuccessAt, clock) : text.sync.never}
          </dd>
        </div>
        <div>
          <dt>{text.sync.nextTry}</dt>
          <dd>{nextTry}</dd>
        </div>
        {retry.lastError && summary.unsent > 0 ? (
          <div class="fact-wide">
            <dt>{text.sync.lastError}</dt>
            <dd data-testid="last-error">
              {text.sync.failure[retry.lastError.code]}
              {retry.lastError.detail ? ` (${retry.lastError.detail})` : ''}
              {retry.lastError.unanswered
                ? ` ${text.sync.unanswered(retry.lastError.unanswered)}`
                : ''}{' '}
              <span class="muted">{formatMoment(retry.lastError.at, clock)}</span>
            </dd>
          </div>
        ) : null}
      </dl>

      {retry.blocked ? (
        <div class="notice notice-warning" role="alert">
          <p>{text.sync.blocked}</p>
          <a class="button button-primary" href="/instellingen#koppelen">
            {text.sync.relink}
          </a>
        </div>
      ) : null}
      {waitingForServer && retry.waitUntil ? (
        <p class="notice">{text.sync.waitingServer(formatUpcoming(retry.waitUntil, clock))}</p>
      ) : null}

      <div class="sync-action">
        <button
          type="button"
          class="button button-primary button-wide"
          onClick={actions.sendNow}
          disabled={retry.blocked}
        >
          {running ? text.sync.running : text.sync.now}
        </button>
        {running && progress ? (
          <div class="progress-wrap">
            <progress
              max={Math.max(progress.total, 1)}
              value={progress.sent}
              aria-label={text.sync.running}
            />
            <span>{text.sync.progress(progress.sent, progress.total)}</span>
          </div>
        ) : summary.unsent === 0 && summary.refused.length === 0 ? (
          <p class="ok-line">{text.sync.allSent}</p>
        ) : null}
      </div>

      {summary.refused.length > 0 ? (
        <RefusedList
          entries={summary.refused}
          catalogue={catalogue}
          locations={device.locations ?? []}
          onRetry={actions.retry}
          onRetryAt={actions.retryAt}
        />
      ) : null}

      <StoragePanel />

      <section class="panel" aria-labelledby="download-title">
        <h2 id="download-title">{text.sync.download}</h2>
        <p>{text.sync.downloadHint}</p>
        <button type="button" class="button" onClick={() => void download()}>
          {text.sync.download}
        </button>
      </section>
    </section>
  );
}
