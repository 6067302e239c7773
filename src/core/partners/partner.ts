// A partner of the sociale kaart: the details an import brings, and what the desk adds.
// Pure zod/mini schemas. Details and local notes are separate objects, so a re-import
// replaces the details and can never touch the notes. Shaped after Open Referral HSDS 3.0.

import * as z from 'zod/mini';
import { OptionId } from '../registration/schema';
import { isPhoneNumber, WEB_ADDRESS } from './contact-values';
import { Hours } from './hours';
import { LANGUAGE_CODE } from './languages';

/** Any 8-4-4-4-12 hex id: HSDS ids are UUIDs, and ids made here are version 8. */
export const PartnerId = z.guid();

export const Email = z.email();

/** The lengths and counts the schemas below allow; an import's quick check reads them too. */
export const LIMITS = {
  name: 200,
  description: 4000,
  street: 200,
  postcode: 20,
  city: 100,
  languageName: 80,
  word: 80,
  topics: 40,
  keywords: 40,
  languages: 40,
  targetGroups: 20,
} as const;

const text = (max: number) => z.string().check(z.maxLength(max));
const filled = (max: number) => text(max).check(z.minLength(1));

export const Address = z.strictObject({
  street: text(LIMITS.street),
  postcode: text(LIMITS.postcode),
  city: text(LIMITS.city),
});
export type Address = z.infer<typeof Address>;

export const PartnerLanguage = z.strictObject({
  code: z.string().check(z.regex(LANGUAGE_CODE)),
  name: filled(LIMITS.languageName),
});
export type PartnerLanguage = z.infer<typeof PartnerLanguage>;

/** The ids of the HSDS records a partner came from, so an export links back to them. */
export const HsdsRefs = z.strictObject({
  organization: z.optional(PartnerId),
  location: z.optional(PartnerId),
  address: z.optional(PartnerId),
  serviceAtLocation: z.optional(PartnerId),
  phone: z.optional(PartnerId),
});
export type HsdsRefs = z.infer<typeof HsdsRefs>;

/** Everything an import may set. All of it is plain text: no field holds markup. */
export const PartnerDetails = z.strictObject({
  id: PartnerId,
  name: filled(LIMITS.name),
  /** The organisation behind the service, when its name differs from the partner's. */
  organization: z.optional(filled(LIMITS.name)),
  description: text(LIMITS.description),
  /** Topic ids of the registration catalogue: national (`digid`) or local. */
  topics: z.array(OptionId).check(z.maxLength(LIMITS.topics)),
  /**
   * What the partner helps with in the source's own words, when those are no catalogue topic
   * ("Dakloos"): shown, searched and exported. Optional, so partners stored before it parse.
   */
  keywords: z.optional(z.array(filled(LIMITS.word)).check(z.maxLength(LIMITS.keywords))),
  address: z.optional(Address),
  phone: z.optional(z.string().check(z.refine(isPhoneNumber))),
  email: z.optional(Email),
  /** Only http(s): a `javascript:` link is refused at import. */
  website: z.optional(z.string().check(z.regex(WEB_ADDRESS))),
  openingHours: Hours,
  walkInHours: Hours,
  languages: z.array(PartnerLanguage).check(z.maxLength(LIMITS.languages)),
  targetGroups: z.array(filled(LIMITS.word)).check(z.maxLength(LIMITS.targetGroups)),
  lastVerified: z.optional(z.iso.date()),
  hsds: z.optional(HsdsRefs),
});
export type PartnerDetails = z.infer<typeof PartnerDetails>;

/** What the desk keeps about a partner. No import reads or writes it. */
export const PartnerLocal = z.strictObject({
  notes: text(2000),
  /** "Verouderd": a colleague found the details wrong. */
  outdated: z.boolean(),
  outdatedOn: z.optional(z.iso.date()),
  /** The published map this partner came from; a refresh removes it when the map drops it. */
  mapSource: z.optional(z.string().check(z.maxLength(2000))),
});
export type PartnerLocal = z.infer<typeof PartnerLocal>;

export const Partner = z.extend(PartnerDetails, { local: PartnerLocal });
export type Partner = z.infer<typeof Partner>;

export const NO_LOCAL: PartnerLocal = { notes: '', outdated: false };
