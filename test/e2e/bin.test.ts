import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';

/** Runs the built CLI as a user would (npm test builds it first). */
const virt = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/virt.js', ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });

describe('bin/virt.js as a child process', () => {
  test('explain paravirtualization prints the plain page when piped', () => {
    const result = virt(['explain', 'paravirtualization']);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('# Paravirtualization');
    expect(result.stdout).not.toMatch(/\u001b\[/);
    expect(result.stderr).toBe('');
  });

  test('unknown topic: exit 1, nothing on stdout, a suggestion on stderr', () => {
    const result = virt(['explain', 'paravirtualizaiton monitor']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/did you mean/);
  });

  test('usage errors exit 2 without a stack trace', () => {
    for (const args of [['explain'], ['frobnicate'], ['--width', '5', 'list']]) {
      const result = virt(args);
      expect(result.status).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  test('--version and --help go to stdout and exit 0', () => {
    const version = virt(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = virt(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Examples:\n {2}\$ virt explain paravirtualization/);
  });

  test('options without a command, and no terminal, print the help on stdout with exit 0', () => {
    for (const args of [['--plain'], ['--json'], ['--no-pager', '--width', '60']]) {
      const other = virt(args);
      expect([args, other.status, other.stderr, other.stdout.slice(0, 9)]).toEqual([args, 0, '', 'Examples:']);
    }
    expect(virt(['--bogus']).status).toBe(2);
    const result = virt([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Examples:\n(.*\n)*Usage: virt/);
  });

  test('list | head -1 exits 0 with nothing on stderr', () => {
    const result = spawnSync('bash', ['-c', 'set -o pipefail; node bin/virt.js list | head -1'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('what-is-virtualization\tWhat is virtualization?\n');
    expect(result.stderr).toBe('');
  });

  test('compare full para piped is tab-separated', () => {
    const result = virt(['compare', 'full', 'para']);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('attribute\tFull virtualization\tParavirtualization');
  });
});
