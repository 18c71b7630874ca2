import { readCheckedFile, nameForKey, writeCheckedFile } from './checked-file.js';
import { pruneCache } from './prune.js';

/**
 * The search data of a guide with packs (see catalog/search-index.ts), kept between runs in one checked file
 * (see checked-file.ts) for each set of pack folders, so that searching a large pack does not read and index
 * every page of it at each run. The key names virt's version and what identifies the guide (the built-in
 * guide's build and each pack's files, see LoadedPack.identity): after an edit the file is a miss, and is
 * written again in its place. What is read back is checked again by search itself. Writing is best effort,
 * as for the pack cache.
 */
const SEARCH_FORMAT = 1;

/** The guide a search data file is for: its packs' folders, which name the file, and its identity. */
interface SearchedGuide {
  folders: string[];
  identity: string;
}

export interface SearchDataCache {
  read(guide: SearchedGuide): unknown;
  write(guide: SearchedGuide, data: unknown): void;
}

export function searchDataCache(folder: string, version: string): SearchDataCache {
  const nameOf = (guide: SearchedGuide) => nameForKey('search', JSON.stringify(['search', version, guide.folders]));
  const keyOf = (guide: SearchedGuide) =>
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
