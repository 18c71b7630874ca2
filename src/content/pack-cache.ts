import { ensureCacheFolder, pruneUnusedCaches, readCacheFileMarkingUse, writeCacheFile } from './cache-files.js';
import { ensureFolder } from './paths.js';
import { join } from 'node:path';
import type { Topic } from '../model/topic.js';
import type { Problem } from './check-guide.js';
import { restoreEntry, storeEntry, type CachedTopic, type PageFile, type StoredEntry } from './pack-cache-entry.js';

/**
 * Which cache a pack uses. `name` names its files: the pack folder's device and inode numbers, which need
 * no hashing (node:crypto costs about 7 ms to load, a good part of a large pack's budget). `text` is the
 * whole key (virt's version and the folder as resolved), kept in the cache file and compared, so another
 * folder that gets the inode, or another version of virt, only means parsing again. A new folder at the
 * same path with the same inode is told apart file by file (see FoundFile.changedMs).
 */
export interface PackCacheKey {
  name: string;
  text: string;
}

const cacheFile = (directory: string, key: PackCacheKey) => join(directory, `pack-${key.name}.json`);

/** The folder of the pack's pages (see writeCachedBody). */
const pageFolder = (directory: string, key: PackCacheKey) => join(directory, `pack-${key.name}`);

/** A page file's name: a hash of the topic file's path inside the pack. Only parsing a file needs one. */
const pageName = (relativePath: string) =>
  `${process.getBuiltinModule('node:crypto').createHash('sha1').update(relativePath).digest('hex').slice(0, 16)}.json`;

/** Changes whenever the cache file's layout does, so a file in an older layout is read as no cache. */
const FORMAT = 9;

/**
 * Pages, with the parts of a topic that only its page shows, are kept out of the cache's index, one file
 * each, so a command reads only the pages it shows.
 * Returns the file written, or undefined when it could not be (the page then stays in the index).
 */
export function writeCachedBody(
  directory: string | undefined,
  key: PackCacheKey | undefined,
  relativePath: string,
  body: PageFile,
): string | undefined {
  if (!directory || !key) return undefined;
  try {
    const folder = pageFolder(directory, key);
    ensureCacheFolder(directory);
    ensureFolder(folder, 0);
    const file = join(folder, pageName(relativePath));
    writeCacheFile(file, JSON.stringify(body));
    return file;
  } catch {
    return undefined;
  }
}

/** The outcome of checking the pack against the guide beneath it, reused while neither changes. */
export interface CachedCheck {
  /** The guide beneath the pack (see describeBase). */
  base: string;
  /** The folders of the packs beneath and of this one, one per line, as named when `problems` were found. */
  foldersAsNamed: string;
  /** The topics in reading order after overrides, as places in [the guide's topics…, the pack's…]. */
  order: number[];
  /** Made afresh each time the cache is saved after a change: the pack's part of Guide.revision. */
  token: string;
  problems: Problem[];
}

export interface PackCache {
  /** The cached entry of the file at this path inside the pack, now shown as `display`, in `pack`. */
  entry(relativePath: string, display: string, pack: string): CachedTopic | undefined;
  size: number;
  checked?: CachedCheck;
}

/**
 * What CachedCheck.base compares: the guide beneath a pack, as far as the checks read it. `revision` names
 * the packs beneath by their cache tokens; without one (the first pack, or a pack beneath that could not be
 * cached), every topic's id, names and place are written out.
 */
export function describeBase(topics: Topic[], revision: string | undefined): string {
  if (revision !== undefined) return `packs ${revision}`;
  return topics
    .map((topic) => [topic.id, topic.title, ...topic.aliases, topic.origin.file, topic.origin.line].join('\t'))
    .join('\n');
}

const noCache: PackCache = { entry: () => undefined, size: 0 };

export function readPackCache(directory: string | undefined, key: PackCacheKey | undefined): PackCache {
  if (!directory || !key) return noCache;
  let data: { format: number; key: string; entries: StoredEntry[]; checked?: CachedCheck };
  try {
    data = JSON.parse(readCacheFileMarkingUse(cacheFile(directory, key), 'utf8')) as typeof data;
  } catch {
    return noCache;
  }
  if (data?.format !== FORMAT || data.key !== key.text || !Array.isArray(data.entries)) return noCache;
  const { entries } = data;
  const folder = pageFolder(directory, key);
  // Entries are saved in the order the pack is listed, so each is found at the next place; a map by path
  // is made only when the pack's files have changed.
  let next = 0;
  let byPath: Map<string, StoredEntry> | undefined;
  const find = (relativePath: string) => {
    if (entries[next]?.[0] === relativePath) return entries[next++];
    byPath ??= new Map(entries.map((entry) => [entry[0], entry]));
    return byPath.get(relativePath);
  };
  return {
    entry: (relativePath, display, pack) => {
      const stored = find(relativePath);
      return stored ? restoreEntry(stored, display, pack, folder) : undefined;
    },
    size: entries.length,
    ...(data.checked ? { checked: data.checked } : {}),
  };
}

/** Best effort: a cache that cannot be written only means the next run parses again. Says whether it was. */
export function writePackCache(
  directory: string | undefined,
  key: PackCacheKey | undefined,
  files: Map<string, CachedTopic>,
  checked: CachedCheck,
): boolean {
  if (!directory || !key) return false;
  try {
    ensureCacheFolder(directory);
    const entries = [...files].map(([relativePath, entry]) => storeEntry(relativePath, entry));
    writeCacheFile(cacheFile(directory, key), JSON.stringify({ format: FORMAT, key: key.text, entries, checked }));
    pruneUnusedCaches(directory);
    return true;
  } catch {
    /* read-only home, full disk: run without a cache */
    return false;
  }
}
