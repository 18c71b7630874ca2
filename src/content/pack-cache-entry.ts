import { readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { forgetPackCache } from './cache-files.js';
import type { Topic } from '../model/topic.js';
import type { MetaProblem } from './parse-metadata.js';
import type { ParsedTopic } from './parse-topic.js';

/** A parsed topic file, valid while the file keeps this size, change time and inode (see FoundFile). */
export interface CachedTopic {
  size: number;
  changedMs: number;
  ino: number;
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
export type StoredEntry = [
  relativePath: string,
  size: number,
  changedMs: number,
  ino: number,
  head: StoredHead | 0,
  rest: string,
];

/** A topic's name and place; `body` is its page file, in the pack's page folder, or 0 for none. */
type StoredHead = [
  id: string,
  title: string,
  kind: Topic['kind'],
  parent: string | 0,
  summary: string,
  aliases: string[],
  line: number,
  body: string | 0,
  overrides: 0 | 1,
  problems: MetaProblem[] | 0,
];

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
  if (!topic)
    return [
      relativePath,
      entry.size,
      entry.changedMs,
      entry.ino,
      0,
      JSON.stringify({ tags: [], related: [], sources: [], attributes: {}, lines, problems } satisfies StoredRest),
    ];
  const bodyFile = topic.origin.bodyFile;
  const head: StoredHead = [
    topic.id,
    topic.title,
    topic.kind,
    topic.parent ?? 0,
    topic.summary,
    topic.aliases,
    topic.origin.line,
    bodyFile ? bodyFile.slice(bodyFile.lastIndexOf(sep) + 1) : 0,
    overrides ? 1 : 0,
    problems.length ? problems : 0,
  ];
  const rest: StoredRest = {
    tags: topic.tags,
    related: topic.related,
    sources: topic.sources,
    attributes: topic.attributes,
    intro: topic.intro,
    sections: topic.sections,
    lines,
    problems,
  };
  return [relativePath, entry.size, entry.changedMs, entry.ino, head, bodyFile ? '' : JSON.stringify(rest)];
}

const NO_PROBLEMS: MetaProblem[] = [];

/** Topic.origin.stamp of a pack file: what changes when the file may have (see CachedTopic). */
export const fileStamp = (file: { size: number; changedMs: number; ino: number }) =>
  `${file.size}:${file.changedMs}:${file.ino}`;

/** The cached topic again, with the parts kept in its page file (or `rest`) read on first use. */
export function restoreEntry(stored: StoredEntry, display: string, pack: string, pageFolder: string): CachedTopic {
  return new CachedFile(stored, display, pack, pageFolder);
}

/**
 * A pack file restored from the cache, as one object that is at once the cache entry, its parse and (when
 * the file gave one) its topic: a large pack restores thousands of them at every start, and each object
 * fewer was measurably faster. What is kept apart (the page, sources, related topics, attributes, lines)
 * is read and parsed the first time any of it is asked for, and the origin is made when first asked for.
 * The page fields are getters on the prototype, which an object spread does not copy: code that copies a
 * topic names the fields (see catalog.page).
 */
class CachedFile implements CachedTopic, ParsedTopic, Topic {
  readonly size: number;
  readonly changedMs: number;
  readonly ino: number;
  readonly stored: StoredEntry;
  readonly overrides: boolean;
  readonly id: string;
  readonly title: string;
  readonly kind: Topic['kind'];
  readonly aliases: string[];
  readonly summary: string;
  readonly parent?: string;
  readonly #display: string;
  readonly #pack: string;
  readonly #pageFile: string | undefined;
  #rest: StoredRest | undefined;
  #origin: Topic['origin'] | undefined;

  constructor(stored: StoredEntry, display: string, pack: string, pageFolder: string) {
    const head = stored[4] || undefined;
    this.stored = stored;
    this.size = stored[1];
    this.changedMs = stored[2];
    this.ino = stored[3];
    this.overrides = head?.[8] === 1;
    this.id = head?.[0] ?? '';
    this.title = head?.[1] ?? '';
    this.kind = head?.[2] ?? 'term';
    if (head?.[3]) this.parent = head[3];
    this.summary = head?.[4] ?? '';
    this.aliases = head?.[5] ?? [];
    this.#display = display;
    this.#pack = pack;
    this.#pageFile = head?.[7] ? `${pageFolder}${sep}${head[7]}` : undefined;
  }

  // The cache entry and the parse.
  get parsed(): ParsedTopic {
    return this;
  }
  get topic(): Topic | undefined {
    return this.stored[4] ? this : undefined;
  }
  get lines() {
    return this.#more().lines;
  }
  /** A file that gave no topic keeps its problems in the rest; one that did, in the head (usually none). */
  get problems() {
    const head = this.stored[4];
    return head ? head[9] || NO_PROBLEMS : this.#more().problems;
  }

  // The topic.
  get origin(): Topic['origin'] {
    if (!this.#origin) {
      const origin: Topic['origin'] = {
        file: this.#display,
        line: this.stored[4] ? this.stored[4][6] : 1,
        pack: this.#pack,
        stamp: fileStamp(this),
      };
      if (this.#pageFile) origin.bodyFile = this.#pageFile;
      this.#origin = origin;
    }
    return this.#origin;
  }
  get tags() {
    return this.#more().tags;
  }
  get related() {
    return this.#more().related;
  }
  get sources() {
    return this.#more().sources;
  }
  get attributes() {
    return this.#more().attributes;
  }
  get intro() {
    return this.#more().intro ?? [];
  }
  get sections() {
    return this.#more().sections ?? [];
  }

  #more(): StoredRest {
    const text = this.stored[5];
    return (this.#rest ??=
      text || !this.#pageFile ? (JSON.parse(text) as StoredRest) : readPageFile(this.#pageFile, this.#pack));
  }
}

/** A page file of the pack cache; throws PackCacheDamagedError, having cleared the pack's cache, if it is gone. */
export function readPageFile(file: string, pack: string): PageFile {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PageFile;
  } catch {
    return forgetPackCache(file, pack);
  }
}
