/** Loading content packs, with the cache of parsed files. */
export { loadPack } from '../content/load-pack.js';
