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

export function storeEntry(relativePath: string, entry: CachedTopic): StoredEntry {
  if (entry.stored) return entry.stored;
  const { topic, lines, overrides, problems } = entry.parsed;
  if (!topic) return [relativePath, entry.size, entry.mtimeMs, 0, JSON.stringify({ tags: [], related: [], sources: [], attributes: {}, lines, problems } satisfies StoredRest)];
  const bodyFile = topic.origin.bodyFile;
  const head: StoredHead = [topic.id, topic.title, topic.kind, topic.parent ?? 0, topic.summary, topic.aliases, topic.origin.line, bodyFile ? bodyFile.slice(bodyFile.lastIndexOf(sep) + 1) : 0, overrides ? 1 : 0, problems.length ? problems : 0];
  const rest: StoredRest = { tags: topic.tags, related: topic.related, sources: topic.sources, attributes: topic.attributes, intro: topic.intro, sections: topic.sections, lines, problems };
  return [relativePath, entry.size, entry.mtimeMs, head, bodyFile ? '' : JSON.stringify(rest)];
}

const NO_PROBLEMS: MetaProblem[] = [];

/** The cached topic again, with the parts kept in its page file (or `rest`) read on first use. */
export function restoreEntry(stored: StoredEntry, display: string, pack: string, pageFolder: string): CachedTopic {
  const file = new CachedFile(stored, pageFolder);
  const head = stored[3];
  if (head) file.topic = new CachedPackTopic(head, new CachedOrigin(file, display, pack, head[6]), file);
  return file;
}

/**
 * A pack file restored from the cache: both the CachedTopic and its parse, so that each of a large pack's
 * thousands of files costs three objects (this, its topic and the topic's origin), and what is kept apart
 * is read and parsed the first time any of it is asked for.
 */
class CachedFile implements CachedTopic, ParsedTopic {
  readonly size: number;
  readonly mtimeMs: number;
  readonly stored: StoredEntry;
  readonly overrides: boolean;
  readonly pageFile: string | undefined;
  topic?: Topic;
  #rest: StoredRest | undefined;

  constructor(stored: StoredEntry, pageFolder: string) {
    const head = stored[3];
    this.stored = stored;
    this.size = stored[1];
    this.mtimeMs = stored[2];
    this.overrides = head ? head[8] === 1 : false;
    this.pageFile = head && head[7] ? `${pageFolder}${sep}${head[7]}` : undefined;
  }
  get parsed(): ParsedTopic {
    return this;
  }
  rest(): StoredRest {
    const text = this.stored[4];
    return (this.#rest ??= text || !this.pageFile ? (JSON.parse(text) as StoredRest) : readPageFile(this.pageFile));
  }
  get lines() {
    return this.rest().lines;
  }
  /** A file that gave no topic keeps its problems in the rest; one that did, in the head (usually none). */
  get problems() {
    const head = this.stored[3];
    return head ? head[9] || NO_PROBLEMS : this.rest().problems;
  }
}

/** Where a restored topic was written (the file as messages show it); its stamp is made only if asked for (a search cache label). */
class CachedOrigin {
  readonly file: string;
  readonly line: number;
  readonly pack: string;
  readonly bodyFile?: string;
  readonly #cached: CachedFile;
  constructor(cached: CachedFile, display: string, pack: string, line: number) {
    this.file = display;
    this.line = line;
    this.pack = pack;
    if (cached.pageFile) this.bodyFile = cached.pageFile;
    this.#cached = cached;
  }
  get stamp() {
    return `${this.#cached.size}:${this.#cached.mtimeMs}`;
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
  readonly #file: CachedFile;
  constructor(head: StoredHead, origin: Topic['origin'], file: CachedFile) {
    this.id = head[0];
    this.title = head[1];
    this.kind = head[2];
    if (head[3]) this.parent = head[3];
    this.summary = head[4];
    this.aliases = head[5];
    this.origin = origin;
    this.#file = file;
  }
  get tags() {
    return this.#file.rest().tags;
  }
  get related() {
    return this.#file.rest().related;
  }
  get sources() {
    return this.#file.rest().sources;
  }
  get attributes() {
    return this.#file.rest().attributes;
  }
  get intro() {
    return this.#file.rest().intro ?? [];
  }
  get sections() {
    return this.#file.rest().sections ?? [];
  }
}

function readPageFile(file: string): PageFile {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PageFile;
  } catch {
    throw new VirtError(`part of a pack's topic is missing from the pack cache; delete ${dirname(dirname(file))} and run again`, EXIT.usage);
  }
}
