/** Loading content packs, with the cache of parsed files (node:crypto, for its checksums). */
export { loadPack } from '../content/load-pack.js';
export { packParseCache } from '../store/pack-cache.js';
