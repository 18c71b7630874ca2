import type { Block, Span, Topic } from './topic.js';

const spanText = (spans: Span[]) => spans.map((span) => span.text).join('');

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'quote':
      return spanText(block.spans);
    case 'list':
      return block.items.map((item) => spanText(item.spans)).join('\n');
    case 'diagram':
      return block.caption;
    case 'code':
      return block.text;
  }
}

/** A topic's running text as plain paragraphs (one per line), for search and snippets. */
export function topicBodyText(topic: Topic): string {
  return [
    ...topic.intro.map(blockText),
    ...topic.sections.flatMap((section) => [section.heading, ...section.blocks.map(blockText)]),
  ].join('\n');
}
