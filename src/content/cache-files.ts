import { closeSync, fstatSync, futimesSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The cache folder holds one cache per pack folder and one search index per set of pack names. Packs come
 * and go (a generated pack in a temporary folder gets a cache of its own), so caches nobody has read for
 * UNUSED_FOR are removed whenever a cache is written. A read marks its file as used by bringing its
 * modification time forward, at most once a day, so a pack that never changes keeps its cache.
 */
const DAY = 24 * 60 * 60 * 1000;
export const UNUSED_FOR = 30 * DAY;

/** The file's bytes (or text, given 'utf8'), marking it as used; throws like readFileSync when it cannot be read. */
export function readCacheFile(file: string): Buffer;
export function readCacheFile(file: string, encoding: 'utf8', now?: number): string;
export function readCacheFile(file: string, encoding?: 'utf8', now = Date.now()): Buffer | string {
  const fd = openSync(file, 'r');
  try {
    if (now - fstatSync(fd).mtimeMs > DAY) {
      try {
        futimesSync(fd, now / 1000, now / 1000);
      } catch {
        /* a cache shared read-only: it is only pruned sooner */
      }
    }
    return encoding ? readFileSync(fd, encoding) : readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** What virt writes in the cache folder: pack-… index files, their page folders, search-… indexes, and .tmp files a write left behind. */
const CACHE_NAME = /^(pack|search)-[^/]+$/;

/**
 * Removes the caches in `directory` unused for UNUSED_FOR: a pack's index file and then its page folder,
 * search indexes, page folders whose index is gone, and temporary files. Best effort: what cannot be
 * removed stays.
 */
export function pruneUnusedCaches(directory: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return;
  }
  const present = new Set(names);
  for (const name of names) {
    if (!CACHE_NAME.test(name)) continue;
    const path = join(directory, name);
    try {
      // A page folder goes with its index file, and on its own only when that is gone.
      if (name.startsWith('pack-') && !name.includes('.') && present.has(`${name}.json`)) continue;
      if (now - statSync(path).mtimeMs < UNUSED_FOR) continue;
      rmSync(path, { recursive: true, force: true });
      if (name.startsWith('pack-') && name.endsWith('.json')) rmSync(path.slice(0, -'.json'.length), { recursive: true, force: true });
    } catch {
      /* in use elsewhere, or not ours to remove */
    }
  }
}
