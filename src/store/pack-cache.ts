import { PARSE_FORMAT } from '../content/cached-parse.js';
import type { ParseCache } from '../content/load-pack.js';
import { readCheckedFile, nameForKey, writeCheckedFile } from './checked-file.js';
import { pruneCache } from './prune.js';

/**
 * The parses of a pack's files, kept between runs in one checked file per pack folder (see checked-file.ts),
 * each topic's page a part of its own. The key names virt's version, the parser's format and the folder's
 * real path, so another version, another parser or another folder never reads it. Writing is best effort: a
 * cache that cannot be written only means the next run parses again.
 */
declare const VIRT_PARSER: string | undefined;
/** The build's fingerprint of the parser (see tools/build.ts); running the sources, PARSE_FORMAT alone. */
const parser = typeof VIRT_PARSER === 'string' ? VIRT_PARSER : 'sources';

export function packParseCache(folder: string, version: string): ParseCache {
  const keyOf = (packFolder: string) => JSON.stringify(['pack', version, PARSE_FORMAT, parser, packFolder]);
  return {
    read: (packFolder) => {
      const file = readCheckedFile(folder, nameForKey('pack', keyOf(packFolder)), keyOf(packFolder));
      return file && { value: file.value, page: file.part, pages: file.parts };
    },
    write: (packFolder, value, pages) => {
      try {
        writeCheckedFile(folder, nameForKey('pack', keyOf(packFolder)), keyOf(packFolder), value, pages);
        pruneCache(folder);
      } catch {
        /* read-only home, full disk: run without a cache */
      }
    },
  };
}
