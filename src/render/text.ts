import { textEngine } from './text-engine.js';

/**
 * Measuring and wrapping text for every renderer: how many columns a string takes on screen, and greedy
 * word wrapping to a width, with or without escape codes. The answers are string-width's and wrap-ansi's
 * (text-engine.ts). Printable ASCII, which is nearly all of the guide, is answered here without them, by
 * the same rules: each character is one column and its own grapheme cluster. test/render/text.test.ts holds
 * this fast path to string-width and wrap-ansi.
 */

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const PRINTABLE_ASCII_LINES = /^[\x20-\x7e\n]*$/;

/** Columns a string takes on screen: wide (CJK, emoji) characters count two, escape codes and marks none. */
export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : textEngine().width(text);
}

/** Pads text with spaces to a display width. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Wraps text to `width` columns, breaking words only when one is wider than a line, and drops the spaces
 * at either end of each line; `first` prefixes the first line and `rest` the others (a hanging indent).
 * Styles stay open across the lines they span.
 */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  const room = Math.max(8, width - Math.max(displayWidth(first), displayWidth(rest)));
  const lines = PRINTABLE_ASCII_LINES.test(text)
    ? text.split('\n').flatMap((line) => wrapAsciiLine(line, room))
    : textEngine().wrap(text, room).split('\n');
  return lines.map((line, index) => (index === 0 ? first : rest) + line);
}

/**
 * wrap-ansi's algorithm (hard breaks, word wrap, trimmed lines) for one line of printable ASCII, where every
 * character is one column: words go on the line while they fit; a word wider than a line is cut into lines
 * of its own, starting on the current line when that saves a line.
 */
function wrapAsciiLine(line: string, columns: number): string[] {
  if (line.trim() === '') return [''];
  const rows = [''];
  let rowLength = 0;
  line.split(' ').forEach((word, index) => {
    if (index > 0 && rowLength > 0) {
      rows[rows.length - 1] += ' ';
      rowLength++;
    }
    if (word.length > columns) {
      const startsThisLine = 1 + Math.floor((word.length - (columns - rowLength) - 1) / columns);
      const startsNextLine = Math.floor((word.length - 1) / columns);
      if (startsNextLine < startsThisLine) {
        rows.push('');
        rowLength = 0;
      }
      rowLength = cutWord(rows, word, columns, rowLength);
      return;
    }
    if (rowLength + word.length > columns && rowLength > 0 && word.length > 0) {
      rows.push('');
      rowLength = 0;
    }
    rows[rows.length - 1] += word;
    rowLength += word.length;
  });
  return rows.map((row) => row.trimEnd());
}

/** Puts a word on the rows a character at a time, starting a row whenever one is full; returns the last row's width. */
function cutWord(rows: string[], word: string, columns: number, rowLength: number): number {
  let row = rows.pop() ?? '';
  let visible = rowLength;
  for (const char of word) {
    if (visible >= columns) {
      rows.push(row);
      row = '';
      visible = 0;
    }
    row += char;
    visible++;
  }
  rows.push(row);
  return visible;
}
