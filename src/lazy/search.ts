/** Full-text search: minisearch. */
export { createCachedSearchIndex, createSearchIndex } from '../catalog/search-index.js';
