// Keeping the branch's devices in step: publish this device's map to the endpoint, refresh
// from it now, and follow a map someone else publishes (an https address of HSDS JSON).
// Refreshing is an import like any other: all or nothing, and local notes stay.

import { useEffect, useState } from 'preact/hooks';
import { formatMoment } from '../format';
import { useNow, useOnline } from '../hooks';
import { type MapSourceState, useMapActions, useMapStates } from './hooks';
import { text } from './text';
import { usePartnerTopics } from './view';

export function MapSyncPanel() {
  const maps = useMapActions();
  const online = useOnline();
  const clock = useNow(30_000);
  const { states, ownUrl } = useMapStates();
  const [followed, setFollowed] = useState<string | undefined>(undefined);
  const topics = usePartnerTopics();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState('');
  const t = text.partners.keeping;
  const own = states?.[ownUrl];
  const follow = followed ? states?.[followed] : undefined;

  useEffect(() => {
    void maps.readFollowed().then((url) => setFollowed(url ?? undefined));
  }, []);

  async function refresh() {
    setBusy(true);
    setMessage('');
    try {
      const results = await maps.refresh();
      // One sentence per map, named when there are two: the branch's map may be unchanged
      // while the followed one could not be fetched.
      setMessage(
        results
          .map((result) => {
            const said = result.outcome === 'failed' ? t.failure(result.error) : t.outcome(result);
            const name = result.url === ownUrl ? t.ownMap : t.followedMap;
            return results.length > 1 ? t.about(name, said) : said;
          })
          .join(' '),
      );
    } finally {
      setBusy(false);
    }
  }

  async function publish() {
    if (!topics) return;
    setConfirming(false);
    setBusy(true);
    setMessage('');
    try {
      const result = await maps.publish(topics.known);
      setMessage(
        result.ok
          ? t.published(result.partners)
          : t.publishFailed[result.code](result.detail ?? ''),
      );
      if (result.ok) await maps.refresh();
    } finally {
      setBusy(false);
    }
  }

  async function startFollowing(event: Event) {
    event.preventDefault();
    const url = followableUrl(address);
    if (url === null) {
      setAddressError(t.followInvalid);
      return;
    }
    setAddressError('');
    setAddress('');
    await maps.follow(url);
    setFollowed(url);
    if (online) await refresh();
  }

  async function stopFollowing() {
    await maps.unfollow();
    setFollowed(undefined);
    setMessage(t.unfollowed);
  }

  return (
    <section class="panel" aria-labelledby="keeping-title">
      <h2 id="keeping-title">{t.title}</h2>
      <p>{t.intro}</p>
      <dl class="facts facts-compact">
        <div>
          <dt>{t.ownMap}</dt>
          <dd data-testid="own-map">{describeState(own, clock, t.nothingPublished)}</dd>
        </div>
        {followed ? (
          <div>
            <dt>{t.followedMap}</dt>
            <dd>
              <span class="url">{followed}</span>
              <br />
              {describeState(follow, clock, t.notYet)}
            </dd>
          </div>
        ) : null}
      </dl>
      {!online ? <p class="notice">{t.offline}</p> : null}
      <div class="detail-actions">
        <button
          type="button"
          class="button"
          disabled={busy || !online}
          onClick={() => void refresh()}
        >
          {busy ? t.busy : t.refresh}
        </button>
        {confirming ? null : (
          <button
            type="button"
            class="button"
            disabled={busy || !online}
            onClick={() => setConfirming(true)}
          >
            {t.publish}
          </button>
        )}
      </div>
      {confirming ? (
        <div class="notice notice-warning" role="alertdialog" aria-labelledby="publish-confirm">
          <p id="publish-confirm">{t.publishConfirm}</p>
          <div class="detail-actions">
            <button type="button" class="button button-primary" onClick={() => void publish()}>
              {t.publishYes}
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              {t.cancel}
            </button>
          </div>
        </div>
      ) : null}
      <p class="form-message" role="status" data-testid="map-message">
        {message}
      </p>

      <h3>{t.followTitle}</h3>
      <p class="hint">{t.followHint}</p>
      {followed ? (
        <button type="button" class="button" onClick={() => void stopFollowing()}>
          {t.unfollow}
        </button>
      ) : (
        <form class="follow-form" onSubmit={(event) => void startFollowing(event)} noValidate>
          <label for="follow-url" class="label">
            {t.followLabel}
          </label>
          {addressError ? (
            <p id="follow-url-error" class="error">
              {addressError}
            </p>
          ) : null}
          <div class="inline-form">
            <input
              id="follow-url"
              type="url"
              inputMode="url"
              class={`input${addressError ? ' is-invalid' : ''}`}
              value={address}
              placeholder="https://"
              aria-describedby={addressError ? 'follow-url-error' : undefined}
              aria-invalid={addressError ? true : undefined}
              onInput={(event) => setAddress((event.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" class="button">
              {t.follow}
            </button>
          </div>
        </form>
      )}
    </section>
  );

  function describeState(state: MapSourceState | undefined, at: number, none: string): string {
    if (!state) return none;
    const checked = t.checked(formatMoment(state.checkedAt, at));
    if (state.error) return `${t.failure(state.error)} ${checked}`;
    if (state.importedAt === null) return `${none} ${checked}`;
    return `${t.partners(state.partners)} ${checked}`;
  }
}

/** https anywhere, or this app's own server (the page's CSP allows nothing else). */
function followableUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol === 'https:' || url.origin === location.origin) return url.href;
  } catch {
    // Not an address at all.
  }
  return null;
}
