/** Loading content packs, with the caches of their parsed files and their search data (node:crypto, for checksums). */
export { loadPack } from '../content/load-pack.js';
export { packParseCache } from '../store/pack-cache.js';
export { searchDataCache } from '../store/search-cache.js';
