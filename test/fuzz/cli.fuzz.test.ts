import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { runCli, withoutOwnEscapes } from '../helpers/run-cli.js';

const word = fc.oneof(
  fc.constantFrom('explain', 'list', 'compare', 'search', 'menu', 'completion', 'lint', 'help', 'bash', 'zsh', 'fish'),
  fc.constantFrom(
    '--plain',
    '--json',
    '--color',
    'always',
    'never',
    'auto',
    '--width',
    '40',
    '0',
    '-1',
    '99999',
    '--no-pager',
    '--pager',
    '--diff',
    '--why',
    '--brief',
    '--no-hyperlinks',
    '--markdown',
    '--limit',
    '--help',
    '-h',
    '--version',
    '-V',
    '--',
    '-',
    '--content',
    '/nonexistent',
  ),
  fc.constantFrom(
    'kvm',
    'para',
    'full',
    'type',
    '@methods',
    '@nope',
    'hypercall',
    'ept',
    'what is virtualization',
    'x',
  ),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('\u001b]0;t\u0007', '\u001b[2J', '\u0000', 'é', '虚拟化', '%s', '$(id)'),
);

const STACK = /\n\s+at .+:\d+:\d+/;

describe('the CLI under random argument lists', () => {
  test('exits 0, 1 or 2 with no stack trace, and writes no control character', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 6 }), fc.boolean(), async (argv, tty) => {
        const result = await runCli(argv, { tty, stdinTTY: false, columns: 80 });
        expect([0, 1, 2]).toContain(result.code);
        expect(result.stderr).not.toMatch(STACK);
        expect(result.stderr).not.toMatch(/unexpected error/);
        const stdout = withoutOwnEscapes(result.stdout);
        expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        if (argv.includes('--json') && result.code === 0 && result.stdout.startsWith('{'))
          expect(() => JSON.parse(result.stdout)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
