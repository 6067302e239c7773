// A partner's address, phone, e-mail and website as a list: links on the partner page, plain
// text on the referral slip (paper has no links). Links come only from checked values.

import type { PartnerDetails } from '../../core/partners/partner';
import { text } from './text';
import { emailHref, phoneHref, shortWebsite, websiteHref } from './view';

export function ContactList(props: { partner: PartnerDetails; links: boolean; class: string }) {
  const { partner, links } = props;
  const phone = links ? phoneHref(partner.phone) : undefined;
  const email = links ? emailHref(partner.email) : undefined;
  const website = links ? websiteHref(partner.website) : undefined;
  return (
    <dl class={props.class}>
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
          <dd class="contact-phone">
            {phone ? <a href={phone}>{partner.phone}</a> : partner.phone}
          </dd>
        </div>
      ) : null}
      {partner.email ? (
        <div>
          <dt>{text.partners.email}</dt>
          <dd>{email ? <a href={email}>{partner.email}</a> : partner.email}</dd>
        </div>
      ) : null}
      {partner.website ? (
        <div>
          <dt>{text.partners.website}</dt>
          <dd>
            {website ? (
              <a href={website} target="_blank" rel="noopener noreferrer">
                {shortWebsite(partner.website)}
              </a>
            ) : (
              shortWebsite(partner.website)
            )}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Whether a partner can be reached at all: a QR code or a contact card of a name alone helps nobody. */
export function hasContact(partner: PartnerDetails): boolean {
  return Boolean(partner.address || partner.phone || partner.email || partner.website);
}
