import Table from 'cli-table3';
import type { Comparison } from '../model/comparison.js';
import { NO_VALUE } from './compare-text.js';
import type { Theme } from './theme.js';
import { fitColumns, GAP, wrapCell } from './table-columns.js';
import { displayWidth } from './text.js';

/**
 * How a comparison is laid out as tables: topics across (one column each) or, transposed, down (one row
 * each). Transposed, attributes that do not fit side by side are split into bands, tables one under the
 * other that each repeat the topic column.
 */
export interface TableLayout {
  transposed: boolean;
  /** `rows`: the comparison's rows (attributes) a table holds; `widths`: the text width of each of its
   * columns, the first being the labels (attributes, or topics when transposed). */
  tables: { rows: number[]; widths: number[] }[];
}

/** The mark before an attribute whose values differ, in every mode, so it shows without colour too. */
export const DIFFERS_MARK = '*';
const marked = (label: string, differs: boolean) => `${differs ? DIFFERS_MARK : ' '} ${label}`;

/** The table's text before styling: a header row, then the body rows; `rows` picks the attributes. */
function grid(comparison: Comparison, transposed: boolean, rows = comparison.rows): string[][] {
  if (!transposed) {
    return [
      ['  Attribute', ...comparison.topics.map((topic) => topic.title)],
      ...rows.map((row) => [marked(row.label, row.differs), ...row.values.map((v) => v ?? NO_VALUE)]),
    ];
  }
  return [
    ['Topic', ...rows.map((row) => marked(row.label, row.differs))],
    ...comparison.topics.map((topic, index) => [topic.title, ...rows.map((row) => row.values[index] ?? NO_VALUE)]),
  ];
}

/** `count` runs of consecutive row numbers below `total`, as even in length as they can be. */
function split(total: number, count: number): number[][] {
  return [...Array(count).keys()].map((band) => {
    const [start, end] = [band, band + 1].map((edge) => Math.round((edge * total) / count));
    return [...Array(end! - start!).keys()].map((offset) => start! + offset);
  });
}

/**
 * Tables when they fit: topics side by side; or, when there are too many topics for that, one row per
 * topic with the attributes across, whole words first, then words broken at soft breaks; and when there
 * are more topics than attributes and even those do not fit one line of columns, the attributes in as
 * few bands as fit, two or more attributes each. Undefined when nothing fits (the caller stacks blocks).
 */
export function tableLayout(comparison: Comparison, width: number): TableLayout | undefined {
  const all = comparison.rows.map((_, index) => index);
  const across = fitColumns(grid(comparison, false), width, (_, column) => column === 0);
  if (across) return { transposed: false, tables: [{ rows: all, widths: across }] };
  const most = comparison.topics.length > comparison.rows.length ? Math.floor(comparison.rows.length / 2) : 1;
  for (let count = 1; count <= Math.max(1, most); count++) {
    const bands = split(all.length, count);
    for (const soft of [false, true]) {
      const tables = bands.map((rows) => {
        const widths = fitColumns(
          grid(
            comparison,
            true,
            rows.map((row) => comparison.rows[row]!),
          ),
          width,
          (row, column) => row === 0 && column > 0,
          soft,
        );
        return widths && { rows, widths };
      });
      if (tables.every((table) => table)) return { transposed: true, tables: tables.map((table) => table!) };
    }
  }
  return undefined;
}

/**
 * A comparison table, compact: columns apart by two spaces and a rule under the header only, so a dozen
 * attributes fit one screen. A label that wraps keeps its text clear of the difference mark. Bands of a
 * transposed layout follow one another, a blank line apart.
 */
export function renderComparisonTable(comparison: Comparison, theme: Theme, layout: TableLayout): string {
  return layout.tables
    .map((table) => renderTable(comparison, theme, layout.transposed, table.rows, table.widths))
    .join('\n');
}

function renderTable(
  comparison: Comparison,
  theme: Theme,
  transposed: boolean,
  rowNumbers: number[],
  widths: number[],
): string {
  const rows = rowNumbers.map((row) => comparison.rows[row]!);
  const text = grid(comparison, transposed, rows);
  const differs = (row: number, column: number) =>
    transposed
      ? row === 0 && column > 0 && rows[column - 1]!.differs
      : row > 0 && column === 0 && rows[row - 1]!.differs;
  const style = (cell: string, row: number, column: number) => {
    if (differs(row, column)) return theme.different(cell);
    if (row === 0) return column === 0 ? theme.muted(cell) : transposed ? theme.strong(cell) : theme.title(cell);
    if (column === 0 && transposed) return theme.title(cell);
    return cell.trim() === NO_VALUE ? theme.muted(cell) : cell;
  };
  const isMarked = (row: number, column: number) => (transposed ? row === 0 && column > 0 : column === 0);
  const cellLines = (cell: string, row: number, column: number) => {
    const width = widths[column]!;
    const lines = wrapCell(cell, width, isMarked(row, column));
    // Padding stays outside the styling, so that the line's end can be trimmed.
    return lines.map((line) => style(line, row, column) + ' '.repeat(Math.max(0, width - displayWidth(line))));
  };
  const [head, ...body] = text.map((row, rowIndex) =>
    row.map((cell, column) => cellLines(cell, rowIndex, column).join('\n')),
  );
  // cli-table3 lays the cells out, already wrapped and styled here: no borders, columns GAP apart, and with
  // `compact`, a rule under the header only.
  const rule = theme.ascii ? '-' : '─';
  const table = new Table({
    head: head!,
    colWidths: widths,
    wordWrap: false,
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 0 },
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      right: '',
      'right-mid': '',
      mid: rule,
      'mid-mid': GAP,
      middle: GAP,
    },
  });
  table.push(...body);
  const lines = table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd());
  return `${lines.join('\n')}\n`;
}
