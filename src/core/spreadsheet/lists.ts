// Cells that hold a list: topics in the catalogue's words or the office's own, keywords,
// languages ("Nederlands;Turks", "Nederlands en Turks"), target groups.
// Pure. A word that is no catalogue topic is kept as the partner's own keyword, and mapped
// to a topic only where the synonym table says the meaning is clear.

import { cleanText, foldText } from '../partners/cleaning';
import { topicsForWord } from '../partners/topic-synonyms';
import type { CatalogueOption } from '../registration/catalogue';

/** The branch's topics, found by id or label, and the ids a synonym may point to. */
export interface TopicLookup {
  readonly find: (text: string) => string | undefined;
  readonly known: ReadonlySet<string>;
}

export function topicLookup(topics: readonly CatalogueOption[]): TopicLookup {
  // Only letters and digits count, so "AOW,pensioen" finds "AOW, pensioen en kinderbijslag".
  const key = (text: string) => foldText(text).replace(/[^\p{L}\p{N}]/gu, '');
  const byKey = new Map<string, string>();
  for (const { id, label } of topics) {
    for (const name of [id, label, label.replace(/\s*\(.*\)\s*$/, '')]) byKey.set(key(name), id);
  }
  // A sheet repeats the same cells: each text is looked up once per import.
  const found = new Map<string, string | undefined>();
  const find = (text: string) => {
    if (found.has(text)) return found.get(text);
    const id = byKey.get(key(text));
    found.set(text, id);
    return id;
  };
  return { find, known: new Set(topics.map(({ id }) => id)) };
}

export interface OwnWord {
  readonly word: string;
  /** Catalogue topics the word was mapped to; empty when it is kept as a keyword only. */
  readonly topics: readonly string[];
}

export interface TopicCell {
  readonly topics: readonly string[];
  readonly keywords: readonly string[];
  readonly ownWords: readonly OwnWord[];
}

/**
 * Topic labels may hold commas themselves ("AOW, pensioen en kinderbijslag"), so each item
 * takes the longest run of comma-separated pieces that is a known topic.
 */
export function readTopicCell(text: string, lookup: TopicLookup): TopicCell {
  // A sheet repeats the same topic cells: each is read once per lookup, so once per import.
  const cells = readCells.get(lookup) ?? new Map<string, TopicCell>();
  readCells.set(lookup, cells);
  const known = cells.get(text);
  if (known !== undefined) return known;
  const read = readNewTopicCell(text, lookup);
  cells.set(text, read);
  return read;
}

const readCells = new WeakMap<TopicLookup, Map<string, TopicCell>>();

function readNewTopicCell(text: string, lookup: TopicLookup): TopicCell {
  const pieces = splitList(text);
  const topics = new Set<string>();
  const ownWords: OwnWord[] = [];
  for (let start = 0; start < pieces.length; ) {
    let end = pieces.length;
    while (end > start && lookup.find(pieces.slice(start, end).join(', ')) === undefined) end--;
    const id = lookup.find(pieces.slice(start, end).join(', '));
    if (id !== undefined) topics.add(id);
    else {
      const word = (pieces[start] ?? '').slice(0, 80);
      const mapped = topicsForWord(word, lookup.known);
      for (const topic of mapped) topics.add(topic);
      ownWords.push({ word, topics: mapped });
    }
    start = Math.max(end, start + 1);
  }
  return { topics: [...topics], keywords: uniqueWords(ownWords.map(({ word }) => word)), ownWords };
}

/** Keywords without doubles, ignoring case and accents; the first spelling is kept. */
export function uniqueWords(words: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const word of words) if (!seen.has(foldText(word))) seen.set(foldText(word), word);
  return [...seen.values()];
}

/** Languages also come as "Nederlands en Turks" or "Nederlands / Turks". */
export function splitLanguages(text: string): string[] {
  return splitList(text).flatMap((item) => item.split(/\s*\/\s*|\s+(?:en|of)\s+/).filter(Boolean));
}

/** Items split on commas, semicolons or line breaks, but not inside brackets: "Gemeentezaken (paspoort, verhuizen)". */
export function splitList(text: string): string[] {
  // Without an opening bracket every separator splits.
  if (!text.includes('('))
    return text
      .split(SEPARATORS)
      .map((item) => cleanText(item))
      .filter(Boolean);
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && SEPARATORS.test(char)) {
      items.push(current);
      current = '';
    } else current += char;
  }
  return [...items, current].map((item) => cleanText(item)).filter(Boolean);
}

const SEPARATORS = /[,;\n|]/;
