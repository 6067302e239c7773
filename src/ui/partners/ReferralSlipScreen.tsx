// The referral slip ("verwijsbriefje") to hand to the visitor: where to go, when, how to
// reach them, and a QR code of the contact details. It holds nothing about the visitor and
// nothing is stored when it is made or printed; the print stylesheet prints only the slip.

import './partners.css';
import { useRoute } from 'preact-iso';
import { dayOf } from '../../core/day';
import { hasHours } from '../../core/partners/hours';
import { formatDay } from '../format';
import { useNow, useServices } from '../hooks';
import { text as shellText } from '../text';
import { HoursTable } from './HoursTable';
import { usePartner } from './hooks';
import { QrCode } from './QrCode';
import { text } from './text';
import { contactCard, shortWebsite, usePartnerTopics } from './view';

export function ReferralSlipScreen() {
  const { device } = useServices();
  const { params } = useRoute();
  const id = params.id ?? '';
  const now = useNow(60_000);
  const partner = usePartner(id);
  const topics = usePartnerTopics();
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
  const hasContact = Boolean(partner.address || partner.phone || partner.email || partner.website);

  return (
    <section class="screen slip-screen">
      <div class="slip-toolbar no-print">
        <a class="back-link" href={`/sociale-kaart/${partner.id}`}>
          {text.partners.backToPartner}
        </a>
        <h1 class="visually-hidden">{slip.title(partner.name)}</h1>
        <p class="hint">{slip.privacy}</p>
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
          <dl>
            {partner.address ? (
              <div>
                <dt>{text.partners.address}</dt>
                <dd>
                  {partner.address.street}
                  <br />
                  {[partner.address.postcode, partner.address.city].filter(Boolean).join(' ')}
                </dd>
              </div>
            ) : null}
            {partner.phone ? (
              <div>
                <dt>{text.partners.phone}</dt>
                <dd class="slip-phone">{partner.phone}</dd>
              </div>
            ) : null}
            {partner.email ? (
              <div>
                <dt>{text.partners.email}</dt>
                <dd>{partner.email}</dd>
              </div>
            ) : null}
            {partner.website ? (
              <div>
                <dt>{text.partners.website}</dt>
                <dd>{shortWebsite(partner.website)}</dd>
              </div>
            ) : null}
          </dl>
          {hasContact ? (
            <figure class="slip-qr">
              <QrCode value={contactCard(partner)} label={slip.qrLabel(partner.name)} />
              <figcaption>{slip.qrCaption}</figcaption>
            </figure>
          ) : (
            <p>{text.partners.noContact}</p>
          )}
        </div>

        <h3>{text.partners.openingHours}</h3>
        <HoursTable hours={partner.openingHours} today={today} />
        {hasHours(partner.walkInHours) ? (
          <>
            <h3>{text.partners.walkInHours}</h3>
            <HoursTable hours={partner.walkInHours} today={today} />
          </>
        ) : null}

        <p class="slip-foot">
          {slip.made(formatDay(today))}
          {partner.lastVerified ? ` · ${slip.verified(formatDay(partner.lastVerified))}` : ''}
        </p>
      </article>
    </section>
  );
}
