import { describe, expect, test } from '@jest/globals';
import { readGuideFromMarkdown } from '../../src/content/read-guide.js';
import { builtinContentDir } from '../../src/content/paths.js';
import type { Block, Span, Topic } from '../../src/model/topic.js';
import { renderPlainPage } from '../../src/render/page-plain.js';
import { renderRichPage } from '../../src/render/page-rich.js';
import { richTheme } from '../../src/render/rich-theme.js';
import { keepTogether, wrapText } from '../../src/render/text.js';

const { guide } = await readGuideFromMarkdown(builtinContentDir());
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g, '');

function blocksOf(topic: Topic): Block[] {
  return [...topic.intro, ...topic.sections.flatMap((section) => section.blocks)];
}

function spansOf(block: Block): Span[] {
  if (block.kind === 'paragraph' || block.kind === 'quote') return block.spans;
  if (block.kind === 'list') return block.items.flatMap((item) => item.spans);
  return [];
}

/** What a learner copies from a page: code lines, inline code, addresses. Each must sit on one line, whole. */
function wholes(topic: Topic): { code: string[]; inline: string[]; commands: string[]; urls: string[] } {
  const blocks = blocksOf(topic);
  const spans = blocks.flatMap(spansOf);
  return {
    code: blocks.flatMap((block) =>
      block.kind === 'code' ? block.text.split('\n').filter((line) => line.trim() !== '') : [],
    ),
    inline: spans.flatMap((span) => (span.kind === 'code' ? [span.text] : [])),
    commands: relatedOf(topic).map((other) => `(virt explain ${other.id})`),
    urls: [
      ...spans.flatMap((span) => (span.kind === 'link' ? [span.href] : [])),
      ...topic.sources.map((source) => source.url),
    ],
  };
}

const byId = new Map(guide.topics.map((topic) => [topic.id, topic]));
const relatedOf = (topic: Topic) => topic.related.flatMap((id) => byId.get(id) ?? []);
const modes = {
  plain: (topic: Topic, width: number) => renderPlainPage(topic, relatedOf(topic), [], width),
  rich: (topic: Topic, width: number) =>
    stripAnsi(renderRichPage(topic, relatedOf(topic), [], richTheme(3, false), width)),
};

describe.each(Object.keys(modes) as (keyof typeof modes)[])('every page of the guide, %s', (mode) => {
  test.each([40, 60, 80, 120])('at %i columns prints every code line, inline code and address whole', (width) => {
    let checked = 0;
    for (const topic of guide.topics) {
      const lines = modes[mode](topic, width).split('\n');
      const { code, inline, commands, urls } = wholes(topic);
      const onOneLine = (text: string) => lines.some((line) => line.includes(text));
      const missing = [
        ...code.filter((line) => !lines.some((printed) => printed.endsWith(line))),
        ...inline.filter((text) => !onOneLine(text)),
        ...commands.filter((text) => !onOneLine(text)),
        ...urls.filter((url) => !onOneLine(url)),
      ];
      expect([topic.id, missing]).toEqual([topic.id, []]);
      checked += code.length + inline.length + commands.length + urls.length;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('wrapText keeps units whole', () => {
  test('a command in backticks is never split at its spaces, at any width', () => {
    const topic: Topic = {
      ...guide.topics[0]!,
      intro: [
        {
          kind: 'paragraph',
          spans: [
            { kind: 'text', text: 'For more, see ' },
            { kind: 'code', text: 'virt explain emulation' },
            { kind: 'text', text: ' and read on.' },
          ],
        },
      ],
      sections: [],
      sources: [],
    };
    for (let width = 20; width <= 50; width++) {
      const lines = modes.plain(topic, width).split('\n');
      expect(lines.some((line) => line.includes('`virt explain emulation`'))).toBe(true);
    }
  });

  test('an address wider than the line goes on a line of its own, whole', () => {
    const url = 'https://example.org/a/very/long/path/that/runs/on';
    expect(wrapText(`read ${url} today`, 20)).toEqual(['read', url, 'today']);
    expect(wrapText(`${url} today`, 20)).toEqual([url, 'today']);
    expect(wrapText(`read ${url}`, 20)).toEqual(['read', url]);
  });

  test('a unit among wide characters, or styled, stays whole and keeps its spaces', () => {
    const command = '`virt explain kvm`';
    for (let width = 8; width <= 30; width++) {
      const lines = wrapText(`虚拟化 ${keepTogether(command)} 入门`, width);
      expect([width, lines.filter((line) => line.includes(command))]).toEqual([width, [expect.any(String)]]);
      const styled = wrapText(`see ${keepTogether(`\u001b[32m${command}\u001b[39m`)} now`, width);
      expect(styled.some((line) => line.includes(`\u001b[32m${command}\u001b[39m`))).toBe(true);
      expect([...lines, ...styled].join('')).not.toMatch(/[\ue000-\ue002]/);
    }
  });

  test('other words wider than the line are still cut, so text without spaces fits', () => {
    expect(wrapText('全虚拟化不需要修改客户机', 8)).toEqual(['全虚拟化', '不需要修', '改客户机']);
  });
});
