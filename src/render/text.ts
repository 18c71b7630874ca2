import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Measuring and wrapping text. Renderers get one of two implementations through their theme: this light
 * one for unstyled text (no escape codes), and wrap-ansi/string-width for styled text (styled-text.ts).
 * The split is for startup time: plain output, the common case in scripts, loads neither wrap-ansi nor
 * string-width (whose Intl.Segmenter and emoji expressions cost 30 ms or more to set up; in the bundles
 * even styled text reaches them only for characters display-width.ts cannot measure alone).
 */
export interface TextTools {
  /** Columns a string takes on screen: wide (CJK, emoji) characters count two. */
  width(text: string): number;
  /** Wraps to `width` columns; `first` prefixes the first line and `rest` the others (a hanging indent). */
  wrap(text: string, width: number, first?: string, rest?: string, options?: { trim?: boolean }): string[];
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ZERO_WIDTH = /[\p{Mark}\p{Default_Ignorable_Code_Point}\p{Control}]/u;
const EMOJI = /\p{Extended_Pictographic}/u;

function plainWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const char of text) {
    if (ZERO_WIDTH.test(char)) continue;
    width += EMOJI.test(char) ? 2 : eastAsianWidth(char.codePointAt(0)!);
  }
  return width;
}

/** Splits a word that is wider than a line at the last character that fits. */
function splitAt(word: string, room: number): [string, string] {
  let head = '';
  let width = 0;
  for (const char of word) {
    const w = plainWidth(char);
    if (width + w > room && head) break;
    head += char;
    width += w;
  }
  return [head, word.slice(head.length)];
}

function wrapLine(line: string, room: number, trim: boolean): string[] {
  const text = trim ? line.trim() : line.trimEnd();
  if (plainWidth(text) <= room) return [text];
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const word of text.split(' ')) {
    const w = plainWidth(word);
    if (current !== '' && currentWidth + 1 + w <= room) {
      current += ` ${word}`;
      currentWidth += 1 + w;
      continue;
    }
    if (current !== '') lines.push(current);
    let rest = word;
    while (plainWidth(rest) > room) {
      const [head, tail] = splitAt(rest, room);
      lines.push(head);
      rest = tail;
    }
    current = rest;
    currentWidth = plainWidth(rest);
  }
  lines.push(current);
  return lines;
}

/** Greedy word wrapping for text without escape codes, measured with get-east-asian-width. */
export const plainText: TextTools = {
  width: plainWidth,
  wrap(text, width, first = '', rest = first, options = {}) {
    const room = Math.max(8, width - Math.max(plainWidth(first), plainWidth(rest)));
    const lines = text.split('\n').flatMap((line) => wrapLine(line, room, options.trim ?? true));
    return lines.map((line, index) => (index === 0 ? first : rest) + line);
  },
};

/** Pads text with spaces to a display width. */
export function padEnd(text: string, width: number, tools: TextTools): string {
  return text + ' '.repeat(Math.max(0, width - tools.width(text)));
}
