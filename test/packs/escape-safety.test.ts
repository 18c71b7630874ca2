import { describe, expect, test } from '@jest/globals';
import { makePack, packTopic } from '../helpers/pack.js';
import { runCli, withoutOwnEscapes } from '../helpers/run-cli.js';

const TITLE = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J';
const CLIPBOARD = '\u001b]52;c;ZWNobyBoaQ==\u0007';
const OTHERS = '\u0008\r\u0007\u009b31m\u0085';
const hostile = makePack(
  {
    'evil.md': packTopic('evil', {
      title: `Evil ${TITLE}title`,
      aliases: [`"sneaky${CLEAR}"`],
      extra: ['attributes:', `  isolation: "Weak ${CLIPBOARD}"`],
      body: `Prose ${TITLE} with ${CLEAR} a clear and ${CLIPBOARD} a clipboard write${OTHERS}.\n\n## Heading ${CLEAR}\n\n- item ${TITLE}\n\n\`\`\`\n${CLIPBOARD}code\n\`\`\`\n`,
    }).replace(/summary: .*\n/, `summary: "Summary ${CLEAR}${CLIPBOARD}"\n`),
  },
  'hostile',
);

/** Anything other than newline and tab (the TSV delimiter), or the escapes virt itself adds, is a control character that must not be there. */
function controls(text: string): string[] {
  return [...withoutOwnEscapes(text).matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g)].map((m) =>
    JSON.stringify(m[0]),
  );
}

describe('terminal-escape safety', () => {
  test.each([
    ['plain', ['explain', 'evil'], {}],
    ['rich', ['explain', 'evil', '--no-pager'], { tty: true, columns: 80 }],
    ['rich, colour forced', ['explain', 'evil', '--color', 'always'], {}],
    ['list', ['list'], { tty: true, columns: 100 }],
    ['search', ['search', 'clipboard'], { tty: true, columns: 80 }],
    ['compare', ['compare', 'evil', 'containerization', '--why'], { tty: true, columns: 120 }],
    ['compare TSV', ['compare', 'evil', 'containerization'], {}],
    ['compare Markdown', ['compare', 'evil', 'containerization', '--markdown'], {}],
  ])('%s shows none of the escapes raw', async (_name, args, options) => {
    const result = await runCli(['--content', hostile, ...args], options);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Evil|evil|Weak/);
    expect(controls(result.stdout)).toEqual([]);
    expect(controls(result.stderr)).toEqual([]);
    expect(result.stdout).not.toMatch(/\]0;|\]52;|\[2J/);
  });

  test('JSON stays valid and carries no escape in any string', async () => {
    const result = await runCli(['--content', hostile, 'explain', 'evil', '--json']);
    const page = JSON.parse(result.stdout);
    expect(page.title).toBe('Evil title');
    expect(JSON.stringify(page)).not.toMatch(/\\u001b|\\u0007|\\u009b/);
  });

  test('what the user types is not echoed raw in messages', async () => {
    const result = await runCli(['explain', `no${TITLE}such${CLEAR}`]);
    expect(result.code).toBe(1);
    expect(controls(result.stderr)).toEqual([]);
    const unknown = await runCli([`cmd${CLIPBOARD}`]);
    expect(unknown.code).toBe(2);
    expect(controls(unknown.stderr)).toEqual([]);
  });
});
