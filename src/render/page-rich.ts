import boxen from 'boxen';
import type { Topic } from '../model/topic.js';
import { renderPageBody } from './page-body.js';
import type { Theme } from './theme.js';
import { wrapText } from './text.js';

/** A topic page for a terminal: a boxed header with title and summary, styled headings, wrapped text. */
export function renderRichPage(topic: Topic, related: Topic[], trail: Topic[], theme: Theme, width: number): string {
  const inner = Math.max(10, width - 4);
  const headerLines = [
    ...wrapText(theme.title(topic.title), inner),
    ...wrapText(topic.summary, inner),
    ...(trail.length
      ? wrapText(
          theme.muted(
            `${trail.map((t) => t.title).join(theme.ascii ? ' > ' : ' › ')}${theme.ascii ? ' > ' : ' › '}${topic.title}`,
          ),
          inner,
        )
      : []),
    ...(topic.origin.pack !== undefined ? wrapText(theme.accent(`from the pack "${topic.origin.pack}"`), inner) : []),
  ];
  const header = boxen(headerLines.join('\n'), {
    padding: { left: 1, right: 1, top: 0, bottom: 0 },
    borderStyle: theme.ascii ? 'classic' : 'round',
    ...(theme.color ? { borderColor: 'cyan' } : {}),
    width,
  });
  const heading = (text: string, level: number) =>
    wrapText(level <= 2 ? theme.heading(text.toUpperCase()) : theme.subheading(text), width, level <= 2 ? '' : '  ');
  const body = renderPageBody({ topic, related, trail, theme, width, heading });
  return `${header}\n\n${body.join('\n').trimEnd()}\n`;
}
