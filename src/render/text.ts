import { textEngine } from './text-engine.js';
import { isSimpleText, simpleTextWidth, wrapSimpleLine } from './simple-text.js';

/**
 * Measuring and wrapping text for every renderer: how many columns a string takes on screen, and greedy
 * word wrapping to a width, with or without escape codes. The answers are string-width's and wrap-ansi's
 * (text-engine.ts). Simple text, which is all of the guide (see simple-text.ts), is answered without loading
 * them, by the same rules; test/render/text.test.ts holds that fast path to string-width and wrap-ansi.
 */

/** Columns a string takes on screen: wide (CJK, emoji) characters count two, escape codes and marks none. */
export function displayWidth(text: string): number {
  return isSimpleText(text) ? simpleTextWidth(text) : textEngine().width(text);
}

/** Pads text with spaces to a display width. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Wraps text to `width` columns, breaking words only when one is wider than a line, and drops the spaces
 * at either end of each line; `first` prefixes the first line and `rest` the others (a hanging indent).
 * Styles are closed at the end of each line and opened again on the next.
 */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  const room = Math.max(8, width - Math.max(displayWidth(first), displayWidth(rest)));
  const lines = isSimpleText(text)
    ? text.split('\n').flatMap((line) => wrapSimpleLine(line, room))
    : textEngine().wrap(text, room).split('\n');
  return lines.map((line, index) => (index === 0 ? first : rest) + line);
}

/** A count with its noun, singular or plural: "1 problem", "3 problems". */
export const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
