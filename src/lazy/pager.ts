/** Paging long output: shell-quote and a child process. */
export { pageText } from '../cli/pager.js';
