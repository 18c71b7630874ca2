import { readFileSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { EXIT, VirtError } from '../errors.js';
import type { Topic } from '../model/topic.js';
import type { MetaProblem } from './parse-metadata.js';
import type { ParsedTopic } from './parse-topic.js';

/** A parsed topic file, valid while the file keeps this size and modification time. */
export interface CachedTopic {
  size: number;
  mtimeMs: number;
  parsed: ParsedTopic;
  /** The entry as the cache file holds it, when it came from there: written back as it is. */
  stored?: StoredEntry;
}

/**
 * One file's entry in the pack cache file. What every command needs of a topic (to list it and find it by
 * name) is kept here; the rest (sources, related topics, attributes, lines) is kept with the page, in the
 * topic's own page file, and read only when something asks for it: for a pack of thousands of topics, a few
 * of them. What the file's place gives again (its path, pack and stamp) is not kept at all. Entries are
 * arrays, not objects, because JSON.parse makes arrays faster and a large pack has thousands of them: the
 * whole of this layout took a 2,000-topic pack's cache from 1.4 MB to about 0.4 MB.
 */
export type StoredEntry = [relativePath: string, size: number, mtimeMs: number, head: StoredHead | 0, rest: string];

/** A topic's name and place; `body` is its page file, in the pack's page folder, or 0 for none. */
type StoredHead = [id: string, title: string, kind: Topic['kind'], parent: string | 0, summary: string, aliases: string[], line: number, body: string | 0, overrides: 0 | 1, problems: MetaProblem[] | 0];

/**
 * What a page file holds besides the page, and what an entry without a page file (it could not be
 * written, or the file gave no topic) keeps inline, as JSON text, in `rest`.
 */
export interface StoredRest {
  tags: string[];
  related: string[];
  sources: Topic['sources'];
  attributes: Topic['attributes'];
  intro?: Topic['intro'];
  sections?: Topic['sections'];
  lines: ParsedTopic['lines'];
  problems: MetaProblem[];
}

/** A cached page file: the page, and what the cache file leaves out of the topic. */
export type PageFile = StoredRest & Pick<Topic, 'intro' | 'sections'>;

/** Where a cached topic's file is now, which the cache does not keep. */
export interface CachedPlace {
  display: string;
  pack: string;
}

export function storeEntry(relativePath: string, entry: CachedTopic): StoredEntry {
  if (entry.stored) return entry.stored;
  const { topic, lines, overrides, problems } = entry.parsed;
  if (!topic) return [relativePath, entry.size, entry.mtimeMs, 0, JSON.stringify({ tags: [], related: [], sources: [], attributes: {}, lines, problems } satisfies StoredRest)];
  const bodyFile = topic.origin.bodyFile;
  const head: StoredHead = [topic.id, topic.title, topic.kind, topic.parent ?? 0, topic.summary, topic.aliases, topic.origin.line, bodyFile ? bodyFile.slice(bodyFile.lastIndexOf(sep) + 1) : 0, overrides ? 1 : 0, problems.length ? problems : 0];
  const rest: StoredRest = { tags: topic.tags, related: topic.related, sources: topic.sources, attributes: topic.attributes, intro: topic.intro, sections: topic.sections, lines, problems };
  return [relativePath, entry.size, entry.mtimeMs, head, bodyFile ? '' : JSON.stringify(rest)];
}

/** The cached topic again, with the parts kept in its page file (or `rest`) read on first use. */
export function restoreEntry(stored: StoredEntry, place: CachedPlace, pageFolder: string): CachedTopic {
  const [, size, mtimeMs, head, restText] = stored;
  const pageFile = head && head[7] ? `${pageFolder}${sep}${head[7]}` : undefined;
  const rest = new LaterRest(restText, pageFile);
  const parsed = new CachedParse(rest, head ? head[8] === 1 : false, head ? head[9] || [] : undefined);
  if (head) {
    const origin: Topic['origin'] = { file: place.display, line: head[6], pack: place.pack, stamp: `${size}:${mtimeMs}` };
    if (pageFile) origin.bodyFile = pageFile;
    parsed.topic = new CachedPackTopic(head, origin, rest);
  }
  return { size, mtimeMs, parsed, stored };
}

/** The part of a cached topic kept apart, read and parsed the first time any of it is asked for. */
class LaterRest {
  #value: StoredRest | undefined;
  constructor(
    private readonly text: string,
    private readonly pageFile: string | undefined,
  ) {}
  get(): StoredRest {
    return (this.#value ??= this.text || !this.pageFile ? (JSON.parse(this.text) as StoredRest) : readPageFile(this.pageFile));
  }
}

/**
 * A pack topic restored from the cache. A class, so that the thousands of them a large pack makes share
 * their getters instead of each carrying its own functions. Its page fields are getters on the prototype,
 * which an object spread does not copy: code that copies a topic names the fields (see catalog.page).
 */
class CachedPackTopic implements Topic {
  readonly id: string;
  readonly title: string;
  readonly kind: Topic['kind'];
  readonly aliases: string[];
  readonly summary: string;
  readonly parent?: string;
  readonly origin: Topic['origin'];
  readonly #rest: LaterRest;
  constructor(head: StoredHead, origin: Topic['origin'], rest: LaterRest) {
    this.id = head[0];
    this.title = head[1];
    this.kind = head[2];
    if (head[3]) this.parent = head[3];
    this.summary = head[4];
    this.aliases = head[5];
    this.origin = origin;
    this.#rest = rest;
  }
  get tags() {
    return this.#rest.get().tags;
  }
  get related() {
    return this.#rest.get().related;
  }
  get sources() {
    return this.#rest.get().sources;
  }
  get attributes() {
    return this.#rest.get().attributes;
  }
  get intro() {
    return this.#rest.get().intro ?? [];
  }
  get sections() {
    return this.#rest.get().sections ?? [];
  }
}

/** A cached file's parse: the lines are wanted only when the pack is checked again. */
class CachedParse implements ParsedTopic {
  topic?: Topic;
  readonly #rest: LaterRest;
  readonly #problems: MetaProblem[] | undefined;
  constructor(
    rest: LaterRest,
    readonly overrides: boolean,
    problems: MetaProblem[] | undefined,
  ) {
    this.#rest = rest;
    this.#problems = problems;
  }
  get lines() {
    return this.#rest.get().lines;
  }
  /** A file that gave no topic keeps its problems in the rest; one that did, in the head (usually none). */
  get problems() {
    return this.#problems ?? this.#rest.get().problems;
  }
}

function readPageFile(file: string): PageFile {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PageFile;
  } catch {
    throw new VirtError(`part of a pack's topic is missing from the pack cache; delete ${dirname(dirname(file))} and run again`, EXIT.usage);
  }
}
