import { hash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ContentError, type ContentProblem } from '../errors.js';
import type { Guide, Topic } from '../model/topic.js';
import {
  restoreCachedPage,
  restoreCachedParses,
  toCachedParse,
  type CachedParse,
  type Page,
  type StoredTopic,
} from './cached-parse.js';
import { restoreCachedCheck, toCachedCheck, type CachedCheck } from './cached-check.js';
import { checkGuide, entriesOf, type Problem, type TopicEntry } from './check-guide.js';
import type { ParsedTopic } from './parse-topic.js';
import { listGuideFiles, readFoundFile, type FoundFile } from './read-files.js';
import { cleanName } from './sanitize.js';

/**
 * Where the parses of a pack's files are kept between runs (store/pack-cache.ts), by the pack folder's real
 * path, with the page of each parse kept apart and read only when asked for. `read` gives back whatever was
 * kept, unchecked: restoreCachedParses and restoreCachedPage check it.
 */
export interface ParseCache {
  read(
    packFolder: string,
  ): { value: unknown; page(at: number): string | undefined; pages(): (string | undefined)[] } | undefined;
  write(packFolder: string, value: CachedPack, pages: string[]): void;
}

/**
 * What the pack cache keeps of a pack: its files' parses, each with its page at the same place in `pages`, and
 * the checks across its topics and the guide beneath it.
 */
interface CachedPack {
  parses: CachedParse[];
  check?: CachedCheck;
}

/** A pack, loaded: the guide with its topics, and the pages of those topics, each read when first asked for. */
export interface LoadedPack {
  guide: Guide;
  problems: Problem[];
  name: string;
  /** The page of each of the pack's topics, by id. */
  pages: Map<string, () => Promise<Page>>;
  /**
   * What identifies the guide this pack makes, for the checks of a pack above it: the guide beneath and the
   * pack's files. Undefined without a cache, or when the guide beneath has no identity.
   */
  identity: string | undefined;
  /** The pack's folder with every link resolved, as its caches know it; undefined when it is missing. */
  folder: string | undefined;
}

/** parse-topic.ts's parseTopic, given by the caller: it lives in a bundle of its own, loaded only when needed. */
export type ParseFile = (source: string, origin: { file: string; pack?: string }) => ParsedTopic;

/**
 * Loads a content pack on top of a guide. A large pack costs its parse once, not at every command: each file's
 * parse is kept in `cache` and reused while the file keeps its size, change time and inode, and a topic's page
 * is read from the cache only when it is shown. The checks across topics are kept too, while the files and
 * the guide beneath (`base`, identified by `baseIdentity`) stay the same.
 */
export async function loadPack(
  dir: string,
  base: Guide,
  using: { cache?: ParseCache | undefined; parser: () => Promise<ParseFile>; baseIdentity?: string | undefined },
): Promise<LoadedPack> {
  const { cache } = using;
  const pack = packName(dir);
  const readProblems: ContentProblem[] = [];
  const listed = listGuideFiles(dir);
  readProblems.push(...listed.problems);
  const folder = realFolder(dir);
  const stored = folder && cache ? cache.read(folder) : undefined;
  const cached =
    restoreCachedParses((stored?.value as Partial<CachedPack> | undefined)?.parses) ??
    new Map<string, { entry: CachedParse; at: number }>();
  /**
   * Each file's parse, and its page as JSON text: in hand for a file parsed now, else read from its place in
   * the cache (`at`) only when asked for.
   */
  const kept: { entry: CachedParse; file: FoundFile; page?: string; at?: number }[] = [];
  const pageOf = (item: (typeof kept)[number]) =>
    item.page ?? (item.at === undefined ? undefined : stored?.page(item.at));
  let changed = false;
  let parseFile: ParseFile | undefined;
  const parser = async () => (parseFile ??= await using.parser());
  for (const file of listed.files) {
    const hit = cached.get(file.relativePath);
    if (hit && sameFile(hit.entry, file)) {
      kept.push({ entry: hit.entry, file, at: hit.at });
      continue;
    }
    const text = readFoundFile(file, readProblems);
    if (text === undefined) continue;
    const { entry, page } = toCachedParse(identity(file), (await parser())(text, { file: file.display, pack }));
    kept.push({ entry, file, page });
    changed = true;
  }
  const unchanged = !changed && kept.length === cached.size;

  const fileProblems: Problem[] = [];
  const entries: TopicEntry[] = [];
  const pages = new Map<string, () => Promise<Page>>();
  for (const item of kept) {
    const { entry, file } = item;
    for (const problem of entry.parsed.problems) fileProblems.push({ ...problem, file: file.display });
    const stored = entry.parsed.topic;
    if (!stored) continue;
    const topic = topicOf(stored, { from: 'pack', pack, file: file.display, line: stored.line });
    entries.push({ topic, lines: entry.parsed.lines, overrides: entry.parsed.overrides });
    // A page the cache cannot give back whole is a miss like any other: it is parsed again from its file.
    pages.set(topic.id, async () => restoreCachedPage(pageOf(item) ?? '') ?? parsePage(file, pack, await parser()));
  }
  const all = [...entriesOf(base), ...entries];
  const packIdentity =
    folder && cache && using.baseIdentity !== undefined ? identify(using.baseIdentity, folder, kept) : undefined;
  const keptCheck = (stored?.value as Partial<CachedPack> | undefined)?.check;
  let checked =
    unchanged && using.baseIdentity !== undefined
      ? restoreCachedCheck(keptCheck, using.baseIdentity, all, base.schema)
      : undefined;
  let check = checked ? keptCheck : undefined;
  if (!checked) {
    checked = checkGuide(all, base.schema);
    check = using.baseIdentity === undefined ? undefined : toCachedCheck(using.baseIdentity, all, checked);
  }
  if (folder && cache && (!unchanged || check !== keptCheck)) {
    // Every page is in hand once written, for this run: the file they were read from is replaced. A kept page
    // the cache can no longer give is written empty: it is parsed from its file when shown.
    const storedPages = stored?.pages();
    for (const item of kept) item.page ??= (item.at === undefined ? undefined : storedPages?.[item.at]) ?? '';
    cache.write(
      folder,
      { parses: kept.map(({ entry }) => entry), ...(check ? { check } : {}) },
      kept.map(({ page }) => page!),
    );
  }
  return {
    guide: checked.guide,
    problems: [
      ...readProblems.map((p): Problem => ({ ...p, severity: 'error' })),
      ...fileProblems,
      ...checked.problems,
    ],
    name: pack,
    pages,
    identity: packIdentity,
    folder,
  };
}

/**
 * The page of a pack file, parsed from the file itself, read as at listing (never through a link out of the
 * pack, never waiting on a FIFO). A file that cannot be read now, or no longer gives a topic, is a content
 * error, as it would have been at listing.
 */
function parsePage(file: FoundFile, pack: string, parse: ParseFile): Page {
  const problems: ContentProblem[] = [];
  const text = readFoundFile(file, problems);
  const topic = text === undefined ? undefined : parse(text, { file: file.display, pack }).topic;
  if (!topic)
    throw new ContentError(
      problems.length
        ? problems
        : [{ file: file.display, line: 0, message: 'this file changed while virt read it; run the command again' }],
    );
  return { intro: topic.intro, sections: topic.sections };
}

/** The identity of a pack over a guide: the guide's identity, the folder, and each file's (see sameFile). */
function identify(baseIdentity: string, folder: string, kept: { entry: CachedParse }[]): string {
  const files = kept.map(({ entry }) => [entry.path, entry.size, entry.changedMs, entry.ino]);
  return hash('sha256', JSON.stringify([baseIdentity, folder, files]), 'hex');
}

/** The fields of a cached topic that topicOf copies (`line` goes into the origin). */
type CopiedField =
  | 'id'
  | 'title'
  | 'kind'
  | 'parent'
  | 'aliases'
  | 'tags'
  | 'summary'
  | 'related'
  | 'sources'
  | 'attributes'
  | 'questions'
  | 'line';

/**
 * The guide's topic from a cached one, its page left to be read when shown. Field by field rather than by
 * spreading the cached object: that copy, made for each of thousands of topics, was most of loading a pack.
 * Typed so that a field added to Topic fails to compile at the call until it is copied here.
 */
function topicOf(
  stored: Pick<StoredTopic, CopiedField> & Record<Exclude<keyof StoredTopic, CopiedField>, never>,
  origin: Topic['origin'],
): Topic {
  const { id, title, kind, parent, aliases, tags, summary, related, sources, attributes, questions } = stored;
  const topic: Topic = {
    id,
    title,
    kind,
    aliases,
    tags,
    summary,
    related,
    sources,
    attributes,
    questions,
    intro: [],
    sections: [],
    origin,
  };
  if (parent !== undefined) topic.parent = parent;
  return topic;
}

/** The pack's name, its folder's: a name like a title, so cleaned as one. */
function packName(dir: string): string {
  let absolute = dir;
  try {
    absolute = resolve(dir);
  } catch {
    /* a relative folder in a working directory that is gone: listing says so */
  }
  return cleanName(basename(absolute));
}

const identity = (file: FoundFile) => ({
  path: file.relativePath,
  size: file.size,
  changedMs: file.changedMs,
  ino: file.ino,
});

/**
 * Whether a file is the one a parse was made from. Not its modification time, which tools set at will (npm
 * gives packed files one from 1985; tar keeps the archive's): an edit, a copy over it, a rename or a touch
 * all move the change time (ctime).
 */
const sameFile = (entry: CachedParse, file: FoundFile) =>
  entry.size === file.size && entry.changedMs === file.changedMs && entry.ino === file.ino;

/** The pack folder as the cache knows it, however it was named (`big`, `./big`); undefined if missing. */
function realFolder(dir: string): string | undefined {
  try {
    return realpathSync(dir);
  } catch {
    return undefined;
  }
}
