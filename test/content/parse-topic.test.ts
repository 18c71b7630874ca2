import { describe, expect, test } from '@jest/globals';
import { parseTopic } from '../../src/content/parse-topic.js';
import { topicFile } from '../helpers/topic-file.js';

const parse = (text: string) => parseTopic(text, { file: 'guide/topic.md' });
const errors = (text: string) => parse(text).problems.filter((p) => p.severity === 'error');

describe('parseTopic on valid content', () => {
  test('reads metadata, intro, sections and blocks', () => {
    const text = topicFile(
      'hypercall',
      [
        'aliases: [hypercalls, HC]',
        'related: [paravirtualization]',
        'attributes:',
        '  isolation: Strong',
        '  cpu-overhead:',
        '    value: Low',
        '    why: Because.',
      ],
      [
        'A hypercall is a **call** into the hypervisor with `vmcall` &amp; friends; see [Xen](https://xenproject.org).',
        '',
        '## How it works',
        '',
        '- first item',
        '  - nested item',
        '- second',
        '',
        '```bash',
        'grep -c vmx /proc/cpuinfo',
        '  indented',
        '```',
        '',
        '> A quoted remark.',
        '',
        '### Detail',
        '',
        '1. one',
        '2. two',
      ].join('\n'),
    );
    const { topic, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(topic).toMatchObject({
      id: 'hypercall',
      kind: 'term',
      aliases: ['hypercalls', 'HC'],
      related: ['paravirtualization'],
    });
    expect(topic!.attributes).toEqual({
      isolation: { value: 'Strong' },
      'cpu-overhead': { value: 'Low', why: 'Because.' },
    });
    expect(topic!.intro[0]).toEqual({
      kind: 'paragraph',
      spans: [
        { kind: 'text', text: 'A hypercall is a ' },
        { kind: 'strong', text: 'call' },
        { kind: 'text', text: ' into the hypervisor with ' },
        { kind: 'code', text: 'vmcall' },
        { kind: 'text', text: ' & friends; see ' },
        { kind: 'link', text: 'Xen', href: 'https://xenproject.org' },
        { kind: 'text', text: '.' },
      ],
    });
    expect(topic!.sections.map((s) => [s.heading, s.level])).toEqual([
      ['How it works', 2],
      ['Detail', 3],
    ]);
    const [list, code, quote] = topic!.sections[0]!.blocks;
    expect(list).toMatchObject({ kind: 'list', ordered: false, items: [{ depth: 0 }, { depth: 1 }, { depth: 0 }] });
    expect(code).toEqual({ kind: 'code', lang: 'bash', text: 'grep -c vmx /proc/cpuinfo\n  indented' });
    expect(quote).toMatchObject({ kind: 'quote', spans: [{ kind: 'text', text: 'A quoted remark.' }] });
    expect(topic!.sections[1]!.blocks[0]).toMatchObject({ kind: 'list', ordered: true });
    expect(topic!.origin).toEqual({ from: 'guide', file: 'guide/topic.md', line: 2 });
  });

  test('strips terminal escape sequences and control characters from every string', () => {
    const evil = 'Evil \u001b]0;pwned\u0007title \u001b[2J\u001b]52;c;SGVsbG8=\u0007 bell\u0007 back\bspace';
    const { topic } = parse(
      topicFile(
        'evil',
        [`aliases: ["x\u001b[31my"]`],
        `${evil}\n\n## Head \u001b[1mbold\n\n\`\`\`\n\u001b]0;t\u0007code\n\`\`\`\n`,
      ),
    );
    const all = JSON.stringify(topic);
    expect(all).not.toMatch(/\\u001b|\\u0007|\\b/);
    expect(topic!.intro[0]).toMatchObject({ spans: [{ text: 'Evil title  bell backspace' }] });
    expect(topic!.aliases).toEqual(['xy']);
  });
});

describe('parseTopic on invalid content names the line, what was expected and what was found', () => {
  test('an empty file', () => {
    expect(errors('')).toEqual([
      { line: 1, severity: 'error', message: expect.stringMatching(/expected a topic .* found an empty file/) },
    ]);
  });

  test('no metadata block', () => {
    expect(errors('# Title\n\ntext\n')[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/expected a metadata block .* found "# Title"/),
    });
  });

  test('an unclosed metadata block', () => {
    expect(errors('---\nid: x\n')[0]?.message).toMatch(/closing the metadata block/);
  });

  test('malformed YAML, with its line', () => {
    const found = errors('---\nid: x\ntitle: [unclosed\nkind: term\n---\n');
    expect(found[0]).toMatchObject({ message: expect.stringMatching(/^malformed metadata/) });
    expect(found[0]!.line).toBeGreaterThanOrEqual(3);
  });

  test('a missing id', () => {
    expect(errors('---\ntitle: T\nkind: term\nsummary: s\n---\n')[0]).toMatchObject({
      message: expect.stringMatching(/missing id/),
    });
  });

  test('an id of the wrong form', () => {
    expect(errors(topicFile('Bad_Id'))[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/lowercase .* found "Bad_Id"/),
    });
  });

  test('an unknown kind and an unknown key', () => {
    const found = errors(topicFile('x', ['summery: typo']).replace('kind: term', 'kind: gadget'));
    expect(found.map((p) => p.message)).toEqual([
      expect.stringMatching(/unknown metadata key "summery"/),
      expect.stringMatching(/expected kind to be one of .* found "gadget"/),
    ]);
  });

  test('an attribute value of the wrong shape, on the attributes line', () => {
    const found = errors(topicFile('x', ['attributes:', '  first-release: 2007']));
    expect(found).toEqual([
      {
        line: 9,
        severity: 'error',
        message: expect.stringMatching(/attribute "first-release" to be a string or \{value, why\}.* found 2007/),
      },
    ]);
  });

  test('lists and sources of the wrong type', () => {
    const found = errors(
      topicFile('x', ['aliases: one', 'related: [1, 2]']).replace('url: https://example.org/source', 'url: not-a-url'),
    );
    expect(found.map((p) => p.message)).toEqual([
      expect.stringMatching(/aliases to be a list of strings/),
      expect.stringMatching(/related to be a list of strings/),
      expect.stringMatching(/sources\[0\]\.url to be an http\(s\) address/),
    ]);
  });

  test('missing summary and sources are warnings, so lint catches them but loading goes on', () => {
    const { topic, problems } = parse('---\nid: x\ntitle: X\nkind: term\n---\nText\n');
    expect(topic).toBeDefined();
    expect(problems.map((p) => [p.severity, p.message])).toEqual([
      ['warning', expect.stringMatching(/missing summary/)],
      ['warning', expect.stringMatching(/missing sources/)],
    ]);
  });

  test('a table in the body is reported with its line and kept as text', () => {
    const { problems, topic } = parse(topicFile('x', [], 'Intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'));
    expect(problems).toEqual([{ line: 13, severity: 'warning', message: expect.stringMatching(/found a table/) }]);
    expect(topic!.intro).toHaveLength(2);
  });
});
