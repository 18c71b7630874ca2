import { describe, expect, test } from '@jest/globals';
import { buildGuide, entriesOf } from '../../src/content/build-guide.js';
import { readGuideFromMarkdown } from '../../src/content/read-guide.js';
import { builtinContentDir } from '../../src/content/paths.js';
import { generatedTopics, writeGeneratedPack } from '../helpers/generated-pack.js';
import { runCli } from '../helpers/run-cli.js';

const builtin = (await readGuideFromMarkdown(builtinContentDir())).guide;

describe('a pack of 2,000 topics', () => {
  const pack = writeGeneratedPack(2000);

  test('loads, lists, explains and searches', async () => {
    const listed = await runCli(['--content', pack, 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout.trimEnd().split('\n')).toHaveLength(builtin.topics.length + 2000);
    const explained = await runCli(['--content', pack, 'explain', 'generated 1999']);
    expect(explained.stdout.split('\n')[0]).toBe('# Generated topic 1999');
    const found = await runCli(['--content', pack, 'search', 'second', 'point', '1234']);
    expect(found.stdout.split('\n')[0]).toMatch(/^gen-01234\t/);
  });

  test('the loader does linear work: four times the topics, four times the steps', () => {
    const work = (count: number) => {
      const meter = { steps: 0 };
      const { problems } = buildGuide(generatedTopics(count), builtin.schema, entriesOf(builtin), meter);
      expect(problems).toEqual([]);
      return meter.steps;
    };
    const small = work(500);
    const large = work(2000);
    const base = work(0);
    expect((large - base) / (small - base)).toBeCloseTo(4, 1);
  });
});
