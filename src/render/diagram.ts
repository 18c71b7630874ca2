import { asciiDiagram, diagramWidth } from '../model/diagram.js';
import type { Block } from '../model/topic.js';
import { wrapText } from './text.js';
import type { Theme } from './theme.js';

const INDENT = '  ';

/**
 * A diagram, never wrapped: wrapping would tear the drawing apart. Unicode where the theme draws boxes, else
 * its ASCII form (plain output, TERM=dumb, a locale that is not UTF-8). When the width is narrower than the
 * drawing, one line says so above it, and the drawing is printed whole all the same. The caption follows.
 */
export function renderDiagram(block: Extract<Block, { kind: 'diagram' }>, theme: Theme, width: number): string[] {
  const drawing = theme.boxDrawing ? block.text : asciiDiagram(block.text);
  const columns = diagramWidth(block.text) + INDENT.length;
  const note =
    columns > width
      ? wrapText(
          theme.muted(`(diagram is ${columns} columns wide; widen the terminal or use --width ${columns})`),
          width,
        )
      : [];
  const lines = drawing.split('\n').map((line) => (line ? `${INDENT}${theme.accent(line)}` : ''));
  return [...note, ...lines, ...wrapText(theme.emphasis(`Figure: ${block.caption}`), width, INDENT, INDENT)];
}
