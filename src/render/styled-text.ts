import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { TextTools } from './text.js';

/** Measuring and wrapping text that carries colour codes, keeping styles across wrapped lines. */
export const styledText: TextTools = {
  width: (text) => stringWidth(text),
  wrap(text, width, first = '', rest = first, options = {}) {
    const room = Math.max(8, width - Math.max(stringWidth(first), stringWidth(rest)));
    const lines = wrapAnsi(text, room, { hard: true, trim: options.trim ?? true, wordWrap: true }).split('\n');
    return lines.map((line, index) => (index === 0 ? first : rest) + line);
  },
};
