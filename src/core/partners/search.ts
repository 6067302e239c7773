// Finding a partner: a MiniSearch index over names, descriptions, topic labels, own keywords
// and language names, plus filters. Pure. Terms are folded (case, accents) when indexing and
// when searching, so "socaal" finds "Sociaal Raadslieden"; the caller passes the moment for "nu open".

import MiniSearch, { type Options } from 'minisearch';
import { type CatalogueOption, DEFAULT_CATALOGUE } from '../registration/catalogue';
import { isPartnerOpenAt, sortByName } from './choice';
import { foldText } from './cleaning';
import { findLanguage } from './languages';
import type { PartnerDetails } from './partner';

export interface PartnerFilters {
  /** A topic id of the catalogue: only partners that help with it. */
  readonly topic?: string;
  /** A language code: only partners that help in it. */
  readonly language?: string;
  /** A moment: only partners open (or holding a walk-in hour) then. */
  readonly openAt?: number;
}

export interface IndexedPartner {
  readonly id: string;
  readonly name: string;
  readonly organization: string;
  readonly topics: string;
  readonly keywords: string;
  readonly description: string;
  readonly places: string;
  readonly languages: string;
  readonly parts: string;
}

export interface PartnerIndex<T extends PartnerDetails> {
  readonly search: MiniSearch<IndexedPartner>;
  readonly byId: ReadonlyMap<string, IndexEntry<T>>;
}

/**
 * A partner and its "nu open" for one minute (hours have minutes at most, so the answer holds
 * for the whole minute): worked out once per partner per minute, not once per query.
 */
interface IndexEntry<T extends PartnerDetails> {
  readonly partner: T;
  openMinute: number;
  open: boolean;
}

/** Short words every description has; searching for them would match everything. */
const STOP_WORDS = new Set(
  'de het een en of van voor in op met te aan bij om tot naar uit die dat er is zijn je u'.split(
    ' ',
  ),
);

function processTerm(term: string): string | null {
  const folded = foldText(term);
  return STOP_WORDS.has(folded) ? null : folded;
}

/** Balie's MiniSearch: its fields, folding and stop words, boosts, prefix and typo search. */
export const SEARCH_OPTIONS: Options<IndexedPartner> = {
  fields: [
    'name',
    'organization',
    'topics',
    'keywords',
    'description',
    'places',
    'languages',
    'parts',
  ],
  processTerm,
  searchOptions: {
    boost: { name: 4, organization: 2, topics: 2, keywords: 2, parts: 0.5 },
    prefix: true,
    fuzzy: 0.2,
    combineWith: 'AND',
    processTerm,
  },
};

/** What MiniSearch indexes of each partner; `topics` gives the labels to search by. */
export function searchDocuments(
  partners: readonly PartnerDetails[],
  topics: readonly CatalogueOption[] = DEFAULT_CATALOGUE.topics,
): IndexedPartner[] {
  const labels = new Map(topics.map((topic) => [topic.id, topic.label]));
  return partners.map((partner) => {
    const topicLabels = partner.topics.map((id) => labels.get(id) ?? id).join(' ');
    const keywords = (partner.keywords ?? []).join(' ');
    return {
      id: partner.id,
      name: partner.name,
      organization: partner.organization ?? '',
      topics: topicLabels,
      keywords,
      description: [partner.description, ...partner.targetGroups].join(' '),
      places: partner.address === undefined ? '' : placeWords(partner.address),
      languages: partner.languages.map(languageWords).join(' '),
      parts: leadingParts([partner.name, partner.organization ?? '', keywords, topicLabels]),
    };
  });
}

/** The city and the postcode, found as "3511", "3511 AB" and "3511AB" alike. */
function placeWords({ city, postcode }: { city: string; postcode: string }): string {
  return postcode ? `${city} ${postcode} ${postcode.replace(/\s+/g, '')}` : city;
}

/** Builds the index; `topics` gives the labels to search by (pass local topics too). */
export function buildPartnerIndex<T extends PartnerDetails>(
  partners: readonly T[],
  topics: readonly CatalogueOption[] = DEFAULT_CATALOGUE.topics,
): PartnerIndex<T> {
  const search = new MiniSearch<IndexedPartner>(SEARCH_OPTIONS);
  search.addAll(searchDocuments(partners, topics));
  return {
    search,
    byId: new Map(
      partners.map((partner) => [partner.id, { partner, openMinute: Number.NaN, open: false }]),
    ),
  };
}

/** Best match first; with an empty query, every partner that passes the filters, by name. */
export function searchPartners<T extends PartnerDetails>(
  index: PartnerIndex<T>,
  query: string,
  filters: PartnerFilters = {},
): T[] {
  const { openAt: moment, ...others } = filters;
  // Decided once per query, not once per hit: which filters apply, and the minute.
  const filtered = others.topic !== undefined || others.language !== undefined;
  const minute = moment === undefined ? undefined : Math.floor(moment / 60_000);
  const passes = (entry: IndexEntry<T>) =>
    (!filtered || matchesFilters(entry.partner, others)) &&
    (moment === undefined || isOpen(entry, moment, minute as number));
  if (query.trim() === '') {
    return sortByName([...index.byId.values()].filter(passes).map(({ partner }) => partner));
  }
  const found: T[] = [];
  for (const result of index.search.search(query)) {
    const entry = index.byId.get(result.id as string);
    if (entry !== undefined && passes(entry)) found.push(entry.partner);
  }
  return found;
}

/** Whether a partner is open at a moment, worked out once per partner per minute. */
function isOpen(entry: IndexEntry<PartnerDetails>, moment: number, minute: number): boolean {
  if (entry.openMinute !== minute) {
    entry.open = isPartnerOpenAt(entry.partner, moment);
    entry.openMinute = minute;
  }
  return entry.open;
}

/** "Arabisch" and "arabic", so either name finds the partner; the code alone is too short. */
function languageWords({ code, name }: { code: string; name: string }): string {
  return [name, ...(findLanguage(code)?.aliases ?? [])].join(' ');
}

/**
 * The starts of long words ("schuldhulp", "schuldhulpm", …), so a typo early in a compound
 * word ("schuldhlp") still finds it: MiniSearch's fuzzy match compares whole terms, and its
 * prefix match allows no typo. Only for short fields, to keep the index small.
 */
function leadingParts(texts: readonly string[]): string {
  const parts = new Set<string>();
  for (const word of foldText(texts.join(' ')).split(/[^\p{L}\p{N}]+/u)) {
    for (let length = MIN_PART; length < word.length && word.length >= MIN_WORD; length++) {
      parts.add(word.slice(0, length));
    }
  }
  return [...parts].join(' ');
}

const MIN_WORD = 9;
const MIN_PART = 7;

export function matchesFilters(partner: PartnerDetails, filters: PartnerFilters): boolean {
  if (filters.topic !== undefined && !partner.topics.includes(filters.topic)) return false;
  const language = filters.language?.toLowerCase();
  if (language !== undefined && !partner.languages.some((spoken) => spoken.code === language)) {
    return false;
  }
  return filters.openAt === undefined || isPartnerOpenAt(partner, filters.openAt);
}
