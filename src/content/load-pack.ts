import { realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ContentError, type ContentProblem } from '../errors.js';
import type { Guide, Topic } from '../model/topic.js';
import { restoreCachedPage, restoreCachedParses, toCachedParse, type CachedParse, type Page } from './cached-parse.js';
import { checkGuide, entriesOf, type Problem, type TopicEntry } from './check-guide.js';
import type { ParsedTopic } from './parse-topic.js';
import { listGuideFiles, readFoundFile, type FoundFile } from './read-files.js';
import { cleanName } from './sanitize.js';

/**
 * Where the parses of a pack's files are kept between runs (store/pack-cache.ts), by the pack folder's real
 * path. `read` gives back whatever was kept, unchecked: restoreCachedParses checks it.
 */
export interface ParseCache {
  read(packFolder: string): unknown;
  write(packFolder: string, parses: CachedParse[]): void;
}

/** A pack, loaded: the guide with its topics, and the pages of those topics, each read when first asked for. */
export interface LoadedPack {
  guide: Guide;
  problems: Problem[];
  name: string;
  /** The page of each of the pack's topics, by id. */
  pages: Map<string, () => Promise<Page>>;
}

/** parse-topic.ts's parseTopic, given by the caller: it lives in a bundle of its own, loaded only when needed. */
export type ParseFile = (source: string, origin: { file: string; pack?: string }) => ParsedTopic;

/**
 * Loads a content pack on top of a guide. A large pack costs its parse once, not at every command: each file's
 * parse is kept in `cache` and reused while the file keeps its size, change time and inode, and a topic's page
 * is read from the cache only when it is shown. The checks across topics run every time.
 */
export async function loadPack(
  dir: string,
  base: Guide,
  using: { cache?: ParseCache | undefined; parser: () => Promise<ParseFile> },
): Promise<LoadedPack> {
  const { cache } = using;
  const pack = packName(dir);
  const readProblems: ContentProblem[] = [];
  const listed = listGuideFiles(dir);
  readProblems.push(...listed.problems);
  const folder = realFolder(dir);
  const cached = (folder && cache && restoreCachedParses(cache.read(folder))) || new Map<string, CachedParse>();
  const kept: { entry: CachedParse; file: FoundFile }[] = [];
  let changed = false;
  let parseFile: ParseFile | undefined;
  const parser = async () => (parseFile ??= await using.parser());
  for (const file of listed.files) {
    let entry = cached.get(file.relativePath);
    if (!entry || !sameFile(entry, file)) {
      const text = readFoundFile(file, readProblems);
      if (text === undefined) continue;
      entry = toCachedParse(identity(file), (await parser())(text, { file: file.display, pack }));
      changed = true;
    }
    kept.push({ entry, file });
  }
  if (folder && cache && (changed || kept.length !== cached.size)) {
    cache.write(
      folder,
      kept.map(({ entry }) => entry),
    );
  }

  const fileProblems: Problem[] = [];
  const entries: TopicEntry[] = [];
  const pages = new Map<string, () => Promise<Page>>();
  for (const { entry, file } of kept) {
    for (const problem of entry.parsed.problems) fileProblems.push({ ...problem, file: file.display });
    const stored = entry.parsed.topic;
    if (!stored) continue;
    const { line, ...fields } = stored;
    const topic: Topic = {
      ...fields,
      intro: [],
      sections: [],
      origin: { from: 'pack', pack, file: file.display, line },
    };
    entries.push({ topic, lines: entry.parsed.lines, overrides: entry.parsed.overrides });
    // A page the cache cannot give back whole is a miss like any other: it is parsed again from its file.
    pages.set(topic.id, async () => restoreCachedPage(entry.page) ?? parsePage(file, pack, await parser()));
  }
  const checked = checkGuide([...entriesOf(base), ...entries], base.schema);
  return {
    guide: checked.guide,
    problems: [
      ...readProblems.map((p): Problem => ({ ...p, severity: 'error' })),
      ...fileProblems,
      ...checked.problems,
    ],
    name: pack,
    pages,
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
