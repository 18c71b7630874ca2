/** Full-text search: minisearch. */
export { createSearchIndex, keptSearchData } from '../catalog/search-index.js';
