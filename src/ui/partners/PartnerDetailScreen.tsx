// One partner: open now or not, hours, contact, what they help with, languages, when the
// details were last checked, and the desk's own part: a note and the "verouderd" flag.
// Imported text is only ever rendered as text; links only from checked values.

import './partners.css';
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { dayOf } from '../../core/day';
import { hasHours } from '../../core/partners/hours';
import { needsCheck } from '../../core/partners/partner-check';
import { formatDay } from '../format';
import { useNow } from '../hooks';
import { ContactList, hasContact } from './ContactList';
import { HoursTable } from './HoursTable';
import { usePartner, usePartnerActions } from './hooks';
import { text } from './text';
import { openingClass, openingLine, usePartnerTopics } from './view';

export function PartnerDetailScreen() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const clock = useNow(30_000);
  const partner = usePartner(id);
  const actions = usePartnerActions();
  const [note, setNote] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { route } = useLocation();
  const topics = usePartnerTopics();

  useEffect(() => {
    setNote(null);
    setMessage('');
  }, [id]);

  if (partner === undefined || topics === undefined) return null;
  if (partner === null) {
    return (
      <section class="screen">
        <h1>{text.partners.gone}</h1>
        <a href="/sociale-kaart">{text.partners.backToList}</a>
      </section>
    );
  }

  const today = dayOf(clock);
  const opening = openingLine(partner, clock);
  const noteValue = note ?? partner.local.notes;

  async function saveNote(event: Event) {
    event.preventDefault();
    const result = await actions.saveNote(id, noteValue);
    setMessage(result === 'saved' ? text.partners.noteSaved : text.partners.noteTooLong);
    if (result === 'saved') setNote(null);
  }

  async function toggleOutdated() {
    if (!partner) return;
    const outdated = !partner.local.outdated;
    await actions.markOutdated(id, outdated);
    setMessage(outdated ? text.partners.markedOutdated : text.partners.unmarkedOutdated);
  }

  return (
    <section class="screen partner-detail">
      <a class="back-link" href="/sociale-kaart">
        {text.partners.backToList}
      </a>
      <h1>{partner.name}</h1>
      {partner.organization ? <p class="muted">{partner.organization}</p> : null}
      {partner.local.outdated ? (
        <p class="notice notice-warning" data-testid="outdated">
          {text.partners.outdatedNotice(
            partner.local.outdatedOn ? formatDay(partner.local.outdatedOn) : '',
          )}
        </p>
      ) : null}
      <p class={`opening opening-large ${openingClass(opening)}`} data-testid="opening">
        {opening.text}
      </p>

      <div class="detail-actions">
        <a class="button button-primary" href={`/sociale-kaart/${partner.id}/briefje`}>
          {text.partners.slip}
        </a>
        <a class="button" href={`/sociale-kaart/${partner.id}/bewerken`}>
          {text.partners.edit}
        </a>
      </div>

      <div class="detail-grid">
        <section class="panel" aria-labelledby="contact-title">
          <h2 id="contact-title">{text.partners.contact}</h2>
          <ContactList partner={partner} links class="contact" />
          {!hasContact(partner) ? <p class="muted">{text.partners.noContact}</p> : null}
        </section>

        <section class="panel" aria-labelledby="hours-title">
          <h2 id="hours-title">{text.partners.openingHours}</h2>
          <HoursTable hours={partner.openingHours} today={today} />
          {hasHours(partner.walkInHours) || partner.walkInHours.note ? (
            <>
              <h3>{text.partners.walkInHours}</h3>
              <HoursTable hours={partner.walkInHours} today={today} />
            </>
          ) : null}
        </section>
      </div>

      <section class="panel" aria-labelledby="about-title">
        <h2 id="about-title">{text.partners.about}</h2>
        {partner.description ? <p class="description">{partner.description}</p> : null}
        <dl class="facts-list">
          <div>
            <dt>{text.partners.helpsWith}</dt>
            <dd>
              {partner.topics.length > 0
                ? partner.topics.map(topics.label).join(', ')
                : text.partners.noTopics}
            </dd>
          </div>
          {(partner.keywords ?? []).length > 0 ? (
            <div>
              <dt>{text.partners.keywords}</dt>
              <dd data-testid="keywords">{(partner.keywords ?? []).join(', ')}</dd>
            </div>
          ) : null}
          <div>
            <dt>{text.partners.languages}</dt>
            <dd>
              {partner.languages.length > 0
                ? partner.languages.map((language) => language.name).join(', ')
                : text.partners.unknown}
            </dd>
          </div>
          {partner.targetGroups.length > 0 ? (
            <div>
              <dt>{text.partners.targetGroups}</dt>
              <dd>{partner.targetGroups.join(', ')}</dd>
            </div>
          ) : null}
          <div>
            <dt>{text.partners.lastVerified}</dt>
            <dd>
              {partner.lastVerified ? formatDay(partner.lastVerified) : text.partners.never}
              {!partner.local.outdated && needsCheck(partner, today) ? (
                <span class="muted"> — {text.partners.checkSoon}</span>
              ) : null}
            </dd>
          </div>
        </dl>
      </section>

      <section class="panel" aria-labelledby="local-title">
        <h2 id="local-title">{text.partners.localTitle}</h2>
        <p class="hint">{text.partners.localHint}</p>
        <form onSubmit={(event) => void saveNote(event)}>
          <label for="partner-note" class="label">
            {text.partners.note}
          </label>
          <textarea
            id="partner-note"
            class="input"
            rows={3}
            maxLength={2000}
            value={noteValue}
            onInput={(event) => setNote((event.currentTarget as HTMLTextAreaElement).value)}
          />
          <div class="detail-actions">
            <button type="submit" class="button" disabled={note === null}>
              {text.partners.saveNote}
            </button>
            {/* A flag, not a deletion: a normal secondary button, not a red one. */}
            <button type="button" class="button" onClick={() => void toggleOutdated()}>
              {partner.local.outdated ? text.partners.unmarkOutdated : text.partners.markOutdated}
            </button>
          </div>
        </form>
        <p class="form-message" role="status">
          {message}
        </p>
        {confirming ? (
          <div class="confirm" role="alertdialog" aria-labelledby="partner-delete-text">
            <p id="partner-delete-text">{text.partners.confirmDelete(partner.name)}</p>
            {partner.local.mapSource ? <p class="hint">{text.partners.fromMap}</p> : null}
            <button
              type="button"
              class="button button-danger"
              onClick={() => void actions.deletePartner(id).then(() => route('/sociale-kaart'))}
            >
              {text.partners.confirmDeleteYes}
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              {text.partners.cancelDelete}
            </button>
          </div>
        ) : (
          <button type="button" class="button button-quiet" onClick={() => setConfirming(true)}>
            {text.partners.delete}
          </button>
        )}
      </section>
    </section>
  );
}
