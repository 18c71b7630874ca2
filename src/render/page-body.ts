import type { KeyFact } from '../model/attributes.js';
import type { Topic } from '../model/topic.js';
import { renderBlocks } from './blocks.js';
import { renderFacts } from './facts.js';
import type { Theme } from './theme.js';
import { counted, keepTogether, wrapText } from './text.js';

/** What a page shows besides the topic itself; each part is left out when not given. */
export interface PageOptions {
  /** The topic's attributes, shown near the top. */
  facts?: KeyFact[];
  /** Adds each fact's one-line justification (`--why`). */
  why?: boolean;
  /** The topics after and before this one in the guide's reading order (`virt list`). */
  next?: Topic;
  previous?: Topic;
}

export interface PageParts extends PageOptions {
  topic: Topic;
  /** Related topics that exist, in the order the page lists them. */
  related: Topic[];
  /** The topic's place in the guide, from the top chapter down to its parent. */
  trail: Topic[];
  theme: Theme;
  width: number;
  heading: (text: string, level: number) => string[];
}

/**
 * Everything under a page's header: key facts, intro, sections, the line that offers the topic's questions,
 * related topics, sources, and last the way on through the guide (Next, Previous), as lines.
 */
export function renderPageBody(parts: PageParts): string[] {
  const { topic, related, theme, width, heading, facts = [], why } = parts;
  const lines: string[] = [];
  const gap = () => {
    if (lines.length > 0 && lines.at(-1) !== '') lines.push('');
  };
  if (facts.length) lines.push(...heading('Key facts', 2), '', ...renderFacts(facts, theme, width, why), '');
  if (topic.intro.length) lines.push(...renderBlocks(topic.intro, theme, width));
  for (const section of topic.sections) {
    gap();
    lines.push(...heading(section.heading, section.level));
    if (section.blocks.length) {
      lines.push('');
      lines.push(...renderBlocks(section.blocks, theme, width));
    }
  }
  // The questions are not prose: one line says how many there are and how to be asked them.
  if (topic.questions.length) {
    gap();
    const command = keepTogether(theme.code(`virt quiz ${topic.id}`));
    lines.push(...wrapText(`${theme.accent(`${counted(topic.questions.length, 'question')}:`)} ${command}`, width));
  }
  if (related.length) {
    gap();
    lines.push(...heading('Related', 2), '');
    for (const other of related) {
      lines.push(
        ...wrapText(
          `${theme.strong(other.title)} ${keepTogether(theme.muted(`(virt explain ${other.id})`))}`,
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
      lines.push(...wrapText(theme.hyperlink(source.title, source.url), width, marker, ' '.repeat(marker.length)));
      lines.push(...wrapText(theme.link(source.url), width, ' '.repeat(marker.length)));
    });
  }
  const guide = [
    ['Next in the guide', parts.next],
    ['Previous', parts.previous],
  ] as const;
  if (parts.next || parts.previous) gap();
  for (const [label, other] of guide) {
    if (!other) continue;
    const command = keepTogether(theme.muted(`(virt explain ${other.id})`));
    lines.push(...wrapText(`${theme.accent(`${label}:`)} ${theme.strong(other.title)} ${command}`, width, '', '  '));
  }
  return lines;
}
