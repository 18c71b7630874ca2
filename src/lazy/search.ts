/** Full-text search: minisearch. */
export { createSearchIndex } from '../catalog/search-index.js';
