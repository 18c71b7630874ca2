/** Paging long output: a child process. */
export { pageText } from '../cli/pager.js';
