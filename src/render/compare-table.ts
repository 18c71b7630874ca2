import Table from 'cli-table3';
import type { Comparison } from '../model/comparison.js';
import { NO_VALUE } from './compare-text.js';
import type { Theme } from './theme.js';
import { displayWidth, wrapText } from './text.js';

/** How a comparison is laid out as a table: topics across (one column each) or, transposed, down (one row each). */
export interface TableLayout {
  transposed: boolean;
  /** The text width of each column, the first being the labels (attributes, or topics when transposed). */
  widths: number[];
}

/** The mark before an attribute whose values differ, in every mode, so it shows without colour too. */
export const DIFFERS_MARK = '*';
const marked = (label: string, differs: boolean) => `${differs ? DIFFERS_MARK : ' '} ${label}`;
/** Between two columns. */
const GAP = '  ';

/** The table's text before styling: a header row, then the body rows. */
function grid(comparison: Comparison, transposed: boolean): string[][] {
  if (!transposed) {
    return [
      ['  Attribute', ...comparison.topics.map((topic) => topic.title)],
      ...comparison.rows.map((row) => [marked(row.label, row.differs), ...row.values.map((v) => v ?? NO_VALUE)]),
    ];
  }
  return [
    ['Topic', ...comparison.rows.map((row) => marked(row.label, row.differs))],
    ...comparison.topics.map((topic, index) => [
      topic.title,
      ...comparison.rows.map((row) => row.values[index] ?? NO_VALUE),
    ]),
  ];
}

/** Labels longer than this share the room left with the other columns. */
const LONGEST_LABEL = 26;
/** Words longer than this may be broken; any shorter stays whole. */
const LONGEST_WHOLE_WORD = 18;

/**
 * Column widths that fit `width`: every column at least as wide as its longest word (so no word breaks,
 * "Paravirtuali|zation"), the room left given to the columns whose text would otherwise wrap the most.
 * Undefined when even the narrowest columns do not fit.
 */
function fitColumns(cells: string[][], width: number): number[] | undefined {
  const columns = cells[0]!.length;
  const column = (index: number) => cells.map((row) => row[index] ?? '');
  const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map(displayWidth));
  const least = [...Array(columns).keys()].map((index) =>
    Math.max(index === 0 ? 10 : 8, Math.min(LONGEST_WHOLE_WORD, Math.max(...column(index).map(longestWord)))),
  );
  const most = [...Array(columns).keys()].map((index) => Math.max(least[index]!, ...column(index).map(displayWidth)));
  let room = width - GAP.length * (columns - 1) - least.reduce((sum, w) => sum + w, 0);
  if (room < 0) return undefined;
  const widths = [...least];
  // The labels first: they are short, and a wrapped label costs a line in every column.
  const labelRoom = Math.min(room, Math.min(most[0]!, Math.max(least[0]!, LONGEST_LABEL)) - least[0]!);
  widths[0]! += labelRoom;
  room -= labelRoom;
  while (room > 0) {
    let widest = -1;
    for (let index = 0; index < columns; index++) {
      const wanting = most[index]! - widths[index]!;
      if (wanting > 0 && (widest === -1 || wanting > most[widest]! - widths[widest]!)) widest = index;
    }
    if (widest === -1) break;
    widths[widest]!++;
    room--;
  }
  return widths;
}

/**
 * A table when one fits: topics side by side, or, when there are too many topics for that, one row per
 * topic with the attributes across. Undefined when neither fits (the caller stacks blocks instead).
 */
export function tableLayout(comparison: Comparison, width: number): TableLayout | undefined {
  const across = fitColumns(grid(comparison, false), width);
  if (across) return { transposed: false, widths: across };
  const down = fitColumns(grid(comparison, true), width);
  return down ? { transposed: true, widths: down } : undefined;
}

/**
 * A comparison table, compact: columns apart by two spaces and a rule under the header only, so a dozen
 * attributes fit one screen. A label that wraps keeps its text clear of the difference mark.
 */
export function renderComparisonTable(comparison: Comparison, theme: Theme, layout: TableLayout): string {
  const text = grid(comparison, layout.transposed);
  const differs = (row: number, column: number) =>
    layout.transposed
      ? row === 0 && column > 0 && comparison.rows[column - 1]!.differs
      : row > 0 && column === 0 && comparison.rows[row - 1]!.differs;
  const style = (cell: string, row: number, column: number) => {
    if (differs(row, column)) return theme.different(cell);
    if (row === 0) return column === 0 ? theme.muted(cell) : layout.transposed ? theme.strong(cell) : theme.title(cell);
    if (column === 0 && layout.transposed) return theme.title(cell);
    return cell.trim() === NO_VALUE ? theme.muted(cell) : cell;
  };
  const isMarked = (row: number, column: number) => (layout.transposed ? row === 0 && column > 0 : column === 0);
  const cellLines = (cell: string, row: number, column: number) => {
    const width = layout.widths[column]!;
    const lines = isMarked(row, column)
      ? wrapText(cell.slice(2), width, cell.slice(0, 2), '  ')
      : wrapText(cell, width);
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
    colWidths: layout.widths,
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
