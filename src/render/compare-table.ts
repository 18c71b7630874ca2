import Table from 'cli-table3';
import type { Comparison } from '../model/comparison.js';
import { NO_VALUE } from './compare-text.js';
import type { Theme } from './theme.js';
import { displayWidth, wrapText } from './text.js';

const ASCII_CHARS = {
  top: '-',
  'top-mid': '+',
  'top-left': '+',
  'top-right': '+',
  bottom: '-',
  'bottom-mid': '+',
  'bottom-left': '+',
  'bottom-right': '+',
  left: '|',
  'left-mid': '+',
  mid: '-',
  'mid-mid': '+',
  right: '|',
  'right-mid': '+',
  middle: '|',
};

/** Column widths for a bordered table, or undefined when the topics do not fit side by side. */
export function tableLayout(comparison: Comparison, width: number): { label: number; column: number } | undefined {
  const topics = comparison.topics.length;
  const longestLabel = Math.max(...comparison.rows.map((row) => displayWidth(row.label)), displayWidth('Attribute'));
  const label = Math.min(longestLabel + 2, 22);
  // Borders take topics + 2 columns; each cell has one space of padding on each side.
  const room = width - label - (topics + 2) - topics * 2;
  const column = Math.floor(room / topics);
  const longestValue = Math.max(
    ...comparison.rows.flatMap((row) => row.values.map((value) => displayWidth(value ?? NO_VALUE))),
    ...comparison.topics.map((t) => displayWidth(t.title)),
  );
  // Columns narrower than the longest word would break words mid-way ("Paravirtuali|zation"): stack instead.
  const longestWord = Math.max(
    ...[
      ...comparison.topics.map((t) => t.title),
      ...comparison.rows.flatMap((row) => row.values.map((value) => value ?? '')),
    ]
      .flatMap((text) => text.split(/\s+/))
      .map(displayWidth),
  );
  if (column < Math.max(12, Math.min(longestWord, 18))) return undefined;
  return { label: label - 2, column: Math.min(column, Math.max(longestValue, 8)) };
}

/**
 * A bordered comparison table. Cell text is wrapped here, by display width, before cli-table3 sees it:
 * its own wrapping truncates or garbles wide (CJK) characters.
 */
export function renderComparisonTable(
  comparison: Comparison,
  theme: Theme,
  layout: { label: number; column: number },
): string {
  const cell = (text: string, width: number) => wrapText(text, width).join('\n');
  const table = new Table({
    head: [
      theme.muted('Attribute'),
      ...comparison.topics.map((topic) => cell(theme.title(topic.title), layout.column)),
    ],
    colWidths: [layout.label + 2, ...comparison.topics.map(() => layout.column + 2)],
    wordWrap: false,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    ...(theme.ascii ? { chars: ASCII_CHARS } : {}),
  });
  for (const row of comparison.rows) {
    const label = row.differs ? theme.different(row.label) : row.label;
    table.push([
      cell(label, layout.label),
      ...row.values.map((value) => cell(value ?? theme.muted(NO_VALUE), layout.column)),
    ]);
  }
  return `${table.toString()}\n`;
}
