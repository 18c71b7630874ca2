import { describe, expect, test } from '@jest/globals';
import { makePack, packTopic } from '../helpers/pack.js';
import { runCli, withoutOwnEscapes } from '../helpers/run-cli.js';

/** C1 controls (a CSI that sets red, NEL), a bidi override and isolate, and zero-width characters, as YAML escapes. */
const C1 = '\\u009b31m\\u0085';
const BIDI = '\\u202e\\u2066';
const ZERO_WIDTH = '\\u200b\\u200d\\u2060\\ufeff';
const ALL = `${C1}${BIDI}${ZERO_WIDTH}`;

const hostile = makePack(
  {
    // The file name too: it is shown in messages and lint output.
    'evil\u009b\u202e.md': [
      '---',
      'id: hostile-topic',
      `title: "Evil${ALL} title"`,
      'kind: section',
      `summary: "A sum${C1}${BIDI}mary"`,
      `aliases: ["sneaky${ALL}", "other${ZERO_WIDTH}"]`,
      `tags: ["tag${ALL}", "second${BIDI}"]`,
      `related: ["containerization${ZERO_WIDTH}"]`,
      'sources:',
      `  - title: "A source${C1}${BIDI}"`,
      '    url: https://example.org/course',
      'attributes:',
      `  "isolation${ALL}": "Weak${C1}${BIDI} isolation"`,
      '---',
      '',
      'What the course says.',
      '',
    ].join('\n'),
  },
  'hostile',
);

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const FORMAT = /\p{Cf}/u;

/** What a terminal would be sent, less the colours and source links virt itself adds in rich mode. */
const shown = withoutOwnEscapes;

function strings(value: unknown, key = ''): [string, string][] {
  if (typeof value === 'string') return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

describe('C1 controls, bidi controls and zero-width characters in every field', () => {
  test.each([
    ['list, plain', ['list'], {}],
    ['list, rich', ['list'], { tty: true, columns: 100 }],
    ['explain, plain', ['explain', 'hostile-topic'], {}],
    ['explain, rich', ['explain', 'hostile-topic', '--no-pager'], { tty: true, columns: 80 }],
    ['search, plain', ['search', 'sneaky'], {}],
    ['search, rich', ['search', 'sneaky'], { tty: true, columns: 80 }],
    ['compare, TSV', ['compare', 'hostile-topic', 'containerization', '--why'], {}],
    ['compare, rich', ['compare', 'hostile-topic', 'containerization', '--why'], { tty: true, columns: 120 }],
  ])('%s shows none of them raw', async (_name, args, options) => {
    const result = await runCli(['--content', hostile, ...args], options);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(shown(result.stdout)).not.toMatch(CONTROL);
    expect(result.stdout).not.toMatch(BIDI_CONTROL);
    expect(result.stdout).toMatch(/Evil title/);
  });

  test.each([
    ['list', ['list', '--json']],
    ['explain', ['explain', 'hostile-topic', '--json']],
    ['search', ['search', 'sneaky', '--json']],
    ['compare', ['compare', 'hostile-topic', 'containerization', '--json']],
  ])('%s --json carries none in any string, and none at all in names', async (_name, args) => {
    const result = await runCli(['--content', hostile, ...args]);
    expect(result.code).toBe(0);
    const all = strings(JSON.parse(result.stdout));
    expect(all.filter(([, text]) => CONTROL.test(text.replace(/\n/g, '')) || BIDI_CONTROL.test(text))).toEqual([]);
    const names = all.filter(([key]) => ['id', 'title', 'aliases', 'tags', 'key', 'heading'].includes(key));
    expect(names.filter(([, text]) => FORMAT.test(text))).toEqual([]);
  });

  test("what `jq -r '.tags[]'` prints is the tags alone", async () => {
    const page = JSON.parse((await runCli(['--content', hostile, 'explain', 'hostile-topic', '--json'])).stdout);
    expect(page.tags).toEqual(['tag', 'second']);
    expect(page.aliases).toEqual(['sneaky', 'other']);
    expect(page.title).toBe('Evil title');
    expect(page.summary).toBe('A summary');
    expect(page.related).toEqual([{ id: 'containerization', title: expect.any(String) }]);
    expect(page.attributes).toContainEqual(expect.objectContaining({ key: 'isolation', value: 'Weak isolation' }));
  });

  test('lint names a hostile file name cleaned, in plain and JSON output', async () => {
    const broken = makePack({ 'bad\u009b31m\u202e.md': packTopic('broken', { extra: ['unknown: x'] }) }, 'broken');
    const plain = await runCli(['lint', broken]);
    expect(plain.code).toBe(2);
    expect(plain.stdout).toMatch(/broken\/bad\.md:\d+: unknown metadata key "unknown"/);
    const json = await runCli(['lint', broken, '--json']);
    const all = strings(JSON.parse(json.stdout));
    expect(all.filter(([, text]) => CONTROL.test(text) || FORMAT.test(text))).toEqual([]);
  });
});

describe('names that differ only by invisible characters are the same name', () => {
  test('an alias "kvm" + U+200B beside the built-in kvm is a clash', async () => {
    const dir = makePack({ 'lookalike.md': packTopic('lookalike', { aliases: ['"kvm\\u200b"'] }) });
    const result = await runCli(['--content', dir, 'list']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/lookalike\.md:\d+: name "kvm" of "lookalike" is already claimed by "kvm"/);
  });

  test('an id with a zero-width space is refused, and the message writes the character out', async () => {
    const dir = makePack({ 'zw.md': packTopic('placeholder').replace('id: placeholder', 'id: "kvm\\u200b"') });
    const result = await runCli(['lint', dir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/zw\.md:2: expected id to be lowercase .* found "kvm\\u200b"/);
  });
});

describe('keys that name built-ins of JavaScript objects are errors with their line', () => {
  test.each([
    ['__proto__', 'a metadata key', ['__proto__: x'], 9],
    ['constructor', 'a metadata key', ['constructor: x'], 9],
    ['__proto__', 'an attribute key', ['attributes:', '  isolation: Weak', '  __proto__: Strong'], 11],
    ['prototype', 'an attribute key', ['attributes:', '  prototype: Strong'], 10],
  ])('%s as %s', async (key, what, extra, line) => {
    const dir = makePack({ 'keys.md': packTopic('key-lab', { extra }) });
    const result = await runCli(['lint', dir]);
    expect(result.code).toBe(2);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`keys\\.md:${line}: "${key}" cannot be ${what}: it names a built-in`)),
    ]);
  });
});
