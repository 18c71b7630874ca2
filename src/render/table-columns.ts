import { displayWidth, wrapText } from './text.js';

/**
 * The columns of a text table: how wide each is, so that words stay whole and the table is as short as the
 * width allows, and each cell's lines at its column's width.
 */

/** Between two columns. */
export const GAP = '  ';

/** Words longer than this may be broken; any shorter stays whole. */
const LONGEST_WHOLE_WORD = 18;

/**
 * Where a word too long for its column may break, keeping what it joins readable: after a hyphen or a
 * slash, or at a dot between letters ("Hardware-|assisted", "macOS/|Windows", "linuxcontainers.|org").
 */
const SOFT_BREAK = /(?<=[-/])(?=[\p{L}\p{N}(])|(?<=\p{L}\.)(?=\p{L})/u;

/** Breaks the words of `text` wider than `width` at their soft breaks, as few times as the width allows. */
function breakLongWords(text: string, width: number): string {
  return text
    .split(' ')
    .map((word) => {
      if (displayWidth(word) <= width) return word;
      const chunks = [''];
      for (const piece of word.split(SOFT_BREAK)) {
        if (chunks.at(-1) && displayWidth(chunks.at(-1)! + piece) > width) chunks.push('');
        chunks[chunks.length - 1] += piece;
      }
      // A new line inside a word: wrapText ends its line there, the part before staying after the words before it.
      return chunks.join('\n');
    })
    .join(' ');
}

/** A cell's lines at a column width; a marked label keeps its text clear of the mark. */
export function wrapCell(cell: string, width: number, isMarked: boolean): string[] {
  return isMarked
    ? wrapText(breakLongWords(cell.slice(2), width - 2), width, cell.slice(0, 2), '  ')
    : wrapText(breakLongWords(cell, width), width);
}

/**
 * How many lines a cell takes at a width, counted as wrapText and breakLongWords would wrap it but without
 * building the lines: `words` holds each word as the widths of its parts between soft breaks.
 */
function lineCount(words: number[][], width: number): number {
  let lines = 1;
  let used = 0;
  const place = (part: number, newLine: boolean) => {
    if (newLine || (used > 0 && used + 1 + part > width)) {
      lines++;
      used = 0;
    }
    // A part wider than a line is cut; its last piece stays on the line.
    if (part > width) {
      lines += Math.ceil(part / width) - 1;
      part = part % width || width;
    }
    used += (used > 0 ? 1 : 0) + part;
  };
  for (const word of words) {
    // breakLongWords' chunks: the first may follow the words before it, the others start lines.
    const chunks = [0];
    for (const part of word) {
      if (chunks.at(-1)! > 0 && chunks.at(-1)! + part > width) chunks.push(0);
      chunks[chunks.length - 1]! += part;
    }
    chunks.forEach((chunk, index) => place(chunk, index > 0));
  }
  return lines;
}

/**
 * Column widths that fit `width`: every column at least as wide as its longest word (so no word breaks,
 * "Paravirtuali|zation"), or with `soft`, its longest part of a word between soft breaks. The room left
 * goes, a few columns at a time, where it saves the most lines; what saves none, to the columns whose text
 * would otherwise wrap the most. Undefined when even the narrowest columns do not fit.
 */
export function fitColumns(
  cells: string[][],
  width: number,
  isMarked: (row: number, column: number) => boolean,
  soft = false,
): number[] | undefined {
  const columns = cells[0]!.length;
  const column = (index: number) => cells.map((row) => row[index] ?? '');
  const longestWord = (text: string) =>
    Math.max(
      0,
      ...text
        .split(/\s+/)
        .flatMap((word) => (soft ? word.split(SOFT_BREAK) : [word]))
        .map(displayWidth),
    );
  const least = [...Array(columns).keys()].map((index) =>
    Math.max(index === 0 ? 10 : 8, Math.min(LONGEST_WHOLE_WORD, Math.max(...column(index).map(longestWord)))),
  );
  const most = [...Array(columns).keys()].map((index) => Math.max(least[index]!, ...column(index).map(displayWidth)));
  let room = width - GAP.length * (columns - 1) - least.reduce((sum, w) => sum + w, 0);
  if (room < 0) return undefined;
  const widths = [...least];
  // Each cell's words, as the widths of their parts between soft breaks, measured once; then trying a
  // width costs a count per cell, not a wrap.
  const parts = cells.map((row, rowIndex) =>
    row.map((cell, index) => {
      const text = isMarked(rowIndex, index) ? cell.slice(2) : cell;
      return text.split(' ').map((word) => word.split(SOFT_BREAK).map(displayWidth));
    }),
  );
  const heights = new Map<number, number[]>();
  const heightsAt = (index: number, w: number) => {
    const key = index * 10000 + w;
    if (!heights.has(key))
      heights.set(
        key,
        parts.map((row, rowIndex) => lineCount(row[index]!, isMarked(rowIndex, index) ? w - 2 : w)),
      );
    return heights.get(key)!;
  };
  const total = (counts: number[]) => counts.reduce((sum, count) => sum + count, 0);
  const lines = (trial: number[]) =>
    cells.reduce((sum, _, row) => sum + Math.max(...trial.map((w, index) => heightsAt(index, w)[row]!)), 0);
  let current = lines(widths);
  while (room > 0) {
    let best: { index: number; extra: number; saved: number } | undefined;
    for (let index = 0; index < columns; index++) {
      // The least extra width that saves a line in this column, and how many it saves per column of width.
      let own = total(heightsAt(index, widths[index]!));
      for (let extra = 1; extra <= Math.min(room, most[index]! - widths[index]!); extra++) {
        // Only a width at which this column itself takes fewer lines can make the table shorter.
        const ownThen = total(heightsAt(index, widths[index]! + extra));
        if (ownThen === own) continue;
        own = ownThen;
        const trial = widths.map((w, i) => (i === index ? w + extra : w));
        const saved = current - lines(trial);
        if (saved <= 0) continue;
        if (!best || saved / extra > best.saved / best.extra) best = { index, extra, saved };
        break;
      }
    }
    if (!best) break;
    widths[best.index]! += best.extra;
    room -= best.extra;
    current -= best.saved;
  }
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
