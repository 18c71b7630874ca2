/** Comparison tables: cli-table3. */
export { renderComparisonTable, tableLayout } from '../render/compare-table.js';
