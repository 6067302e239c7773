// The shapes of the small settings (the half-filled form, favourites, the followed map, the
// upload time-out) and the one rule for every stored value: it is parsed on read, and what
// does not fit gives its default instead of being trusted. (Dexie's state rows: stored-state.ts.)
// Each shape is checked against the type the rest of the app uses.

import * as z from 'zod/mini';
import type { QuestionDraft, VisitDraft } from '../core/registration/draft';
import type { Favourite } from '../core/registration/quick-picks';

export const Moment = z.nullable(z.number());
export const Text = z.string().check(z.maxLength(10_000));
export const Id = z.string().check(z.maxLength(200));
export const Ids = z.array(Id).check(z.maxLength(200));

const StoredQuestionDraft = z.object({
  domain: z.nullable(Id),
  topic: z.nullable(Id),
  digidStep: z.nullable(Id),
  organisations: Ids,
  help: Ids,
  course: z.nullable(Id),
  referralKind: z.nullable(Id),
  referralWarm: z.boolean(),
  partnerId: z.nullable(Id),
});

const StoredPickQuestion = z.omit(StoredQuestionDraft, { partnerId: true });

export const StoredFavourites = z.array(
  z.object({
    id: Id,
    channel: Id,
    duration: Id,
    question: StoredPickQuestion,
    more: z.exactOptional(z.array(StoredPickQuestion).check(z.maxLength(19))),
  }),
);

export const StoredDraft = z.object({
  id: Id,
  editing: z.boolean(),
  day: z.iso.date(),
  hour: z.int().check(z.gte(0), z.lte(23)),
  channel: z.nullable(Id),
  duration: z.nullable(Id),
  needs: Ids,
  questions: z.array(StoredQuestionDraft).check(z.minLength(1), z.maxLength(20)),
  note: Text,
});

/** Visit id → day: the visits checked as copied into the Bibliotheekmonitor. */
export const CopiedVisits = z.record(Id, z.iso.date());

/** A list whose entries are parsed one by one: one damaged entry loses only itself. */
export const StoredList = z.array(z.unknown()).check(z.maxLength(1_000));

/** The screen lock's PIN hash (pin.ts): never less than 100,000 iterations is trusted. */
export const StoredPin = z.object({
  salt: z.string().check(z.minLength(8), z.maxLength(100)),
  hash: z.string().check(z.minLength(8), z.maxLength(100)),
  iterations: z.int().check(z.gte(100_000), z.lte(10_000_000)),
});
export const StoredLockTries = z.object({
  failures: z.int().check(z.gte(0), z.lte(1_000_000)),
  waitUntil: Moment,
});
export const StoredLocked = z.boolean();

export const UploadTimeout = z.int().check(z.gte(100), z.lte(10 * 60_000));
/** https anywhere, or the app's own server (the page checks which when it is chosen). */
export const FollowedMapUrl = z.url({ protocol: /^https?$/ });

/** Compile-time proof that a parsed shape is what the app uses. */
export type Fits<Parsed, Used> = Parsed extends Used ? true : false;

// Compile-time proof that each parsed shape is what the app uses (an edit of one without the
// other fails the type check, not a user's device).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const proofs: [
  Fits<z.infer<typeof StoredFavourites>, readonly Favourite[]>,
  Fits<z.infer<typeof StoredDraft>, VisitDraft>,
  Same<keyof z.infer<typeof StoredQuestionDraft>, keyof QuestionDraft>,
  Same<keyof z.infer<typeof StoredDraft>, keyof VisitDraft>,
] = [true, true, true, true];
void proofs;

/** Parses a stored value; anything that does not fit gives `fallback`. */
export function parseStored<T, F = T>(
  schema: z.ZodMiniType<T>,
  value: unknown,
  fallback: F,
): { value: T | F; damaged: boolean } {
  if (value === undefined) return { value: fallback, damaged: false };
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { value: parsed.data, damaged: false }
    : { value: fallback, damaged: true };
}
