// The referral slip ("verwijsbriefje") to hand to the visitor: where to go, when (one short
// line per kind of hours, so it fits half an A4), how to reach them, a contact person and an
// appointment if staff made one, and a QR code of the contact details, also shown large for
// the walking desk. It holds nothing about the visitor and nothing is stored; the print
// stylesheet prints only the slip.

import './partners.css';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { dayOf } from '../../core/day';
import { type Hours, hasHours } from '../../core/partners/hours';
import { printHoursText } from '../../core/partners/hours-print';
import { formatDay } from '../format';
import { useNow, useServices } from '../hooks';
import { text as shellText } from '../text';
import { ContactList, hasContact } from './ContactList';
import { usePartner } from './hooks';
import { QrCode } from './QrCode';
import { text } from './text';
import { contactCard, usePartnerTopics } from './view';

export function ReferralSlipScreen() {
  const { device } = useServices();
  const { params } = useRoute();
  const id = params.id ?? '';
  const now = useNow(60_000);
  const partner = usePartner(id);
  const topics = usePartnerTopics();
  const [contact, setContact] = useState('');
  const [appointment, setAppointment] = useState('');
  const [large, setLarge] = useState(false);
  const close = useRef<HTMLButtonElement>(null);
  // The large view takes the focus; Escape, or Enter on its button, closes it again. A layout
  // effect, so the key listener is there before the view is painted (a quick Escape works).
  useLayoutEffect(() => {
    if (!large) return;
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setLarge(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [large]);
  if (partner === undefined || topics === undefined) return null;
  if (partner === null) {
    return (
      <section class="screen">
        <h1>{text.partners.gone}</h1>
        <a href="/sociale-kaart">{text.partners.backToList}</a>
      </section>
    );
  }
  const today = dayOf(now);
  const slip = text.partners.slipText;
  // A QR code of a name alone would send the visitor nowhere.
  const reachable = hasContact(partner);

  return (
    <section class="screen slip-screen">
      <div class="slip-toolbar no-print">
        <a class="back-link" href={`/sociale-kaart/${partner.id}`}>
          {text.partners.backToPartner}
        </a>
        <h1>{slip.title(partner.name)}</h1>
        <p class="hint">{slip.privacy}</p>
        <div class="slip-extra">
          <label class="label" for="slip-contact">
            {slip.contactPerson}
          </label>
          <input
            id="slip-contact"
            class="input"
            value={contact}
            maxLength={80}
            autoComplete="off"
            onInput={(event) => setContact((event.currentTarget as HTMLInputElement).value)}
          />
          <label class="label" for="slip-appointment">
            {slip.appointment}
          </label>
          <input
            id="slip-appointment"
            class="input"
            value={appointment}
            maxLength={80}
            autoComplete="off"
            placeholder={slip.appointmentExample}
            onInput={(event) => setAppointment((event.currentTarget as HTMLInputElement).value)}
          />
          <p class="hint">{slip.extraHint}</p>
        </div>
        <button type="button" class="button button-primary" onClick={() => window.print()}>
          {slip.print}
        </button>
      </div>

      <article class="slip" aria-label={slip.title(partner.name)} data-testid="slip">
        <p class="slip-from">
          {shellText.appTagline} · {device.location}
        </p>
        <p class="slip-intro">{slip.intro}</p>
        <h2 class="slip-name">{partner.name}</h2>
        {partner.organization ? <p class="slip-organization">{partner.organization}</p> : null}
        {partner.topics.length > 0 ? (
          <p class="slip-topics">
            {slip.helpsWith} {partner.topics.map(topics.label).join(', ')}
          </p>
        ) : null}

        <div class="slip-contact">
          <ContactList partner={partner} links={false} class="slip-contact-list" />
          {reachable ? (
            <figure class="slip-qr">
              <QrCode value={contactCard(partner)} label={slip.qrLabel(partner.name)} />
              <figcaption>{slip.qrCaption}</figcaption>
              <button
                type="button"
                class="button button-small no-print"
                onClick={() => setLarge(true)}
              >
                {slip.showLarge}
              </button>
            </figure>
          ) : (
            <p>{text.partners.noContact}</p>
          )}
        </div>

        {contact || appointment ? (
          <dl class="slip-appointment">
            {contact ? (
              <div>
                <dt>{slip.askFor}</dt>
                <dd>{contact}</dd>
              </div>
            ) : null}
            {appointment ? (
              <div>
                <dt>{slip.appointmentOn}</dt>
                <dd>{appointment}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}

        <dl class="slip-hours">
          <div>
            <dt>{text.partners.openingHours}</dt>
            <dd>{hoursLine(partner.openingHours, today)}</dd>
          </div>
          {hasHours(partner.walkInHours) ? (
            <div>
              <dt>{text.partners.walkInHours}</dt>
              <dd>{hoursLine(partner.walkInHours, today)}</dd>
            </div>
          ) : null}
        </dl>

        <p class="slip-foot">
          {slip.made(formatDay(today))}
          {partner.lastVerified ? ` · ${slip.verified(formatDay(partner.lastVerified))}` : ''}
        </p>
      </article>

      {large && reachable ? (
        <div
          class="qr-large no-print"
          role="dialog"
          aria-modal="true"
          aria-label={slip.qrLabel(partner.name)}
        >
          <p class="qr-large-name">{partner.name}</p>
          <QrCode value={contactCard(partner)} label={slip.qrLabel(partner.name)} />
          <p>{slip.qrCaption}</p>
          <button
            type="button"
            class="button button-primary"
            onClick={() => setLarge(false)}
            ref={close}
          >
            {slip.closeLarge}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** One line for a kind of hours, in whole words: "maandag t/m vrijdag 09:00–17:00; zaterdag 10:00–12:00". */
function hoursLine(hours: Hours, today: string): string {
  if (!hasHours(hours)) return hours.note ?? text.partners.hours.unknown;
  const coming = hours.exceptions.filter((dated) => dated.to >= today).slice(0, 3);
  return printHoursText({ ...hours, exceptions: coming }, 'visitor');
}
