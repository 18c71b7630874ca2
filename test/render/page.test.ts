import { describe, expect, test } from '@jest/globals';
import { buildGuide } from '../../src/content/build-guide.js';
import { renderPlainPage } from '../../src/render/page-plain.js';
import { renderRichPage } from '../../src/render/page-rich.js';
import { richTheme } from '../../src/render/rich-theme.js';
import stringWidth from 'string-width';

const displayWidth = (text: string) => stringWidth(text);
import { fixtureGuide, fixtureSchema } from '../helpers/fixture-guide.js';
import { topicFile } from '../helpers/topic-file.js';
import { ANSI, BOX_DRAWING } from '../helpers/run-cli.js';

const guide = fixtureGuide();
const para = guide.topics.find((t) => t.id === 'paravirtualization')!;
const full = guide.topics.find((t) => t.id === 'full-virtualization')!;
const chapter = guide.topics[0]!;
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
const widest = (text: string) => Math.max(...stripAnsi(text).split('\n').map(displayWidth));

const cjk = buildGuide(
  [
    {
      file: 'cjk.md',
      text: topicFile(
        'cjk',
        [],
        '虚拟化是一种在一台物理计算机上同时运行多个相互隔离的操作系统的技术，虚拟机监控程序负责分配硬件资源。\n\n- 全虚拟化：客户机操作系统无需修改就可以运行在虚拟机之中\n',
      )
        .replace(/title: .*/, 'title: 虚拟化入门')
        .replace(/summary: .*/, 'summary: 虚拟化的基本概念与术语，适合初学者阅读'),
    },
  ],
  fixtureSchema,
).guide.topics[0]!;

describe('the plain page', () => {
  const page = renderPlainPage(para, [full], [chapter], 60);

  test('is Markdown-like text with title, summary, trail, sections, related and sources', () => {
    const lines = page.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '# Paravirtualization',
      '',
      'A short summary of paravirtualization',
      '',
      'In: What is virtualization',
    ]);
    expect(page).toContain('\n## How it works\n\nIt works.\n');
    expect(page).toContain('## Related\n\n- Full virtualization (virt explain full-virtualization)\n');
    expect(page).toContain('## Sources\n\n1. A source\n   https://example.org/source\n');
  });

  test('has no escape codes or box drawing', () => {
    expect(page).not.toMatch(ANSI);
    expect(page).not.toMatch(BOX_DRAWING);
  });

  test.each([40, 50, 80])('fits %i columns, CJK counted as two', (width) => {
    expect(widest(renderPlainPage(cjk, [], [], width))).toBeLessThanOrEqual(width);
    expect(renderPlainPage(cjk, [], [], width).replace(/\s/g, '')).toContain(
      '虚拟化是一种在一台物理计算机上同时运行多个相互隔离的操作系统的技术',
    );
  });
});

describe('the rich page', () => {
  test('has a rounded box header holding title and summary, and colour when asked', () => {
    const page = renderRichPage(para, [full], [chapter], richTheme(2, false), 60);
    const lines = stripAnsi(page).split('\n');
    expect(lines[0]).toMatch(/^╭─+╮$/);
    expect(lines[1]).toMatch(/^│ Paravirtualization +│$/);
    expect(page).toMatch(ANSI);
    expect(stripAnsi(page)).toContain('HOW IT WORKS');
    expect(widest(page)).toBe(60);
  });

  test('without colour it has no escape codes; ASCII mode draws no Unicode boxes', () => {
    const page = renderRichPage(para, [full], [chapter], richTheme(0, true), 50);
    expect(page).not.toMatch(ANSI);
    expect(page).not.toMatch(BOX_DRAWING);
    expect(page.split('\n')[0]).toMatch(/^\+-+\+$/);
  });

  test.each([30, 50, 72])('fits %i columns with CJK text', (width) => {
    const page = renderRichPage(cjk, [], [], richTheme(2, false), width);
    expect(widest(page)).toBeLessThanOrEqual(width);
    expect(
      stripAnsi(page)
        .split('\n')
        .filter((l) => l.startsWith('│'))
        .every((l) => displayWidth(l) === width),
    ).toBe(true);
  });
});
