import { join } from 'node:path';
import MiniSearch, { type SearchResult } from 'minisearch';
import {
  ensureCacheFolder,
  pruneUnusedCaches,
  readCacheFileMarkingUse,
  writeCacheFile,
} from '../content/cache-files.js';
import { restoreSearchIndex, snapshotSearchIndex } from './search-snapshot.js';
import { STOP_WORDS } from './stop-words.js';
import type { Topic } from '../model/topic.js';
import { topicBodyText } from '../model/topic-text.js';

export interface SearchHit {
  topic: Topic;
  score: number;
  /** The query terms as they matched in the text (after fuzzy and prefix matching). */
  terms: string[];
}

const FIELDS = ['title', 'aliases', 'summary', 'facts', 'body'];

const processTerm = (term: string) => {
  const lower = term.toLowerCase();
  return STOP_WORDS.has(lower) ? null : lower;
};
/** A hit in a title or alias outranks one in the summary or comparison facts, which outranks one in the page text. */
const BOOST = { title: 4, aliases: 4, summary: 2, facts: 2, body: 1 };
/**
 * Pages that teach a subject at length (the methods and the guide's chapters) come before the short
 * glossary entry of the same word: a learner searching "hypercall" is best served by paravirtualization.
 */
const KIND_WEIGHT: Record<Topic['kind'], number> = { method: 2, chapter: 1.3, section: 1.2, product: 1.5, term: 0.6 };

type SearchDocument = { id: string; title: string; aliases: string; summary: string; facts: string; body: string };

function indexOptions(kindOf: (id: string) => Topic['kind'] | undefined) {
  return {
    fields: FIELDS,
    storeFields: [],
    processTerm,
    searchOptions: {
      boost: BOOST,
      boostDocument: (id: unknown) => KIND_WEIGHT[kindOf(id as string) ?? 'term'],
      combineWith: 'AND' as const,
      prefix: (term: string) => term.length >= 3,
      fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
    },
  };
}

export function searchDocument(topic: Topic): SearchDocument {
  return {
    id: topic.id,
    title: topic.title,
    aliases: topic.aliases.join(' '),
    summary: topic.summary,
    facts: factsText(topic),
    body: topicBodyText(topic),
  };
}

/** The built-in guide's index, made at build time so that searching it never re-indexes its pages. */
export function serializeSearchIndex(topics: Topic[]): Buffer {
  const index = new MiniSearch<SearchDocument>(indexOptions(() => undefined));
  index.addAll(topics.map(searchDocument));
  return snapshotSearchIndex(index);
}

/**
 * Ranked full-text search with MiniSearch: every word must match (AND), each may be a prefix or a near
 * spelling, case never matters. `prebuilt` is the built-in guide's index; topics it does not hold (from
 * packs) are indexed here, with `page` giving their text.
 */
export function createSearchIndex(
  topics: Topic[],
  page: (topic: Topic) => Topic = (topic) => topic,
  prebuilt?: Uint8Array,
  /** Which topics the prebuilt index already holds: by default the built-in guide's compiled ones. */
  inPrebuilt: (topic: Topic) => boolean = (topic) =>
    topic.origin.pack === undefined && topic.origin.bodyFile !== undefined,
) {
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  const options = indexOptions((id) => byId.get(id)?.kind);
  const create = () => new MiniSearch<SearchDocument>(options);
  const restored = prebuilt && restoreSearchIndex(prebuilt, create);
  const index = restored || create();
  // The prebuilt index holds the built-in guide's compiled topics; pack topics are indexed here.
  const own = restored ? topics.filter((topic) => !inPrebuilt(topic)) : topics;
  for (const topic of own) if (index.has(topic.id)) index.discard(topic.id);
  index.addAll(own.map((topic) => searchDocument(page(topic))));
  return searchOver(index, byId);
}

/** A saved index of all these topics, if `bytes` hold one with this label (see search-snapshot.ts). */
function restoreSavedIndex(topics: Topic[], bytes: Uint8Array, label: string) {
  const byId = new Map(topics.map((topic) => [topic.id, topic]));
  const options = indexOptions((id) => byId.get(id)?.kind);
  const index = restoreSearchIndex(bytes, () => new MiniSearch<SearchDocument>(options), label);
  return index && searchOver(index, byId);
}

function searchOver(index: MiniSearch<SearchDocument>, byId: Map<string, Topic>) {
  return {
    serialize: (label = '') => snapshotSearchIndex(index, label),
    search(query: string): SearchHit[] {
      return index.search(query).flatMap((result: SearchResult) => {
        const topic = byId.get(result.id as string);
        return topic ? [{ topic, score: Math.round(result.score * 100) / 100, terms: result.terms }] : [];
      });
    },
  };
}

/** Comparison values and their justifications, so "shared kernel" finds the method whose kernel is shared. */
function factsText(topic: Topic): string {
  return Object.values(topic.attributes)
    .map((value) => `${value.value} ${value.why ?? ''}`)
    .join(' ');
}

/**
 * The search index for a guide with packs: built once and kept in the cache directory, labelled with the
 * guide's revision (which changes whenever a pack does), or else with every topic's id and file stamp, so a
 * large pack is indexed again only after it changes. The file is named after the packs, not a hash of the
 * label (hashing would load node:crypto, about 7 ms): packs of the same names in other folders share the
 * file, and each use of the other only means indexing again. `readPrebuilt` gives the built-in guide's
 * index, read only if the cache cannot answer.
 */
export function createCachedSearchIndex(
  topics: Topic[],
  page: (topic: Topic) => Topic,
  readPrebuilt: () => Uint8Array | undefined,
  /** `packs`: Guide.packs, taken from the guide because asking each of thousands of topics costs milliseconds. */
  cache: { directory: string | undefined; version: string; revision: string | undefined; packs: string[] | undefined },
) {
  const packs = [...new Set(cache.packs)];
  if (!cache.directory || packs.length === 0) return createSearchIndex(topics, page, readPrebuilt());
  const label = `${cache.version}\n${cache.revision ?? topics.map((t) => `${t.id}|${t.origin.pack ?? ''}|${t.origin.stamp ?? ''}`).join('\n')}`;
  const cacheDirectory = cache.directory;
  const file = join(
    cacheDirectory,
    `search-${packs
      .join('+')
      .replace(/[^A-Za-z0-9._+-]/g, '_')
      .slice(0, 100)}.bin`,
  );
  let saved: Buffer | undefined;
  try {
    saved = readCacheFileMarkingUse(file);
  } catch {
    saved = undefined;
  }
  const cached = saved && restoreSavedIndex(topics, saved, label);
  if (cached) return cached;
  const index = createSearchIndex(topics, page, readPrebuilt());
  try {
    ensureCacheFolder(cacheDirectory);
    writeCacheFile(file, index.serialize(label));
    pruneUnusedCaches(cacheDirectory);
  } catch {
    /* no cache: the next search indexes again */
  }
  return index;
}
