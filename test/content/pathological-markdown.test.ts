import { describe, expect, test } from '@jest/globals';
import { MAX_DELIMITER_RUNS, MAX_NESTING, MAX_TOPIC_BYTES } from '../../src/content/markdown-limits.js';
import { parseTopic } from '../../src/content/parse-topic.js';
import { PATHOLOGICAL_MARKDOWN, underTheLimits } from '../../src/tools/pathological-markdown.js';
import { makePack, packTopic } from '../helpers/pack.js';
import { runCli } from '../helpers/run-cli.js';
import { topicFile } from '../helpers/topic-file.js';

/**
 * Each case must finish; a slow parser would take minutes on some of them (marked took 42 s on 64 KB of
 * one). The timeout is generous on purpose: this checks that nothing hangs, not how fast it is.
 */
const GENEROUS = 60_000;
/** As much Markdown as a topic file may hold, with room for its metadata. */
const FULL = MAX_TOPIC_BYTES - 1024;
const LIMIT_MESSAGE = new RegExp(
  `at most ${MAX_DELIMITER_RUNS} are allowed in one paragraph|more than ${MAX_NESTING} levels deep|over 128 KB`,
);

const parse = (body: string) => parseTopic(topicFile('worst-case', [], body), { file: 'guide/worst-case.md' });
const fits = (body: string) => !parse(body).problems.some((p) => p.severity === 'error');
const cases = Object.entries(PATHOLOGICAL_MARKDOWN);

describe('pathological Markdown as large as a topic file may be', () => {
  test.each(cases)(
    '%s finishes: read, or refused naming the limit',
    (_name, make) => {
      const { topic, problems } = parse(make(FULL));
      const errors = problems.filter((p) => p.severity === 'error');
      // Every case goes over a limit at this size, except those that are merely long, which are read.
      if (topic) expect(errors).toEqual([]);
      else
        expect(errors).toEqual([
          { line: expect.any(Number), severity: 'error', message: expect.stringMatching(LIMIT_MESSAGE) },
        ]);
    },
    GENEROUS,
  );

  test.each(cases)(
    '%s, in paragraphs just within the limits, is read',
    (_name, make) => {
      const body = underTheLimits(make, FULL, fits);
      expect(body.length).toBeGreaterThan(FULL / 2);
      const { topic, problems } = parse(body);
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(topic!.intro.length).toBeGreaterThan(0);
    },
    GENEROUS,
  );
});

describe('a pack file over a limit gives exit 2 and one line naming the file and the limit', () => {
  test.each([
    [
      'stars.md',
      '*a'.repeat(20_000),
      /stars\.md:11: this paragraph has 20000 runs of .*; at most 1000 are allowed in one paragraph/,
    ],
    [
      'quotes.md',
      `${'> '.repeat(40)}deep\n`,
      /quotes\.md:11: block quotes and lists nest more than 16 levels deep here/,
    ],
    [
      'big.md',
      `${'A sentence of prose.\n\n'.repeat(9000)}`,
      /big\.md: file is \d+ KB; a topic file may be at most 128 KB, split it into topics/,
    ],
  ])('%s', async (file, body, message) => {
    const dir = makePack({ [file]: packTopic('over-limit', { body }) });
    const result = await runCli(['--content', dir, 'list']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});
