/**
 * Diagrams are drawn once, in Unicode box drawing, and their ASCII form is derived glyph by glyph (as
 * systemd's glyph-util does), so the two always have the same lines and columns. These are the glyphs a
 * diagram may use besides printable ASCII; `virt lint` refuses any other.
 */
const ASCII_FOR: Record<string, string> = {
  '─': '-',
  '│': '|',
  '┌': '+',
  '┐': '+',
  '└': '+',
  '┘': '+',
  '├': '+',
  '┤': '+',
  '┬': '+',
  '┴': '+',
  '┼': '+',
  '═': '=',
  '║': '|',
  '╔': '+',
  '╗': '+',
  '╚': '+',
  '╝': '+',
  '╠': '+',
  '╣': '+',
  '╦': '+',
  '╩': '+',
  '╬': '+',
  '╌': '.',
  '┆': ':',
  '▶': '>',
  '◀': '<',
  '▲': '^',
  '▼': 'v',
  '·': '.',
};

/** A diagram's widest line may take this many columns, so that it fits an 80-column page with its indent. */
export const MAX_DIAGRAM_WIDTH = 76;

/** The ASCII form of a diagram drawn with the glyphs above. */
export const asciiDiagram = (text: string): string =>
  text.replace(/[^\x20-\x7e\n]/g, (glyph) => ASCII_FOR[glyph] ?? '?');

/** Each glyph and column of a diagram is one character; the width is its longest line. */
export const diagramWidth = (text: string): number => Math.max(0, ...text.split('\n').map((line) => [...line].length));

/** The characters a diagram may not use (tabs, controls, anything outside the glyph table), each once. */
export function diagramProblems(text: string): string[] {
  return [...new Set([...text].filter((c) => c !== '\n' && !/[\x20-\x7e]/.test(c) && !(c in ASCII_FOR)))];
}
