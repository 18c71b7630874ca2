import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { asciiDiagram, diagramWidth, MAX_DIAGRAM_WIDTH } from '../../src/model/diagram.js';
import type { Block, Guide } from '../../src/model/topic.js';
import { parseTopic } from '../../src/content/parse-topic.js';
import { BOX_DRAWING, runCli } from '../helpers/run-cli.js';
import { topicFile } from '../helpers/topic-file.js';

const diagram = (info: string, drawing: string) =>
  topicFile('drawn', [], `Intro.\n\n\`\`\`${info}\n${drawing}\n\`\`\`\n`);

/** Every diagram of the built guide, with the id of its page. */
function builtDiagrams(): { id: string; block: Extract<Block, { kind: 'diagram' }> }[] {
  const guide = JSON.parse(readFileSync('dist/guide.json', 'utf8')) as Guide;
  return guide.topics.flatMap((topic) => {
    const page = JSON.parse(readFileSync(`dist/topics/${topic.id}.json`, 'utf8')) as Pick<
      Guide['topics'][0],
      'intro' | 'sections'
    >;
    const blocks = [...page.intro, ...page.sections.flatMap((section) => section.blocks)];
    return blocks.flatMap((block) => (block.kind === 'diagram' ? [{ id: topic.id, block }] : []));
  });
}

describe('diagrams in the guide', () => {
  test('a ```diagram block becomes a diagram with its caption; broken ones are errors at their line', () => {
    const parsed = parseTopic(diagram('diagram Two boxes', '┌──┐ ┌──┐\n└──┘ └──┘'), { file: 'a.md' });
    expect(parsed.topic?.intro[1]).toEqual({ kind: 'diagram', caption: 'Two boxes', text: '┌──┐ ┌──┐\n└──┘ └──┘' });
    const problems = (info: string, drawing: string) =>
      parseTopic(diagram(info, drawing), { file: 'a.md' }).problems.map((p) => `${p.line}: ${p.message}`);
    expect(problems('diagram', '+--+')).toEqual([expect.stringMatching(/^13: a diagram needs a caption/)]);
    expect(problems('diagram Tabs', '+\t+')).toEqual([expect.stringMatching(/^13: .*not U\+0009/)]);
    expect(problems('diagram Emoji', '😀')).toEqual([expect.stringMatching(/^13: .*not U\+1F600/)]);
    expect(problems('diagram Wide', '-'.repeat(MAX_DIAGRAM_WIDTH + 1))).toEqual([
      `13: a diagram may be 76 columns wide at most; this one is 77`,
    ]);
  });

  test('the ASCII form has the same lines and columns, and no box drawing', () => {
    const drawn = '╔══╗ ┌─▶─┐\n║  ║ │ · ┆\n╚══╝ └─◀─┘';
    expect(asciiDiagram(drawn)).toBe('+==+ +->-+\n|  | | . :\n+==+ +-<-+');
    expect(
      asciiDiagram(drawn)
        .split('\n')
        .map((line) => line.length),
    ).toEqual(drawn.split('\n').map((l) => [...l].length));
  });

  test('the guide has at least 14, each at most 76 columns wide and captioned', () => {
    const all = builtDiagrams();
    expect(all.length).toBeGreaterThanOrEqual(14);
    for (const { block } of all) {
      expect(diagramWidth(block.text)).toBeLessThanOrEqual(MAX_DIAGRAM_WIDTH);
      expect(block.caption.length).toBeGreaterThan(10);
    }
  });

  test('are drawn whole at every width: Unicode on a terminal, ASCII when plain, both forms in JSON', async () => {
    const pages = [...new Set(builtDiagrams().map(({ id }) => id))];
    for (const id of pages) {
      const drawings = builtDiagrams().filter((entry) => entry.id === id);
      for (const width of ['40', '80']) {
        const rich = await runCli(['explain', id, '--color', 'never', '--width', width], {
          tty: true,
          env: { LANG: 'en_US.UTF-8', TERM: 'xterm' },
        });
        const plain = await runCli(['explain', id, '--plain', '--width', width]);
        expect(plain.stdout).not.toMatch(BOX_DRAWING);
        for (const { block } of drawings) {
          for (const line of block.text.split('\n')) if (line.trim()) expect(rich.stdout).toContain(line);
          for (const line of asciiDiagram(block.text).split('\n'))
            if (line.trim()) expect(plain.stdout).toContain(line);
          if (width === '40')
            expect(plain.stdout).toContain(`(diagram is ${diagramWidth(block.text) + 2} columns wide`);
        }
      }
      const json = JSON.parse((await runCli(['explain', id, '--json'])).stdout);
      const blocks = [...json.intro, ...json.sections.flatMap((s: { blocks: unknown[] }) => s.blocks)];
      expect(blocks.filter((b) => b.kind === 'diagram')).toEqual(
        drawings.map(({ block }) => ({
          kind: 'diagram',
          caption: block.caption,
          text: block.text,
          ascii: asciiDiagram(block.text),
        })),
      );
    }
  });
});
