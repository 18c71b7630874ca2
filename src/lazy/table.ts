/** Comparison tables: the compact table layout (no library: a header rule and aligned columns). */
export { DIFFERS_MARK, renderComparisonTable, tableLayout } from '../render/compare-table.js';
