/** Comparison tables: the compact layout, drawn by cli-table3 (a header rule and aligned columns, no borders). */
export { DIFFERS_MARK, renderComparisonTable, tableLayout } from '../render/compare-table.js';
