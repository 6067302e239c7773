// The bar on every screen: the location (switched here on a walking phone), online or not,
// how many registrations wait, sync progress, and the offer to update when one is ready.

import { lostContact } from '../core/upload/outbox';
import { useOnline, useSyncStatus, useUploadRunning } from './hooks';
import { LocationSwitch } from './LocationSwitch';
import { text } from './text';

export function StatusBar({
  updateReady,
  onUpdate,
}: {
  updateReady: boolean;
  onUpdate: () => void;
}) {
  const online = useOnline();
  const { unsent, refused, progress, retry } = useSyncStatus();
  // Offline, an attempt that is starting will fail in a moment: the bar says "Geen internet"
  // and what waits, not "Versturen… 0 van 1".
  const sending =
    useUploadRunning() && online && Boolean(unsent) && progress !== undefined && progress !== null;

  // Online, yet the last tries could not reach the server: the bar says so, not just "Online".
  const unreachable =
    online && Boolean(unsent) && !sending && retry !== undefined && lostContact(retry);
  const connected = online && !unreachable;

  let summary: string;
  if (retry?.blocked) summary = text.status.blocked;
  else if (sending) summary = text.status.sending(progress.sent, progress.total);
  else if (unsent === undefined) summary = '';
  else if (unsent === 0 && refused) summary = text.status.refused(refused);
  else if (unsent === 0) summary = text.status.allSent;
  else summary = text.status.unsent(unsent);
  const connection = !online
    ? text.status.offline
    : unreachable
      ? text.status.unreachable
      : text.status.online;

  return (
    <header class="statusbar">
      <a class="skip-link" href="#main">
        Naar de inhoud
      </a>
      <div class="brand">
        <img src="/icon.svg" alt="" width="32" height="32" />
        <div>
          <span class="brand-name">{text.appName}</span>
          <LocationSwitch />
        </div>
      </div>
      <a
        href="/versturen"
        class={`sync-pill ${retry?.blocked || (refused ?? 0) > 0 ? 'is-warning' : unsent ? 'is-pending' : 'is-ok'}`}
        data-testid="status"
        data-unsent={unsent ?? ''}
      >
        <span class={`dot ${connected ? 'dot-online' : 'dot-offline'}`} aria-hidden="true" />
        {/* One run of text, so it wraps like a sentence instead of in columns. */}
        <span>
          <span class="visually-hidden">{connection}. </span>
          <span aria-hidden="true">{connected ? '' : `${connection} · `}</span>
          <span role="status">{summary}</span>
          {refused && unsent ? ` · ${text.status.refused(refused)}` : null}
        </span>
      </a>
      {updateReady ? (
        <div class="update-banner" role="status">
          <span>{text.status.update}</span>
          <button type="button" class="button button-small" onClick={onUpdate}>
            {text.status.updateButton}
          </button>
        </div>
      ) : null}
    </header>
  );
}
