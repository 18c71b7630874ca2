import { describe, expect, test } from '@jest/globals';
import { readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { restoreCachedParses, toCachedParse } from '../../src/content/cached-parse.js';
import { parseTopic } from '../../src/content/parse-topic.js';
import { packParseCache } from '../../src/store/pack-cache.js';
import { makePack, makeTemporaryFolder, packTopic } from '../helpers/pack.js';
import { runCli, withoutOwnEscapes } from '../helpers/run-cli.js';

/** The version runCli gives virt, which the pack cache's key names. */
const VERSION = '0.0.0-test';

const BODY = [
  'The lab.',
  '',
  '## Check yourself',
  '',
  '### pick-one',
  'Which lab runs first?',
  '',
  '- [x] The boot lab',
  '- [ ] The network lab',
  '',
  'Why: attribute:isolation',
  '',
  '### name-it',
  'What does the lab boot?',
  '',
  'Answer: A guest kernel.',
  '',
].join('\n');

/** A pack with questions, listed once so its cache exists: the true list, and how to run virt on it. */
async function cachedPack(name: string) {
  const pack = makePack(
    {
      'a.md': packTopic('omega-lab', {
        extra: ['attributes:', '  isolation:', '    value: Strong', '    why: Each lab has its own VM.'],
        body: BODY,
      }),
    },
    name,
  );
  const env = { VIRT_CACHE_DIR: join(makeTemporaryFolder(), 'virt') };
  const list = () => runCli(['--content', pack, 'quiz', '--list', '--json', 'omega-lab'], { env });
  const truth = await list();
  expect(truth).toMatchObject({ code: 0, stderr: '' });
  expect(readdirSync(env.VIRT_CACHE_DIR).some((file) => file.startsWith('pack-'))).toBe(true);
  return { pack, env, truth, list };
}

/** The cached parse, changed by `edit`, written back with a valid checksum: what a stranger could write. */
function rewriteCache(folder: string, pack: string, edit: (topic: Record<string, any>) => void) {
  const cache = packParseCache(folder, VERSION);
  const kept = cache.read(realpathSync(pack))!;
  const value = kept.value as { parses: Record<string, any>[] };
  edit(value.parses[0]!.parsed.topic);
  cache.write(
    realpathSync(pack),
    value as never,
    value.parses.map((_, at) => kept.page(at)!),
  );
}

describe('questions in the pack cache', () => {
  test('are kept with the topic and read back as they were parsed', async () => {
    const { pack, env, truth, list } = await cachedPack('round-trip');
    const cached = packParseCache(env.VIRT_CACHE_DIR, VERSION).read(realpathSync(pack))!.value as {
      parses: Record<string, any>[];
    };
    expect(cached.parses[0]!.parsed.topic.questions.map((q: { id: string }) => q.id)).toEqual([
      'omega-lab/pick-one',
      'omega-lab/name-it',
    ]);
    expect(await list()).toEqual(truth);
    // A change that is as virt writes it is read from the cache: proof that the second run used it.
    rewriteCache(env.VIRT_CACHE_DIR, pack, (topic) => (topic.questions[1].answer = 'Served from the cache.'));
    expect((await list()).stdout).toContain('Served from the cache.');
  });

  test('escape sequences written into cached questions never reach the output', async () => {
    const { pack, env, list } = await cachedPack('escapes');
    const evil = 'Owned\u001b]52;c;ZXZpbA==\u0007\u001b]0;title\u0007\u009b2J \u202eflipped';
    rewriteCache(env.VIRT_CACHE_DIR, pack, (topic) => {
      topic.questions[0].prompt = evil;
      topic.questions[0].choices[0].text = evil;
      topic.questions[0].why = evil;
      topic.questions[1].answer = evil;
    });
    for (const args of [[], ['--json']]) {
      const result = await runCli(['--content', pack, 'quiz', '--list', 'omega-lab', ...args], { env, tty: true });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Owned');
      expect(withoutOwnEscapes(result.stdout)).not.toMatch(/\u001b\]|\u009b|\u0007|\u202e/);
    }
    expect((await list()).stdout).toContain('"prompt": "Owned flipped"');
  });

  test('cached questions of the wrong shape are parsed again from the file, and the list is true', async () => {
    const { pack, env, truth, list } = await cachedPack('shapes');
    for (const damage of [
      (t: any) => (t.questions = null),
      (t: any) => delete t.questions,
      (t: any) => (t.questions[0].kind = 'essay'),
      (t: any) => (t.questions[0].id = 'other-lab/pick-one'),
      (t: any) => (t.questions[0].id = 'omega-lab/../../etc'),
      (t: any) => (t.questions[0].topic = 'other-lab'),
      (t: any) => (t.questions[1].id = t.questions[0].id),
      (t: any) => (t.questions[1].choices = t.questions[0].choices),
      (t: any) => delete t.questions[0].choices,
      (t: any) => (t.questions[0].choices = [{ text: 'Only', right: true }]),
      (t: any) => (t.questions[0].choices[0].right = 'yes'),
      (t: any) => (t.questions[0].choices[0].right = false),
      (t: any) => (t.questions[0].prompt = 42),
      (t: any) => (t.questions[1].answer = ''),
      (t: any) => (t.questions[0].why = null),
      (t: any) => (t.questions[0] = JSON.parse('{"__proto__": {"polluted": true}}')),
    ]) {
      rewriteCache(env.VIRT_CACHE_DIR, pack, damage);
      expect(await list()).toEqual(truth);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('fields the list does not show are checked too: a line that is not a count, a key virt never writes', () => {
    const fresh = () => {
      const text = packTopic('omega-lab', {
        extra: ['attributes:', '  isolation:', '    value: Strong', '    why: Each lab has its own VM.'],
        body: BODY,
      });
      const identity = { path: 'a.md', size: text.length, changedMs: 1, ino: 2 };
      return JSON.parse(JSON.stringify(toCachedParse(identity, parseTopic(text, { file: 'a.md', pack: 'p' })).entry));
    };
    expect(restoreCachedParses([fresh()])?.get('a.md')?.entry.parsed.topic?.questions).toHaveLength(2);
    for (const damage of [
      (t: any) => (t.questions[0].line = -1),
      (t: any) => (t.questions[0].line = 1.5),
      (t: any) => (t.questions[0].choices[0].secret = 1),
      (t: any) => (t.questions[1].extra = 'x'),
    ]) {
      const entry = fresh();
      damage(entry.parsed.topic);
      expect(restoreCachedParses([entry])).toBeUndefined();
    }
  });
});

describe('virt lint on a pack with questions', () => {
  test('reports every broken question as file:line, fails with exit 2, and the pack does not load', async () => {
    const pack = makePack(
      {
        'a.md': packTopic('lint-lab', {
          body: [
            'The lab.',
            '',
            '## Check yourself',
            '',
            '### good',
            'What?',
            '',
            'Answer: This.',
            '',
            '### good',
            'Again?',
            '',
            'Answer: That.',
            '',
            '### no-right',
            'Which?',
            '',
            '- [ ] A',
            '- [ ] B',
            '',
            '### two-blanks',
            'The {{a}} and the {{b}}.',
            '',
            '### missing-why',
            'Why not?',
            '',
            'Answer: Because.',
            '',
            'Why: attribute:speed',
            '',
          ].join('\n'),
        }),
      },
      'linted',
    );
    const lint = await runCli(['lint', pack]);
    expect(lint.code).toBe(2);
    // packTopic's metadata takes 9 lines and a blank one: line i (from 0) of the body is line 11 + i of the file.
    const at = (line: number) => `${pack}/a.md:${11 + line}: `;
    expect(lint.stdout.split('\n').filter(Boolean)).toEqual([
      expect.stringContaining(`${at(9)}the question id "good" is used twice in this topic (first at line ${11 + 4})`),
      expect.stringContaining(`${at(17)}question "no-right" has no right choice`),
      expect.stringContaining(`${at(21)}question "two-blanks" has 2 {{blanks}}`),
      expect.stringContaining(`${at(28)}question "missing-why" reuses the why of attribute "speed"`),
    ]);
    expect(lint.stderr).toBe('virt: lint found 4 errors in 1 file\n');
    const used = await runCli(['--content', pack, 'quiz', '--list']);
    expect(used.code).toBe(2);
    expect(used.stderr).toMatch(/a\.md:20: the question id "good" is used twice/);
  });
});
