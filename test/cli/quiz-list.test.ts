import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readGuideFromMarkdown } from '../../src/content/read-guide.js';
import { builtinContentDir } from '../../src/content/paths.js';
import { makePack, makeTemporaryFolder, packTopic } from '../helpers/pack.js';
import { ANSI, runCli } from '../helpers/run-cli.js';

const QUESTIONS = [
  '## Check yourself',
  '',
  '### pick-one',
  'Which lab runs **first**?',
  '',
  '- [x] The `boot` lab',
  '- [ ] The network lab',
  '',
  'Why: attribute:isolation',
  '',
  '### name-it',
  'What does the lab boot?',
  '',
  'Answer: A guest kernel.',
  '',
  '### fill-in',
  'The lab boots a {{guest}} kernel.',
  '',
  'Why: It says so.',
  '',
].join('\n');

/** A pack of two topics with questions (in reading order: alpha-lab, then its child beta-lab) and one without. */
function quizPack(): string {
  return makePack(
    {
      '1-alpha.md': packTopic('alpha-lab', {
        extra: ['attributes:', '  isolation:', '    value: Strong', '    why: Each lab has its own VM.'],
        body: `The lab.\n\n## Steps\n\nBoot it.\n\n${QUESTIONS}`,
      }),
      '2-gamma.md': packTopic('gamma-lab'),
      '3-beta.md': packTopic('beta-lab', {
        parent: 'alpha-lab',
        body: 'Beta.\n\n## Check yourself\n\n### only-one\nWhat is beta?\n\nAnswer: The second lab.\n',
      }),
    },
    'course',
  );
}

const EXPECTED = [
  {
    id: 'alpha-lab/pick-one',
    topic: 'alpha-lab',
    kind: 'choice',
    prompt: 'Which lab runs first?',
    choices: [
      { text: 'The boot lab', right: true },
      { text: 'The network lab', right: false },
    ],
    answer: 'The boot lab',
    why: 'Each lab has its own VM.',
  },
  {
    id: 'alpha-lab/name-it',
    topic: 'alpha-lab',
    kind: 'recall',
    prompt: 'What does the lab boot?',
    answer: 'A guest kernel.',
  },
  {
    id: 'alpha-lab/fill-in',
    topic: 'alpha-lab',
    kind: 'cloze',
    prompt: 'The lab boots a _____ kernel.',
    answer: 'guest',
    why: 'It says so.',
  },
  { id: 'beta-lab/only-one', topic: 'beta-lab', kind: 'recall', prompt: 'What is beta?', answer: 'The second lab.' },
];

describe('virt quiz --list', () => {
  const pack = quizPack();
  const env = { VIRT_CACHE_DIR: join(makeTemporaryFolder(), 'cache') };
  const run = (args: string[], options = {}) => runCli(['--content', pack, ...args], { env, ...options });

  test('--json: every question of the guide in use, in guide order, with the documented fields only', async () => {
    const result = await run(['quiz', '--list', '--json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const document = JSON.parse(result.stdout) as { schemaVersion: number; questions: { id: string }[] };
    expect(document.schemaVersion).toBe(1);
    const builtin = (await readGuideFromMarkdown(builtinContentDir())).guide.topics.flatMap((t) => t.questions);
    expect(document.questions.slice(builtin.length)).toEqual(EXPECTED);
  });

  test('topics and groups pick questions, still in guide order, each topic once', async () => {
    const ids = async (...names: string[]) =>
      (
        JSON.parse((await run(['quiz', '--list', '--json', ...names])).stdout) as { questions: { id: string }[] }
      ).questions.map((q) => q.id);
    expect(await ids('beta-lab', 'alpha-lab', 'beta-lab')).toEqual(EXPECTED.map((q) => q.id));
    expect(await ids('beta-lab')).toEqual(['beta-lab/only-one']);
    expect(await ids('@sections', 'gamma-lab')).toEqual(expect.arrayContaining(EXPECTED.map((q) => q.id)));
    expect(await ids('gamma-lab')).toEqual([]);
  });

  test('plain text: one record per question, no escape codes, answers and whys on their own lines', async () => {
    for (const options of [{}, { tty: true, columns: 100 }]) {
      const result = await run(['quiz', '--list', 'alpha-lab', ...('tty' in options ? ['--plain'] : [])], options);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(ANSI);
      expect(result.stdout).toBe(
        [
          'alpha-lab/pick-one (choice)',
          'Which lab runs first?',
          '  [x] The boot lab',
          '  [ ] The network lab',
          'Answer: The boot lab',
          'Why: Each lab has its own VM.',
          '',
          'alpha-lab/name-it (recall)',
          'What does the lab boot?',
          'Answer: A guest kernel.',
          '',
          'alpha-lab/fill-in (cloze)',
          'The lab boots a _____ kernel.',
          'Answer: guest',
          'Why: It says so.',
          '',
        ].join('\n'),
      );
    }
  });

  test('on a terminal the records are wrapped to the width, with a hanging indent', async () => {
    const result = await run(['quiz', '--list', 'alpha-lab', '--width', '30'], { tty: true, columns: 30 });
    expect(result.code).toBe(0);
    const lines = result.stdout.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
    expect(lines.every((line) => line.length <= 30)).toBe(true);
    expect(lines).toContain('Why: Each lab has its own VM.');
  });

  test('a topic without questions prints nothing and says so on stderr', async () => {
    const result = await run(['quiz', '--list', 'gamma-lab']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'virt: "gamma-lab" has no questions yet\n' });
  });

  test('an unknown topic exits 1 with a hint, as explain does, an unknown group 2, as compare does; nothing on stdout', async () => {
    for (const [name, code] of [
      ['alpah-lab', 1],
      ['@labs', 2],
    ] as const) {
      const result = await run(['quiz', '--list', '--json', name]);
      expect(result.code).toBe(code);
      expect(result.stdout).toBe('');
    }
    expect((await run(['quiz', '--list', '@labs'])).stderr).toMatch(/^virt: no group "@labs"; a group is a kind/);
    expect((await run(['quiz', '--list', 'alpah-lab'])).stderr).toMatch(
      /no topic named "alpah-lab"\ndid you mean alpha-lab/,
    );
  });

  test('--count and --due are for asking: with --list, or a count that is not a number, they are usage errors', async () => {
    for (const args of [
      ['--list', '--count', '3'],
      ['--list', '--due'],
      ['--count', 'many'],
    ]) {
      const result = await run(['quiz', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')).toHaveLength(2);
    }
  });

  test('without --list and without a terminal, virt quiz exits 2 with a hint to use --list', async () => {
    const result = await run(['quiz', 'alpha-lab']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'virt: virt quiz asks on a terminal; to print the questions, use `virt quiz --list` (add --json for scripts)\n',
    });
    // A mistyped name is the first thing to fix, and is said first, as on a terminal.
    expect(await run(['quiz', 'alpah-lab'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/no topic named "alpah-lab"/),
    });
  });

  test('the built CLI gives the same list (from the pack cache the second time)', () => {
    const virt = () =>
      spawnSync(
        process.execPath,
        ['bin/virt.js', '--content', pack, 'quiz', '--list', '--json', 'alpha-lab', 'beta-lab'],
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', ...env },
        },
      );
    for (const result of [virt(), virt()]) {
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual({ schemaVersion: 1, questions: EXPECTED });
    }
  });
});

describe('the page of a topic with questions', () => {
  const pack = quizPack();
  const run = (args: string[], options = {}) => runCli(['--content', pack, ...args], options);

  test('shows one line instead of the section, in plain, rich and brief pages', async () => {
    const plain = await run(['explain', 'alpha-lab']);
    expect(plain.stdout).toContain('\n3 questions: virt quiz alpha-lab\n');
    expect(plain.stdout).not.toMatch(/Check yourself|pick-one|A guest kernel/);
    const rich = await run(['explain', 'alpha-lab'], { tty: true, columns: 100 });
    expect(rich.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toContain('3 questions: virt quiz alpha-lab');
    expect(rich.stdout).not.toMatch(/CHECK YOURSELF|pick-one/);
    const brief = await run(['explain', 'alpha-lab', '--brief']);
    expect(brief.stdout).toContain('3 questions: virt quiz alpha-lab');
    expect((await run(['explain', 'beta-lab'])).stdout).toContain('1 question: virt quiz beta-lab');
    expect((await run(['explain', 'gamma-lab'])).stdout).not.toMatch(/questions?:/);
  });

  test('--json carries questionCount and no Check yourself section', async () => {
    const json = JSON.parse((await run(['explain', 'alpha-lab', '--json'])).stdout) as {
      questionCount: number;
      sections: { heading: string }[];
    };
    expect(json.questionCount).toBe(3);
    expect(json.sections.map((s) => s.heading)).toEqual(['Steps']);
    expect(JSON.parse((await run(['explain', 'gamma-lab', '--json'])).stdout)).toMatchObject({ questionCount: 0 });
  });
});

describe('the built-in guide', () => {
  test('the compiled guide lists the questions its Markdown holds, and each page counts them', async () => {
    const { guide } = await readGuideFromMarkdown(builtinContentDir());
    const listed = spawnSync(process.execPath, ['bin/virt.js', 'quiz', '--list', '--json'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(listed.status).toBe(0);
    const ids = (JSON.parse(listed.stdout) as { questions: { id: string }[] }).questions.map((q) => q.id);
    expect(new Set(ids)).toEqual(new Set(guide.topics.flatMap((topic) => topic.questions.map((q) => q.id))));
    for (const topic of guide.topics.filter((t) => t.questions.length > 0)) {
      const page = await runCli(['explain', topic.id, '--json']);
      expect([topic.id, JSON.parse(page.stdout).questionCount]).toEqual([topic.id, topic.questions.length]);
    }
  });
});
