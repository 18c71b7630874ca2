import cliBoxes from 'cli-boxes';
import type { Topic } from '../model/topic.js';
import { renderPageBody, type PageOptions } from './page-body.js';
import type { Theme } from './theme.js';
import { padEnd, wrapText } from './text.js';

/** A topic page for a terminal: a boxed header with title and summary, styled headings, wrapped text. */
export function renderRichPage(
  topic: Topic,
  related: Topic[],
  trail: Topic[],
  theme: Theme,
  width: number,
  options: PageOptions = {},
): string {
  // Inside the box: a border and a space of padding on each side.
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
  const header = drawBox(headerLines, inner, theme);
  const heading = (text: string, level: number) =>
    wrapText(level <= 2 ? theme.heading(text.toUpperCase()) : theme.subheading(text), width, level <= 2 ? '' : '  ');
  const body = renderPageBody({ ...options, topic, related, trail, theme, width, heading });
  return `${header}\n\n${body.join('\n').trimEnd()}\n`;
}

/**
 * Lines in a box of cli-boxes' characters, each padded to `inner` columns by the text module, so the box
 * and the text in it are measured alike (boxen measures with string-width 7, which disagrees on ™ or ☺).
 */
function drawBox(lines: string[], inner: number, theme: Theme): string {
  const chars = cliBoxes[theme.ascii ? 'classic' : 'round'];
  const rule = (left: string, fill: string, right: string) => theme.accent(left + fill.repeat(inner + 2) + right);
  return [
    rule(chars.topLeft, chars.top, chars.topRight),
    ...lines.map((line) => `${theme.accent(chars.left)} ${padEnd(line, inner)} ${theme.accent(chars.right)}`),
    rule(chars.bottomLeft, chars.bottom, chars.bottomRight),
  ].join('\n');
}
