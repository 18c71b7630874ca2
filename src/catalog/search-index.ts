import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Topic } from '../model/topic.js';
import { normalizeName } from '../model/normalize.js';
import { topicBodyText } from '../model/topic-text.js';
import { STOP_WORDS } from './stop-words.js';

export interface SearchHit {
  topic: Topic;
  score: number;
  /** The query terms as they matched in the text (after fuzzy and prefix matching). */
  terms: string[];
  /** The whole query (less the words search ignores) is this topic's id, title or an alias. */
  exactMatch?: boolean;
}

export interface SearchIndex {
  search(query: string): SearchHit[];
}

/**
 * Search has two parts. A MiniSearch index of each topic's names (title and aliases) ranks topics and forgives
 * prefixes and near spellings. The rest of a topic (its summary, section headings, comparison facts and page
 * text) is not indexed: it is scanned for each word, a few hundred kilobytes in a few milliseconds, which
 * costs less than loading an index of every word at each start. So near spellings match names only; in the
 * rest a word matches where it begins a word (`hyperc` finds hypercall).
 */
const FIELDS = ['title', 'aliases'];
/** A hit in a title or alias outranks one in the summary, which outranks one in the headings or facts, then the page. */
const BOOST = { title: 4, aliases: 4 };
const WEIGHT = { summary: 2, details: 1.5, page: 1 };
/**
 * Pages that teach a subject at length (the methods and the guide's chapters) come before the short
 * glossary entry of the same word: a learner searching "hypercall" is best served by paravirtualization.
 */
/** The share of a query's words a topic's name must be for the topic to come before the pages that only mention it. */
const NAMED_SHARE = 0.5;
/** Words this short, once typed in full, match only themselves (and their inflections), not longer words. */
const SHORT_WORD = 3;
/** How much more a topic counts whose summary holds all of the query's words (in part: by the share squared). */
const SUMMARY_BONUS = 4;
/** The share of a question's words (of three or more) that a topic must match. */
const MOST_WORDS = 0.6;
const KIND_WEIGHT: Record<Topic['kind'], number> = { method: 2, chapter: 1.3, section: 1.2, product: 1.5, term: 0.6 };

type ShortFields = { id: string; title: string; aliases: string };

const processTerm = (term: string) => {
  const lower = term.toLowerCase();
  return STOP_WORDS.has(lower) ? null : lower;
};
const OPTIONS: Options<ShortFields> = { fields: FIELDS, storeFields: [], processTerm };

/**
 * What search keeps of a guide between runs (the build, for the built-in guide; the cache, for a guide with
 * packs): the index of names, each topic's scanned text and every name of every topic (see exactNames).
 */
export interface SearchData {
  index: AsPlainObject;
  /** The topics whose text is kept, in the order of `text`. */
  ids: string[];
  /**
   * Each field of the scanned text, every topic's one after the other in the order of `ids`, with the length
   * of each: one long text per field is read whole, where hundreds of short ones each cost the garbage collector.
   */
  text: Record<ScannedField, string>;
  lengths: Record<ScannedField, number[]>;
  /** Every name of every topic as compared (see exactNames), to the topic's id. */
  names: Record<string, string>;
}

/** A topic's text that is scanned, lower-cased once, here, instead of at every search. */
interface ScannedText {
  summary: string;
  details: string;
  page: string;
}
type ScannedField = keyof ScannedText;
const SCANNED_FIELDS: ScannedField[] = ['summary', 'details', 'page'];

function shortFields(topic: Topic): ShortFields {
  return { id: topic.id, title: topic.title, aliases: topic.aliases.join(' ') };
}

function scannedText(topic: Topic): ScannedText {
  const headings = topic.sections.map((section) => section.heading);
  const facts = Object.values(topic.attributes).map((value) => `${value.value} ${value.why ?? ''}`);
  return {
    summary: scannable(topic.summary),
    details: scannable([...headings, ...facts].join('\n')),
    page: scannable(topicBodyText(topic)),
  };
}

/**
 * Text as it is scanned: lower-cased, with each run of spaces and punctuation one space. A query's words never
 * hold those (the tokenizer splits at them), so scanning finds the same words; and the text is shorter, and
 * stays one-byte (a dash or an ellipsis would make the whole guide's text two-byte) for Node to read whole.
 */
const scannable = (text: string) => text.toLowerCase().replace(SEPARATORS, ' ');
/** What MiniSearch's default tokenizer splits words at. */
const SEPARATORS = /[\n\r\p{Z}\p{P}]+/gu;

/** For the build: the built-in guide's search data, given its topics with their pages. */
export function makeSearchData(topics: Topic[]): SearchData {
  const index = new MiniSearch(OPTIONS);
  index.addAll(topics.map(shortFields));
  return searchData(index, new Map(topics.map((topic) => [topic.id, scannedText(topic)])), exactNames(topics));
}

function searchData(
  index: MiniSearch<ShortFields>,
  text: Map<string, ScannedText>,
  names: Map<string, Topic>,
): SearchData {
  const texts = [...text.values()];
  const joined = (field: ScannedField) => texts.map((scanned) => scanned[field]).join('');
  const lengths = (field: ScannedField) => texts.map((scanned) => scanned[field].length);
  return {
    index: index.toJSON(),
    ids: [...text.keys()],
    text: { summary: joined('summary'), details: joined('details'), page: joined('page') },
    lengths: { summary: lengths('summary'), details: lengths('details'), page: lengths('page') },
    names: Object.fromEntries([...names].map(([key, topic]) => [key, topic.id])),
  };
}

/**
 * The scanned text of each topic from search data, by id; undefined when the data is not as searchData makes
 * it (the cache is read as if a stranger wrote it). Each topic's text is a slice of the field's long text.
 */
function scannedTexts(data: SearchData): Map<string, ScannedText> | undefined {
  const { ids, text, lengths } = data;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return undefined;
  const texts = ids.map((): ScannedText => ({ summary: '', details: '', page: '' }));
  for (const field of SCANNED_FIELDS) {
    const whole = text?.[field];
    const sizes = lengths?.[field];
    if (typeof whole !== 'string' || !Array.isArray(sizes) || sizes.length !== ids.length) return undefined;
    let at = 0;
    for (const [place, size] of sizes.entries()) {
      if (!Number.isSafeInteger(size) || size < 0 || at + size > whole.length) return undefined;
      texts[place]![field] = whole.slice(at, at + size);
      at += size;
    }
  }
  return new Map(ids.map((id, place) => [id, texts[place]!]));
}

function isSearchData(value: unknown): value is SearchData {
  const data = value as SearchData | null;
  return isRecord(data?.index) && isRecord(data?.text) && isRecord(data?.lengths) && isRecord(data?.names);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The MiniSearch index that search data holds, or undefined when MiniSearch cannot load it. */
function loadIndex(data: SearchData): MiniSearch<ShortFields> | undefined {
  try {
    return MiniSearch.loadJS(data.index, OPTIONS);
  } catch {
    return undefined;
  }
}

/**
 * Search data read back from the cache, or undefined when it is not as searchData writes it. Checked as if a
 * stranger wrote it, and more closely than the build's: MiniSearch's loadJS takes almost any object, and a
 * document without field lengths, say, only fails at a later search.
 */
export function keptSearchData(value: unknown): SearchData | undefined {
  if (!isSearchData(value) || !isIndexAsWritten(value.index) || !scannedTexts(value)) return undefined;
  return Object.values(value.names).every((id) => typeof id === 'string') ? value : undefined;
}

/**
 * Whether a MiniSearch index is one toJSON could have written with OPTIONS: its fields, and a field length for
 * each document, where MiniSearch looks for them. A posting may name a document that is gone: MiniSearch
 * keeps those after a discard, and skips them.
 */
function isIndexAsWritten(value: unknown): value is AsPlainObject {
  if (!isRecord(value) || value.serializationVersion !== 2) return false;
  const { documentIds, fieldIds, fieldLength, averageFieldLength, storedFields, index } = value;
  const isCount = (count: unknown) => Number.isSafeInteger(count) && (count as number) >= 0;
  const isLengths = (lengths: unknown) =>
    Array.isArray(lengths) &&
    lengths.length === FIELDS.length &&
    lengths.every((length) => Number.isFinite(length) && length >= 0);
  const isShortId = (key: string) => /^\d+$/.test(key);
  if (![value.documentCount, value.nextId, value.dirtCount].every(isCount)) return false;
  if (!isRecord(fieldIds) || Object.keys(fieldIds).length !== FIELDS.length) return false;
  if (!FIELDS.every((field, at) => fieldIds[field] === at) || !isLengths(averageFieldLength)) return false;
  if (!isRecord(documentIds) || !isRecord(fieldLength) || !isRecord(storedFields) || !Array.isArray(index))
    return false;
  for (const key in documentIds)
    if (!isShortId(key) || typeof documentIds[key] !== 'string' || !isLengths(fieldLength[key])) return false;
  return index.every((entry: unknown) => {
    const [term, byField] = Array.isArray(entry) && entry.length === 2 ? (entry as unknown[]) : [];
    if (typeof term !== 'string' || !isRecord(byField)) return false;
    for (const fieldId in byField) {
      const postings = byField[fieldId];
      if (!isShortId(fieldId) || Number(fieldId) >= FIELDS.length || !isRecord(postings)) return false;
      for (const key in postings) if (!isShortId(key) || !isCount(postings[key])) return false;
    }
    return true;
  });
}

/** A guide's search index, and the data to keep it by. */
export interface BuiltSearchIndex extends SearchIndex {
  /** Whether the prebuilt data held every topic, so that data() would give back what it was. */
  fromPrebuiltOnly: boolean;
  data(): SearchData;
}

/**
 * The search index of a guide. `prebuilt` (search data: the built-in guide's, or a cached one) serves the
 * topics it holds that `fromPrebuilt` accepts; every other topic is indexed here from its page, given by `page`.
 */
export async function createSearchIndex(
  topics: Topic[],
  page: (topic: Topic) => Promise<Topic>,
  prebuilt?: unknown,
  fromPrebuilt: (topic: Topic) => boolean = () => false,
): Promise<BuiltSearchIndex> {
  const data = isSearchData(prebuilt) ? prebuilt : undefined;
  const loaded = data ? loadIndex(data) : undefined;
  const prebuiltTexts = data && loaded ? scannedTexts(data) : undefined;
  // Data whose index or text cannot be read serves no topic: each is indexed from its page.
  const usable = prebuiltTexts ? data : undefined;
  const index = (prebuiltTexts && loaded) || new MiniSearch(OPTIONS);
  const text = new Map<string, ScannedText>();
  const own: Topic[] = [];
  for (const topic of topics) {
    const prebuiltText = prebuiltTexts && fromPrebuilt(topic) ? prebuiltTexts.get(topic.id) : undefined;
    if (prebuiltText !== undefined && index.has(topic.id)) text.set(topic.id, prebuiltText);
    else own.push(topic);
  }
  for (const full of await Promise.all(own.map(page))) {
    if (index.has(full.id)) index.discard(full.id);
    index.add(shortFields(full));
    text.set(full.id, scannedText(full));
  }
  // In the guide's order, as kept data gives them: ties in score keep this order.
  if (own.length > 0) reorder(text, topics);
  // Only this guide's topics are answered, whatever else the prebuilt index holds.
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  // The prebuilt names serve the topics it serves; the other topics are named here.
  let ownNames: Map<string, Topic> | undefined;
  const prebuiltNamed = (key: string): Topic | undefined => {
    const id = usable && Object.hasOwn(usable.names, key) ? usable.names[key] : undefined;
    const topic = typeof id === 'string' ? byId.get(id) : undefined;
    return topic && fromPrebuilt(topic) ? topic : undefined;
  };
  const topicNamed = (key: string): Topic | undefined => prebuiltNamed(key) ?? (ownNames ??= exactNames(own)).get(key);
  return {
    search: (query) => putNamedFirst(query, rank(query, index, text, byId), topicNamed),
    fromPrebuiltOnly: own.length === 0,
    data: () => {
      const names = new Map(exactNames(own));
      for (const key of usable ? Object.keys(usable.names) : []) {
        const topic = prebuiltNamed(key);
        if (topic) names.set(key, topic);
      }
      return searchData(index, text, names);
    },
  };
}

/** Puts the entries of `text` in the order of `topics`. */
function reorder(text: Map<string, ScannedText>, topics: Topic[]): void {
  const entries = topics.map((topic): [string, ScannedText] => [topic.id, text.get(topic.id)!]);
  text.clear();
  for (const [id, scanned] of entries) text.set(id, scanned);
}

const tokenize = (text: string) => (MiniSearch.getDefault('tokenize') as (text: string) => string[])(text);
const significantWords = (text: string) =>
  tokenize(text)
    .map(processTerm)
    .filter((term): term is string => !!term);

/** A topic's names: its id, title, the title's short form and the part in brackets, and its aliases. */
function namesOf(topic: Topic): string[] {
  const bracket = /^(.*?)\s*\((.+)\)\s*$/.exec(topic.title);
  return [topic.id, topic.title, ...(bracket ? [bracket[1]!, bracket[2]!] : []), ...topic.aliases];
}

/**
 * Every name of every topic, as compared (see normalizeName), to the topic it names: with and without the
 * words search ignores, so "What is virtualization?" is named by "virtualization" too.
 */
function exactNames(topics: Topic[]): Map<string, Topic> {
  const exact = new Map<string, Topic>();
  for (const topic of topics) {
    for (const name of namesOf(topic)) {
      for (const key of [normalizeName(name), normalizeName(significantWords(name).join(' '))]) {
        if (key && !exact.has(key)) exact.set(key, topic);
      }
    }
  }
  return exact;
}

/** A query word names a word of a title when they are the same, or the query's is its plural. */
const sameWord = (asked: string, named: string) => asked === named || asked === `${named}s` || asked === `${named}es`;

/**
 * A learner who types a topic's name wants that page, even when longer pages mention the word more: the topic
 * the whole query names comes first (marked exactMatch), then the topics whose title or alias is most of the
 * query ("kvm vs xen": both), then the rest in the order of their scores. In a longer question a name is one
 * word among several, and the page that answers the question matters more than the one that is named.
 */
function putNamedFirst(query: string, hits: SearchHit[], topicNamed: (key: string) => Topic | undefined): SearchHit[] {
  const asked = significantWords(query);
  const exact =
    topicNamed(normalizeName(query)) ?? (asked.length ? topicNamed(normalizeName(asked.join(' '))) : undefined);
  // Only topics that matched can be named by most of the query: their names are all that need reading. A
  // name that holds none of the asked words, even less a plural ending, cannot be one: a cheap test that
  // spares splitting into words the names of the thousands of pages a common word can match.
  const stems = asked.map((term) => term.replace(/(?:es|s)$/, ''));
  const named = new Set<Topic>();
  const mayBeNamed = (text: string) => stems.some((stem) => text.toLowerCase().includes(stem));
  for (const { topic } of hits) {
    if (!mayBeNamed(`${topic.id} ${topic.title} ${topic.aliases.join(' ')}`)) continue;
    for (const name of namesOf(topic)) {
      if (!mayBeNamed(name)) continue;
      // Distinct words: "virtual to virtual" is one word of a query, not two.
      const words = [...new Set(significantWords(name))];
      const all = words.length > 0 && words.every((word) => asked.some((term) => sameWord(term, word)));
      if (all && words.length / asked.length >= NAMED_SHARE) named.add(topic);
    }
  }
  if (!exact && named.size === 0) return hits;
  const tier = (hit: SearchHit) => (hit.topic === exact ? 2 : named.has(hit.topic) ? 1 : 0);
  const ranked = hits.map((hit) => (hit.topic === exact ? { ...hit, exactMatch: true } : hit));
  if (exact && !ranked.some((hit) => hit.topic === exact))
    ranked.unshift({ topic: exact, score: ranked[0]?.score ?? 1, terms: asked, exactMatch: true });
  // Sorting is stable, so each tier keeps the order of the scores.
  return ranked.sort((a, b) => tier(b) - tier(a));
}

function rank(
  query: string,
  index: MiniSearch<ShortFields>,
  text: Map<string, ScannedText>,
  byId: Map<string, Topic>,
): SearchHit[] {
  const words = significantWords(query);
  const terms = [...new Set(words)];
  if (terms.length === 0) return [];
  // The last word may still be being typed (the menu's finder searches at each key); a word before it is
  // whole, and a short whole word ("run") is not the start of longer ones (runc, runtime).
  const whole = (term: string) => term.length <= SHORT_WORD && term !== words.at(-1);
  // A topic's score is the sum over the words it matches. Learners type questions, with words no page uses
  // ("how do vms work on a mac"), so a topic need not match every word: one or two words must all match, and
  // of more, most (MOST_WORDS); a topic that matches more of the words ranks above one that matches fewer.
  const totals = new Map<string, { score: number; matched: number; described: number; terms: Set<string> }>();
  for (const term of terms) {
    const matches = new Map<string, { score: number; terms: string[] }>();
    for (const result of index.search(term, {
      boost: BOOST,
      prefix: term.length >= 3 && !whole(term),
      fuzzy: term.length >= 5 ? 0.2 : false,
    })) {
      if (byId.has(result.id as string)) matches.set(result.id as string, { score: result.score, terms: result.terms });
    }
    const scanned = scan(term, text, whole(term));
    // A name's word that a third or more of the pages use ("running") says less than a rare one: the name
    // index only knows how rare a word is among names.
    for (const match of matches.values()) match.score *= Math.min(1, scanned.rarity);
    for (const [id, score] of scanned.scores) {
      const match = matches.get(id) ?? { score: 0, terms: [] };
      match.score += score;
      if (!match.terms.includes(term)) match.terms.push(term);
      matches.set(id, match);
    }
    for (const [id, match] of matches) {
      const total = totals.get(id) ?? { score: 0, matched: 0, described: 0, terms: new Set<string>() };
      total.score += match.score;
      total.matched++;
      if (scanned.inSummary.has(id)) total.described++;
      for (const found of match.terms) total.terms.add(found);
      totals.set(id, total);
    }
  }
  const needed = terms.length <= 2 ? terms.length : Math.ceil(terms.length * MOST_WORDS);
  const hits: SearchHit[] = [];
  for (const [id, total] of totals) {
    if (total.matched < needed) continue;
    const topic = byId.get(id)!;
    const coverage = total.matched / terms.length;
    // A topic whose one-line summary holds the question's words is what the question asks about.
    const described = total.described / terms.length;
    const score =
      total.score * coverage * coverage * KIND_WEIGHT[topic.kind] * (1 + SUMMARY_BONUS * described * described);
    hits.push({ topic, score: Math.round(score * 100) / 100, terms: [...total.terms] });
  }
  return hits.sort((a, b) => b.score - a.score);
}

/**
 * Each topic whose headings, facts or page text have a word that begins with `term`, scored by how often
 * (saturating: the fifth mention says less than the first) and by how rare the word is across topics (a word
 * on every page ranks nothing).
 */
function scan(
  term: string,
  text: Map<string, ScannedText>,
  whole: boolean,
): { scores: Map<string, number>; rarity: number; inSummary: Set<string> } {
  const counts = new Map<string, { summary: number; details: number; page: number }>();
  for (const [id, scanned] of text) {
    const found = {
      summary: occurrences(term, scanned.summary, whole),
      details: occurrences(term, scanned.details, whole),
      page: occurrences(term, scanned.page, whole),
    };
    if (found.summary + found.details + found.page > 0) counts.set(id, found);
  }
  const rarity = Math.log(1 + (text.size - counts.size + 0.5) / (counts.size + 0.5));
  const saturate = (found: number) => (found * 2.2) / (found + 1.2);
  const scores = new Map<string, number>();
  for (const [id, found] of counts) {
    const weighted =
      WEIGHT.summary * saturate(found.summary) +
      WEIGHT.details * saturate(found.details) +
      WEIGHT.page * saturate(found.page);
    scores.set(id, rarity * weighted);
  }
  const inSummary = new Set([...counts].filter(([, found]) => found.summary > 0).map(([id]) => id));
  return { scores, rarity, inSummary };
}

/**
 * How often a word begins with `term`. A term of one or two letters, as in the names, and with `whole` a
 * short word, match only as the word itself or inflected ("run": runs, running; not runc or runtime).
 */
function occurrences(term: string, text: string, whole: boolean): number {
  const wholeWord = whole || term.length < 3;
  let found = 0;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
    if (startsWord(text, at) && (!wholeWord || endsWord(text, at + term.length, term.at(-1)!))) found++;
  }
  return found;
}

/** Whether what follows a word's stem at `at` ends the word, or is only an inflection: -s, -es, -ed, -ing, with a doubled last letter. */
const endsWord = (text: string, at: number, last: string) => {
  const rest = /^[\p{L}\p{N}]*/u.exec(text.slice(at, at + 8))![0];
  return rest === '' || INFLECTION.test(rest.startsWith(last) ? rest.slice(1) : rest);
};
const INFLECTION = /^(?:s|es|ed|ing|ings)$/;

const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character);
const startsWord = (text: string, at: number) => at === 0 || !isWordCharacter(text[at - 1]);
