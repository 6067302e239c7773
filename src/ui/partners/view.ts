// How a partner reads in the interface: topic labels, opening lines, links and the contact
// card for the QR code. Links are built only from values that pass the same checks as an
// import (http(s) websites, phone numbers, e-mail addresses); anything else stays plain text.

import { useMemo } from 'preact/hooks';
import { isPhoneNumber, WEB_ADDRESS } from '../../core/partners/contact-values';
import { openingStatus } from '../../core/partners/hours';
import { Email, type PartnerDetails } from '../../core/partners/partner';
import {
  allOptions,
  type CatalogueOption,
  offeredOptions,
} from '../../core/registration/catalogue';
import { useCatalogue } from '../hooks';
import { describeHoursText, describeOpening } from './opening-text';

/** The registration's topics as this branch has them (its own topics included). */
export interface PartnerTopics {
  /** To choose from: not retired, not hidden by the branch. */
  readonly offered: readonly CatalogueOption[];
  /** Every topic a partner may carry, retired ones too: for labels, search and files. */
  readonly known: readonly CatalogueOption[];
  /** The label of a topic id, or the id when no list knows it. */
  readonly label: (id: string) => string;
}

/** undefined while the branch's lists load. */
export function usePartnerTopics(): PartnerTopics | undefined {
  const catalogue = useCatalogue();
  const custom = catalogue?.custom;
  return useMemo(() => {
    if (!catalogue) return undefined;
    const known = allOptions(catalogue.base, catalogue.custom, 'topics');
    const labels = new Map(known.map((topic) => [topic.id, topic.label]));
    return {
      offered: offeredOptions(catalogue.base, catalogue.custom, 'topics'),
      known,
      label: (id: string) => labels.get(id) ?? id,
    };
  }, [custom]);
}

export interface OpeningLine {
  /** null when the hours are unknown. */
  readonly open: boolean | null;
  readonly text: string;
}

/** "Nu open tot 17:00", or for a partner with only a walk-in hour: "Inloop nu open tot 12:00". */
export function openingLine(partner: PartnerDetails, now: number): OpeningLine {
  const opening = openingStatus(partner.openingHours, now);
  const walkIn = openingStatus(partner.walkInHours, now);
  if (opening.state !== 'open' && walkIn.state === 'open') {
    return { open: true, text: `Inloopspreekuur: ${describeOpening(walkIn, now).toLowerCase()}` };
  }
  if (opening.state === 'unknown' && walkIn.state !== 'unknown') {
    return { open: false, text: `Inloopspreekuur: ${describeOpening(walkIn, now).toLowerCase()}` };
  }
  // Hours kept as text ("zie website", "op afspraak") are shown as that text, never as "nu open".
  if (opening.state === 'unknown' && partner.openingHours.note) {
    return { open: null, text: describeHoursText(partner.openingHours.note) };
  }
  return {
    open: opening.state === 'unknown' ? null : opening.state === 'open',
    text: describeOpening(opening, now),
  };
}

/** The class that colours an opening line: `opening-open`, `opening-closed` or `opening-unknown`. */
export function openingClass(opening: OpeningLine): string {
  return `opening-${opening.open === null ? 'unknown' : opening.open ? 'open' : 'closed'}`;
}

export function phoneHref(phone: string | undefined): string | undefined {
  if (phone === undefined || !isPhoneNumber(phone)) return undefined;
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function emailHref(email: string | undefined): string | undefined {
  return email !== undefined && Email.safeParse(email).success ? `mailto:${email}` : undefined;
}

export function websiteHref(website: string | undefined): string | undefined {
  return website !== undefined && WEB_ADDRESS.test(website) ? website : undefined;
}

/** "www.humanitas.nl/utrecht" for "https://www.humanitas.nl/utrecht/": shorter on paper. */
export function shortWebsite(website: string): string {
  return website.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

/** A vCard 3.0 of the partner's contact details: a phone camera offers to save it. */
export function contactCard(partner: PartnerDetails): string {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${vcardText(partner.name)}`];
  if (partner.organization) lines.push(`ORG:${vcardText(partner.organization)}`);
  if (partner.phone) lines.push(`TEL;TYPE=WORK,VOICE:${vcardText(partner.phone)}`);
  if (partner.email) lines.push(`EMAIL:${vcardText(partner.email)}`);
  if (partner.website) lines.push(`URL:${vcardText(partner.website)}`);
  const address = partner.address;
  if (address) {
    const parts = ['', '', address.street, address.city, '', address.postcode, 'Nederland'];
    lines.push(`ADR;TYPE=WORK:${parts.map(vcardText).join(';')}`);
  }
  lines.push('END:VCARD');
  return lines.join('\r\n');
}

/** vCard escapes backslashes, commas, semicolons and line breaks in values. */
function vcardText(value: string): string {
  return value.replace(/[\\,;]/g, (char) => `\\${char}`).replace(/\r?\n/g, '\\n');
}
