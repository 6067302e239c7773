// A visit's content as it crosses a trust boundary: the form, the upload, the endpoint.
// Pure zod/mini schemas shared by the page, the service worker and the server.
// Strict: an unknown field could carry personal data, so it is refused.

import * as z from 'zod/mini';
import { findIdentifyingData, NOTE_MAX_LENGTH } from './privacy';
import { findUnsafeCharacters } from './unsafe-characters';

/**
 * The codes this schema's own checks report as their message; whoever shows them phrases them
 * (the endpoint in server/reasons.ts, the app in its text catalogues).
 */
export const SCHEMA_CODES = {
  unsafeCharacters: 'unsafe-characters',
  identifyingData: 'identifying-data',
} as const;

/** A catalogue option id: national (`digid`) or local (`lokaal-spreekuur-x7`). */
export const OptionId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,59}$/));

/** Free text holds no control or reading-order characters (NUL, escape, a right-to-left override). */
const readableText = () =>
  z.refine<string>((text) => findUnsafeCharacters(text).length === 0, {
    message: SCHEMA_CODES.unsafeCharacters,
  });

export const Note = z.string().check(
  z.maxLength(NOTE_MAX_LENGTH),
  readableText(),
  z.refine((text) => findIdentifyingData(text).length === 0, {
    message: SCHEMA_CODES.identifyingData,
  }),
);

export const Referral = z.strictObject({
  kind: OptionId,
  warm: z.boolean(),
});

export const Question = z.strictObject({
  domain: OptionId,
  topic: OptionId,
  digidStep: z.optional(OptionId),
  organisations: z.array(OptionId).check(z.maxLength(20)),
  help: z.array(OptionId).check(z.maxLength(10)),
  course: z.optional(OptionId),
  referral: z.optional(Referral),
});
export type Question = z.infer<typeof Question>;

export const Day = z.iso.date();

/** What staff register about one visit. No field can hold who the visitor is. */
export const VisitContent = z.strictObject({
  catalogueVersion: z.string().check(z.minLength(1), z.maxLength(60)),
  location: z.string().check(z.minLength(1), z.maxLength(80), readableText()),
  day: Day,
  /** Hour band 0–23: the most precise time that leaves the device. */
  hour: z.int().check(z.gte(0), z.lte(23)),
  channel: OptionId,
  duration: OptionId,
  needs: z.array(OptionId).check(z.maxLength(10)),
  questions: z.array(Question).check(z.minLength(1), z.maxLength(20)),
  note: z.optional(Note),
});
export type VisitContent = z.infer<typeof VisitContent>;
