/** Terminal output: chalk, and cli-boxes for the page header's box. */
export { richTheme } from '../render/rich-theme.js';
export { renderRichPage } from '../render/page-rich.js';
