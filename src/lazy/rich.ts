/** Terminal output: chalk, string-width/wrap-ansi, boxen and cli-table3. */
export { richTheme } from '../render/rich-theme.js';
export { renderRichPage } from '../render/page-rich.js';
export { renderComparisonTable, tableLayout } from '../render/compare-table.js';
