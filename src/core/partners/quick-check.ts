// The quick check an import runs on each partner before zod: the lengths and counts of the
// schema checked by hand, each repeated value (an email, a topic, an hours object) checked once.
// Pure. It answers only "certainly valid" or "ask zod": a partner it does not pass goes
// through `checkDetails` itself, so every problem a person sees is still zod's.

import * as z from 'zod/mini';
import { OptionId } from '../registration/schema';
import { isPhoneNumber, WEB_ADDRESS } from './contact-values';
import { Hours } from './hours';
import { LANGUAGE_CODE } from './languages';
import { Email, LIMITS, PartnerDetails } from './partner';

type Check = (value: unknown) => boolean;

/** A check that asks zod once per value (values repeat across a sheet: emails, dates, hours). */
function once(schema: z.ZodMiniType, keyed: 'value' | 'object'): Check {
  const known = keyed === 'object' ? new WeakMap<object, boolean>() : new Map<unknown, boolean>();
  return (value) => {
    if (keyed === 'object' && (typeof value !== 'object' || value === null)) return false;
    let valid = known.get(value as object);
    if (valid === undefined) {
      valid = schema.safeParse(value).success;
      known.set(value as object, valid);
    }
    return valid;
  };
}

function text(value: unknown, min: number, max: number): boolean {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

function list(value: unknown, max: number, item: Check): boolean {
  if (!Array.isArray(value) || value.length > max) return false;
  for (const each of value) if (!item(each)) return false;
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Exactly these keys, each present: a strict object of required fields. */
function hasKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return (
    Object.keys(value).length === keys.length && keys.every((key) => Object.hasOwn(value, key))
  );
}

function word(value: unknown): boolean {
  return text(value, 1, LIMITS.word);
}

function language(value: unknown): boolean {
  return (
    isRecord(value) &&
    hasKeys(value, ['code', 'name']) &&
    typeof value.code === 'string' &&
    LANGUAGE_CODE.test(value.code) &&
    text(value.name, 1, LIMITS.languageName)
  );
}

function address(value: unknown): boolean {
  return (
    isRecord(value) &&
    hasKeys(value, ['street', 'postcode', 'city']) &&
    text(value.street, 0, LIMITS.street) &&
    text(value.postcode, 0, LIMITS.postcode) &&
    text(value.city, 0, LIMITS.city)
  );
}

const FIELDS = new Set(Object.keys(PartnerDetails.shape));
const GUID = z.regexes.guid;

/**
 * A quick check for many partners of one import. True only when `PartnerDetails` would accept
 * the value as it is; false means "not sure": the caller then asks zod.
 */
export function quickDetailsCheck(): (value: Record<string, unknown>) => boolean {
  const hours = once(Hours, 'object');
  const email = once(Email, 'value');
  const date = once(z.iso.date(), 'value');
  const topic = once(OptionId, 'value');
  return (value) => {
    for (const key in value) {
      // Linked HSDS records and anything unknown are left to zod.
      if (!FIELDS.has(key) || key === 'hsds' || value[key] === undefined) return false;
    }
    const { organization, keywords, phone, website, lastVerified } = value;
    return (
      typeof value.id === 'string' &&
      GUID.test(value.id) &&
      text(value.name, 1, LIMITS.name) &&
      (organization === undefined || text(organization, 1, LIMITS.name)) &&
      text(value.description, 0, LIMITS.description) &&
      list(value.topics, LIMITS.topics, topic) &&
      (keywords === undefined || list(keywords, LIMITS.keywords, word)) &&
      (value.address === undefined || address(value.address)) &&
      (phone === undefined || (typeof phone === 'string' && isPhoneNumber(phone))) &&
      (value.email === undefined || email(value.email)) &&
      (website === undefined || (typeof website === 'string' && WEB_ADDRESS.test(website))) &&
      hours(value.openingHours) &&
      hours(value.walkInHours) &&
      list(value.languages, LIMITS.languages, language) &&
      list(value.targetGroups, LIMITS.targetGroups, word) &&
      (lastVerified === undefined || date(lastVerified))
    );
  };
}
