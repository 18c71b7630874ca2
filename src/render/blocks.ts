import type { Block } from '../model/topic.js';
import { renderDiagram } from './diagram.js';
import { renderSpans } from './spans.js';
import type { Theme } from './theme.js';
import { displayWidth, wrapText } from './text.js';

type BlockRenderers = {
  [K in Block['kind']]: (block: Extract<Block, { kind: K }>, theme: Theme, width: number) => string[];
};

/** One renderer per block kind: adding a kind to the model without one here fails to compile. */
const renderers: BlockRenderers = {
  paragraph: (block, theme, width) => wrapText(renderSpans(block.spans, theme), width),
  list: (block, theme, width) =>
    block.items.flatMap((item, index) => {
      const indent = '  '.repeat(item.depth);
      const marker = block.ordered && item.depth === 0 ? `${index + 1}. ` : theme.ascii ? '- ' : '• ';
      return wrapText(
        renderSpans(item.spans, theme),
        width,
        `${indent}${theme.accent(marker)}`,
        `${indent}${' '.repeat(displayWidth(marker))}`,
      );
    }),
  // Code is never wrapped, however narrow the width: a wrapped comment becomes a shell line, a wrapped
  // command another command. A line wider than the screen runs on (the pager scrolls sideways).
  code: (block, theme) => block.text.split('\n').map((line) => (line.trim() === '' ? '' : `    ${theme.code(line)}`)),
  diagram: (block, theme, width) => renderDiagram(block, theme, width),
  quote: (block, theme, width) =>
    wrapText(theme.emphasis(renderSpans(block.spans, theme)), width, theme.muted(theme.ascii ? '  | ' : '  │ ')),
};

function renderBlock(block: Block, theme: Theme, width: number): string[] {
  return (renderers[block.kind] as (b: Block, t: Theme, w: number) => string[])(block, theme, width);
}

/** Blocks separated by blank lines. */
export function renderBlocks(blocks: Block[], theme: Theme, width: number): string[] {
  return blocks.flatMap((block, index) => [...(index > 0 ? [''] : []), ...renderBlock(block, theme, width)]);
}
