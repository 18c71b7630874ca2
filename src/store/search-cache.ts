import { readCheckedFile, nameForKey, writeCheckedFile } from './checked-file.js';
import { pruneCache } from './prune.js';

/** Changes whenever what search keeps changes (see SearchData), so data kept by an earlier layout is a miss. */
const SEARCH_FORMAT = 1;

/**
 * What a guide with packs is known by in the cache: its packs' folders, with every link resolved, which name
 * its search data's file, and what identifies the guide (the built-in guide's build and each pack's files,
 * see LoadedPack.identity), which the file's key names.
 */
export interface CachedGuideKey {
  folders: string[];
  identity: string;
}

/**
 * The search data of a guide with packs (see catalog/search-index.ts), kept between runs in one checked file
 * (see checked-file.ts) for each set of pack folders, so that searching a large pack does not read and index
 * every page of it at each run. After an edit the file is a miss, and is written again in its place. What is
 * read back is checked by search (keptSearchData) before it is used. Writing is best effort, as for the pack
 * cache.
 */
export interface SearchDataCache {
  read(guide: CachedGuideKey): unknown;
  write(guide: CachedGuideKey, data: unknown): void;
}

export function searchDataCache(folder: string, version: string): SearchDataCache {
  const nameOf = (guide: CachedGuideKey) => nameForKey('search', JSON.stringify(['search', version, guide.folders]));
  const keyOf = (guide: CachedGuideKey) =>
    JSON.stringify(['search', version, SEARCH_FORMAT, guide.folders, guide.identity]);
  return {
    read: (guide) => readCheckedFile(folder, nameOf(guide), keyOf(guide))?.value,
    write: (guide, data) => {
      try {
        writeCheckedFile(folder, nameOf(guide), keyOf(guide), data);
        pruneCache(folder);
      } catch {
        /* read-only home, full disk: search indexes the packs again next time */
      }
    },
  };
}
