import { lstatSync, readdirSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { TAG } from './cache-folder.js';
import { readPrivateFile } from './private-file.js';

/**
 * The names virt gives what it writes in the cache folder, and nothing else is ever removed: the folder may
 * be one the user shares with other files (VIRT_CACHE_DIR=~/tmp). Entries are judged by lstat, never through
 * a link, so a link planted in the folder is not followed to what it points at.
 */
const CACHE_FILE = /^(?:pack|search)-[0-9a-f]{16}\.json$/;
const TEMPORARY_FILE = /^(?:(?:pack|search)-[0-9a-f]{16}\.json|CACHEDIR\.TAG)\.\d+-[0-9a-z]+\.tmp$/;
/**
 * What earlier versions of virt wrote (a pack index per device and inode, a folder of page files beside it,
 * a search index per set of packs): pruned and cleared like the rest, so an upgrade leaves nothing behind.
 */
const OLD_FILE = /^(?:pack-\d+-\d+\.json|search-[A-Za-z0-9._+-]+\.bin)(?:\.\d+\.tmp)?$/;
const OLD_PAGE_FOLDER = /^pack-\d+-\d+$/;
const OLD_PAGE_FILE = /^[0-9a-f]{16}\.json(?:\.\d+\.tmp)?$/;
/** Node's own compile cache (Node 22 and later), a folder Node lays out itself. */
export const CODE_CACHE_FOLDER = 'code';
const TAG_FILE = 'CACHEDIR.TAG';

const DAY = 24 * 60 * 60 * 1000;
/** A cache nobody has read for this long belongs to a pack that is gone, or to an older virt. */
export const UNUSED_FOR = 30 * DAY;
/** A temporary file this old was left by a virt that was killed mid-write. */
const ABANDONED_AFTER = 60 * 60 * 1000;

/** Removes caches unused for UNUSED_FOR and abandoned temporary files. Best effort: what cannot go stays. */
export function pruneCache(folder: string, now = Date.now()): void {
  for (const name of namesIn(folder)) {
    const path = join(folder, name);
    if (OLD_PAGE_FOLDER.test(name)) removeOldPageFolder(path, (age) => age >= UNUSED_FOR, now);
    else if (CACHE_FILE.test(name) || OLD_FILE.test(name)) removeFileIf(path, (age) => age >= UNUSED_FOR, now);
    else if (TEMPORARY_FILE.test(name)) removeFileIf(path, (age) => age >= ABANDONED_AFTER, now);
  }
}

/**
 * Removes everything virt wrote in the folder, and the folder itself if that leaves it empty and it is the
 * folder that was named (not a link's target, which would leave the link dangling).
 */
export function clearCache(folder: string, named: string = folder): { removed: number } {
  let removed = 0;
  for (const name of namesIn(folder)) {
    const path = join(folder, name);
    if (CACHE_FILE.test(name) || TEMPORARY_FILE.test(name) || OLD_FILE.test(name)) {
      if (removeFileIf(path, () => true, Date.now(), { links: true })) removed++;
    } else if (name === CODE_CACHE_FOLDER) {
      if (removeCodeCache(path)) removed++;
    } else if (OLD_PAGE_FOLDER.test(name)) {
      if (removeOldPageFolder(path, () => true)) removed++;
    }
  }
  const onlyTheTag = readPrivateFile(folder, TAG_FILE)?.toString('utf8') === TAG && namesIn(folder).length === 1;
  if (onlyTheTag && folder === named && removeFileIf(join(folder, TAG_FILE), () => true)) {
    try {
      rmdirSync(folder);
    } catch {
      /* something arrived meanwhile: the folder stays */
    }
  }
  return { removed };
}

/** The files virt keeps in the folder and their total size, for `virt cache`. */
export function cacheContents(folder: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const add = (path: string) => {
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (info?.isFile()) {
      files++;
      bytes += info.size;
    } else if (info?.isDirectory()) {
      for (const name of namesIn(path)) add(join(path, name));
    }
  };
  for (const name of namesIn(folder)) {
    const ours = CACHE_FILE.test(name) || TEMPORARY_FILE.test(name) || OLD_FILE.test(name);
    if (ours || name === CODE_CACHE_FOLDER || OLD_PAGE_FOLDER.test(name)) add(join(folder, name));
  }
  return { files, bytes };
}

function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/**
 * Removes a regular file when its age since last use passes the test; with `links`, a link of that name too
 * (the link itself: unlink never follows one).
 */
function removeFileIf(
  path: string,
  old: (age: number) => boolean,
  now = Date.now(),
  options = { links: false },
): boolean {
  try {
    const info = lstatSync(path);
    const removable = info.isFile() || (options.links && info.isSymbolicLink());
    if (!removable || !old(now - info.mtimeMs)) return false;
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Node's compile cache folder, whole; a link in its place is removed as a link, not followed. */
function removeCodeCache(path: string): boolean {
  try {
    const info = lstatSync(path);
    if (info.isSymbolicLink()) unlinkSync(path);
    else if (info.isDirectory()) rmSync(path, { recursive: true, force: true });
    else return false;
    return true;
  } catch {
    return false;
  }
}

/** A page folder of an earlier virt: its page files, then the folder once empty; never through a link. */
function removeOldPageFolder(path: string, old: (age: number) => boolean, now = Date.now()): boolean {
  try {
    const info = lstatSync(path);
    if (!info.isDirectory() || !old(now - info.mtimeMs)) return false;
    for (const name of namesIn(path)) if (OLD_PAGE_FILE.test(name)) removeFileIf(join(path, name), () => true);
    rmdirSync(path);
    return true;
  } catch {
    return false;
  }
}
