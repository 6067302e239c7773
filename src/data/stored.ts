// The shapes of what this device keeps besides visits and the outbox: sync state, answer-list
// changes, favourites, published-map state and the half-filled form. Every read parses with
// these, so a damaged value, or one an older version wrote, falls back to its default instead
// of being trusted. Each shape is checked against the type the rest of the app uses.

import * as z from 'zod/mini';
import type { Customisation } from '../core/registration/catalogue';
import { LIST_NAMES } from '../core/registration/catalogue';
import type { QuestionDraft, VisitDraft } from '../core/registration/draft';
import type { Favourite } from '../core/registration/quick-picks';
import { FAILURE_CODES, type RetryState } from '../core/upload/outbox';
import type { MapSourceState, Progress } from './db';

const Moment = z.nullable(z.number());
const Text = z.string().check(z.maxLength(10_000));
const Id = z.string().check(z.maxLength(200));
const Ids = z.array(Id).check(z.maxLength(200));

export const StoredRetryState = z.object({
  attempts: z.number(),
  nextTryAt: Moment,
  waitUntil: Moment,
  blocked: z.boolean(),
  lastError: z.nullable(
    z.object({
      code: z.enum(FAILURE_CODES),
      status: z.exactOptional(z.number()),
      detail: z.exactOptional(Text),
      unanswered: z.exactOptional(z.number()),
      at: z.number(),
    }),
  ),
  lastSuccessAt: Moment,
  lastAttemptAt: Moment,
  batchLimit: z.int().check(z.gte(1)),
});

export const StoredProgress = z.object({
  sent: z.number(),
  total: z.number(),
  updatedAt: z.number(),
});

export const StoredCustomisation = z.object({
  revision: z.int().check(z.gte(0)),
  hidden: Ids,
  added: z.array(
    z.object({
      id: Id,
      label: Text,
      list: z.enum(LIST_NAMES),
      domain: z.exactOptional(Id),
      retired: z.exactOptional(z.literal(true)),
    }),
  ),
});

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

const MapFailureShape = z.object({
  code: z.enum(['network', 'timeout', 'not-found', 'http', 'too-large', 'invalid']),
  detail: z.exactOptional(Text),
});

export const StoredMaps = z.record(
  z.string(),
  z.object({
    url: z.string(),
    etag: z.exactOptional(z.string()),
    bodyHash: z.exactOptional(z.string()),
    checkedAt: z.number(),
    importedAt: Moment,
    partners: z.number(),
    error: z.exactOptional(MapFailureShape),
  }),
);

/** Visit id → day: the visits checked as copied into the Bibliotheekmonitor. */
export const CopiedVisits = z.record(Id, z.iso.date());

export const UploadTimeout = z.int().check(z.gte(100), z.lte(10 * 60_000));
/** https anywhere, or the app's own server (the page checks which when it is chosen). */
export const FollowedMapUrl = z.url({ protocol: /^https?$/ });

// Compile-time proof that each parsed shape is what the app uses (an edit of one without the
// other fails the type check, not a user's device).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Fits<Parsed, Used> = Parsed extends Used ? true : false;
const proofs: [
  Fits<z.infer<typeof StoredRetryState>, RetryState>,
  Fits<z.infer<typeof StoredProgress>, Progress>,
  Fits<z.infer<typeof StoredCustomisation>, Customisation>,
  Fits<z.infer<typeof StoredFavourites>, readonly Favourite[]>,
  Fits<z.infer<typeof StoredDraft>, VisitDraft>,
  Same<keyof z.infer<typeof StoredQuestionDraft>, keyof QuestionDraft>,
  Same<keyof z.infer<typeof StoredDraft>, keyof VisitDraft>,
  Fits<z.infer<typeof StoredMaps>, Readonly<Record<string, MapSourceState>>>,
] = [true, true, true, true, true, true, true, true];
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
