import { cacheFolderPath, openCacheFolder } from './cache-folder.js';
import { cacheContents, clearCache } from './prune.js';

/** What `virt cache` reports: where the cache folder is, whether virt uses it, and what virt keeps there. */
export interface CacheStatus {
  folder: string | undefined;
  trusted: boolean;
  /** Why virt does not use the folder; undefined when it does. */
  reason: string | undefined;
  files: number;
  bytes: number;
}

export function cacheStatus(env: Record<string, string | undefined>): CacheStatus {
  const folder = openCacheFolder(env, { create: false });
  const contents = folder.path ? cacheContents(folder.path) : { files: 0, bytes: 0 };
  return {
    folder: folder.path,
    trusted: folder.trusted,
    reason: folder.trusted ? undefined : folder.reason,
    ...contents,
  };
}

/** What `virt cache clear` did: `refused` says why a folder was left alone (another user's, say). */
export interface Cleared {
  folder: string | undefined;
  removed: number;
  refused?: string;
}

/**
 * Removes what virt keeps in its cache folder, and nothing else. A folder virt does not trust (another user's,
 * or one others can write to) is left alone; a missing one has nothing to clear.
 */
export function clearCacheFolder(env: Record<string, string | undefined>): Cleared {
  const folder = openCacheFolder(env, { create: false });
  if (!folder.trusted)
    return { folder: folder.path, removed: 0, ...(folder.path && !folder.missing ? { refused: folder.reason } : {}) };
  const named = cacheFolderPath(env);
  return { folder: folder.path, removed: clearCache(folder.path, 'path' in named ? named.path : folder.path).removed };
}
