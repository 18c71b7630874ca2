import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PackCacheDamagedError } from '../errors.js';
import { ensureFolder } from './paths.js';

/**
 * The cache folder holds one cache per pack folder and one search index per set of pack names. Packs come
 * and go (a generated pack in a temporary folder gets a cache of its own), so caches nobody has read for
 * UNUSED_FOR are removed whenever a cache is written. A read marks its file as used by bringing its
 * modification time forward, at most once a day, so a pack that never changes keeps its cache. Only a
 * folder virt made itself is ever pruned: it carries a CACHEDIR.TAG (the Cache Directory Tagging
 * convention, which backup tools also honour), and VIRT_CACHE_DIR may name a folder shared with other files.
 */
const DAY = 24 * 60 * 60 * 1000;
export const UNUSED_FOR = 30 * DAY;

const TAG_FILE = 'CACHEDIR.TAG';
const TAG =
  'Signature: 8a477f597d28d172789f06886806bc55\n# This folder holds caches made by virt, which remakes them when they are gone.\n';

/** Makes the cache folder if it is missing, tagged as virt's (see above). Throws when it cannot. */
export function ensureCacheFolder(directory: string): void {
  if (existsSync(directory)) return;
  ensureFolder(directory);
  writeFileSync(join(directory, TAG_FILE), TAG);
}

/**
 * Writes a cache file whole or not at all: another virt may be reading it at the same moment. Throws
 * when it cannot (the caller then goes without that cache).
 */
export function writeCacheFile(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/**
 * Called when a page file of pack `pack`'s cache (`pageFile`) cannot be read: removes the pack's index
 * file, so the next run parses the pack again, and throws PackCacheDamagedError, which says whether it could.
 */
export function forgetPackCache(pageFile: string, pack: string | undefined): never {
  const index = `${dirname(pageFile)}.json`;
  let cleared = false;
  try {
    if (INDEX_FILE.test(basename(index))) {
      rmSync(index, { force: true });
      cleared = true;
    }
  } catch {
    /* a cache folder this user may read but not change */
  }
  throw new PackCacheDamagedError(pack ?? basename(dirname(pageFile)), cleared, index);
}

/** The file's bytes (or text, given 'utf8'), marking it as used; throws like readFileSync when it cannot be read. */
export function readCacheFileMarkingUse(file: string): Buffer;
export function readCacheFileMarkingUse(file: string, encoding: 'utf8', now?: number): string;
export function readCacheFileMarkingUse(file: string, encoding?: 'utf8', now = Date.now()): Buffer | string {
  // Read by path, not through a descriptor: given a descriptor, Node reads in 8 kB steps and joins them.
  const text = encoding ? readFileSync(file, encoding) : readFileSync(file);
  try {
    if (now - statSync(file).mtimeMs > DAY) utimesSync(file, now / 1000, now / 1000);
  } catch {
    /* a cache shared read-only: it is only pruned sooner */
  }
  return text;
}

/**
 * The names virt gives what it writes in the cache folder, and nothing else: the folder may be one the
 * user shares with other files (VIRT_CACHE_DIR=~/tmp), so nothing of another name is ever removed.
 * A pack's index file (pack-<device>-<inode>.json), its page folder of <hash>.json files, a search index
 * (search-<packs>.bin), and temporary files a write left.
 */
const INDEX_FILE = /^pack-\d+-\d+\.json(\.\d+\.tmp)?$/;
const PAGE_FOLDER = /^pack-\d+-\d+$/;
const PAGE_FILE = /^[0-9a-f]{16}\.json(\.\d+\.tmp)?$/;
const SEARCH_FILE = /^search-[A-Za-z0-9._+-]+\.bin(\.\d+\.tmp)?$/;

/**
 * Removes the caches in `directory` unused for UNUSED_FOR: a pack's index file and then its page folder,
 * search indexes, page folders whose index is gone, and temporary files. A page folder is emptied file
 * by file and removed only once empty, so a folder holding anything else stays. Best effort: what cannot
 * be removed stays.
 */
export function pruneUnusedCaches(directory: string, now = Date.now()): void {
  let names: string[];
  try {
    if (!readFileSync(join(directory, TAG_FILE), 'utf8').startsWith(TAG)) return;
    names = readdirSync(directory);
  } catch {
    return;
  }
  const present = new Set(names);
  const unused = (path: string) => now - statSync(path).mtimeMs >= UNUSED_FOR;
  for (const name of names) {
    const path = join(directory, name);
    try {
      if (INDEX_FILE.test(name) || SEARCH_FILE.test(name)) {
        if (!unused(path)) continue;
        rmSync(path, { force: true });
        if (name.endsWith('.json')) removePageFolder(path.slice(0, -'.json'.length));
      } else if (PAGE_FOLDER.test(name) && !present.has(`${name}.json`) && unused(path)) {
        removePageFolder(path);
      }
    } catch {
      /* in use elsewhere, or not ours to remove */
    }
  }
}

function removePageFolder(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (PAGE_FILE.test(name)) rmSync(join(folder, name), { force: true });
  rmdirSync(folder);
}
