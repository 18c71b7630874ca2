import type { Topic } from '../model/topic.js';
import { renderPageBody, type PageOptions } from './page-body.js';
import { plainTheme } from './theme.js';
import { wrapText } from './text.js';

/**
 * A topic page for pipes and `--plain`: Markdown-like text (`# Title`, `## Section`, `- item`, code
 * indented four spaces), wrapped to `width`, with no escape codes and no box drawing.
 */
export function renderPlainPage(
  topic: Topic,
  related: Topic[],
  trail: Topic[],
  width: number,
  options: PageOptions = {},
): string {
  const theme = plainTheme(true);
  const heading = (text: string, level: number) =>
    wrapText(text, width, `${'#'.repeat(level)} `, ' '.repeat(level + 1));
  const lines = [
    ...heading(topic.title, 1),
    '',
    ...wrapText(topic.summary, width),
    ...(trail.length ? ['', ...wrapText(`In: ${[...trail.map((t) => t.title)].join(' > ')}`, width)] : []),
    ...(topic.origin.pack !== undefined ? ['', ...wrapText(`From the pack: ${topic.origin.pack}`, width)] : []),
    '',
    ...renderPageBody({ ...options, topic, related, trail, theme, width, heading }),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
