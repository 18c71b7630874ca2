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

/** Stands for a space inside a unit that must not break (see keepTogether). */
const JOIN = '\ue000';
/** Starts a unit that must not break, so one without spaces is known too. */
const MARK = '\ue001';
/** Holds the place of a unit too wide for a line while the text around it is wrapped. */
const PLACE = '\ue002';
const URL = /^(?:\u001b\[\d{1,3}m)*[(<"'`]?https?:\/\//;

/**
 * Marks text as one unit that wrapText never breaks: an inline command, a code span, an address. Copied
 * from a terminal, a command cut in two is a different command, and a cut address is no link at all.
 */
export function keepTogether(text: string): string {
  return MARK + text.replaceAll(' ', JOIN);
}

/**
 * Wraps text to `width` columns, breaking words only when one is wider than a line, and drops the spaces
 * at either end of each line; `first` prefixes the first line and `rest` the others (a hanging indent).
 * Styles are closed at the end of each line and opened again on the next. A unit (keepTogether) or an
 * address is never broken: one wider than the line goes on a line of its own, whole, and runs past the width.
 */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  const room = Math.max(8, width - Math.max(displayWidth(first), displayWidth(rest)));
  const units: string[] = [];
  const prepared = text.includes(MARK) || text.includes('://') ? setUnitsAside(text, room, units) : text;
  const lines = isSimpleText(prepared)
    ? prepared.split('\n').flatMap((line) => wrapSimpleLine(line, room))
    : textEngine().wrap(prepared, room).split('\n');
  let unit = 0;
  return lines.map(
    (line, index) =>
      (index === 0 ? first : rest) +
      (line.includes(PLACE) ? line.replace(PLACE, () => units[unit++] ?? '') : line).replaceAll(JOIN, ' '),
  );
}

/**
 * Joins each unit's words (JOIN keeps them on one line) and puts each unit wider than `room` on a line of
 * its own, as a one-column placeholder that wrapText swaps back once the rest is wrapped.
 */
function setUnitsAside(text: string, room: number, units: string[]): string {
  return text
    .split('\n')
    .map((line) => {
      const words = line.split(' ').map((word) => {
        const clean = word.replaceAll(MARK, '');
        const whole = clean !== word || clean.includes(JOIN) || URL.test(clean);
        if (!whole || displayWidth(clean) <= room) return { text: clean, alone: false };
        units.push(clean);
        return { text: PLACE, alone: true };
      });
      return words
        .map((word, index) => {
          const before = words[index - 1];
          const apart = index > 0 && (word.alone || before!.alone) && word.text !== '' && before!.text !== '';
          return (index === 0 ? '' : apart ? '\n' : ' ') + word.text;
        })
        .join('');
    })
    .join('\n');
}

/** A count with its noun, singular or plural: "1 problem", "3 problems". */
export const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
