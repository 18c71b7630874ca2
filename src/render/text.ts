import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** Columns a string takes on screen: wide (CJK, emoji) characters count two, escape codes none. */
export const displayWidth = (text: string): number => stringWidth(text);

/**
 * Wraps (possibly styled) text to `width` columns. `first` prefixes the first line and `rest` every
 * other line, so list items keep a hanging indent; words longer than a line are broken.
 */
export function wrapText(text: string, width: number, first = '', rest = first, options: { trim?: boolean } = {}): string[] {
  const room = Math.max(8, width - Math.max(displayWidth(first), displayWidth(rest)));
  const lines = wrapAnsi(text, room, { hard: true, trim: options.trim ?? true, wordWrap: true }).split('\n');
  return lines.map((line, index) => (index === 0 ? first : rest) + line);
}

/** Pads styled text with spaces to a display width. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
