/** Terminal output: chalk, string-width/wrap-ansi and boxen. */
export { richTheme } from '../render/rich-theme.js';
export { renderRichPage } from '../render/page-rich.js';
