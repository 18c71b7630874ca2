import type { Topic } from '../model/topic.js';
import { renderBlocks } from './blocks.js';
import type { Theme } from './theme.js';
import { wrapText } from './text.js';

export interface PageParts {
  topic: Topic;
  /** Related topics that exist, in the order the page lists them. */
  related: Topic[];
  /** The topic's place in the guide, from the top chapter down to its parent. */
  trail: Topic[];
  theme: Theme;
  width: number;
  heading: (text: string, level: number) => string[];
}

/** Everything under a page's header: intro, sections, related topics and sources, as lines. */
export function renderPageBody({ topic, related, theme, width, heading }: PageParts): string[] {
  const lines: string[] = [];
  const gap = () => {
    if (lines.length > 0 && lines.at(-1) !== '') lines.push('');
  };
  if (topic.intro.length) lines.push(...renderBlocks(topic.intro, theme, width));
  for (const section of topic.sections) {
    gap();
    lines.push(...heading(section.heading, section.level));
    if (section.blocks.length) {
      lines.push('');
      lines.push(...renderBlocks(section.blocks, theme, width));
    }
  }
  if (related.length) {
    gap();
    lines.push(...heading('Related', 2), '');
    for (const other of related) {
      lines.push(
        ...wrapText(
          `${theme.strong(other.title)} ${theme.muted(`(virt explain ${other.id})`)}`,
          width,
          theme.accent(theme.ascii ? '- ' : '• '),
          '  ',
        ),
      );
    }
  }
  if (topic.sources.length) {
    gap();
    lines.push(...heading('Sources', 2), '');
    topic.sources.forEach((source, index) => {
      const marker = `${index + 1}. `;
      lines.push(...wrapText(source.title, width, marker, ' '.repeat(marker.length)));
      lines.push(...wrapText(theme.link(source.url), width, ' '.repeat(marker.length)));
    });
  }
  return lines;
}
