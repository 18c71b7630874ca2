import { describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/run-cli.js';

const COMMANDS = ['explain', 'list', 'compare', 'search', 'menu', 'completion', 'lint', 'detect', 'cache', 'help'];

describe('help, as git and gh give it', () => {
  test('`virt help compare` prints what `virt compare --help` prints; `virt help` what `virt --help` prints', async () => {
    const viaHelp = await runCli(['help', 'compare']);
    const viaOption = await runCli(['compare', '--help']);
    expect([viaHelp.code, viaHelp.stderr]).toEqual([0, '']);
    expect(viaHelp.stdout).toBe(viaOption.stdout);
    expect(viaHelp.stdout).toMatch(/^Usage: virt compare /);
    expect((await runCli(['help'])).stdout).toBe((await runCli(['--help'])).stdout);
  });

  test('`virt help` with a command that does not exist is one line and exit 2', async () => {
    const result = await runCli(['help', 'cmopare']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      "virt: unknown command 'cmopare' (did you mean compare?); run `virt --help` for the commands\n",
    );
  });

  test('Usage comes first, then options and commands, then examples, then exit status and environment', async () => {
    const { stdout } = await runCli(['--help']);
    const at = (heading: string) => stdout.indexOf(heading);
    expect(at('Usage: virt')).toBe(0);
    expect(at('Options:')).toBeGreaterThan(0);
    expect(at('Commands:')).toBeGreaterThan(0);
    expect(at('Examples:')).toBeGreaterThan(Math.max(at('Options:'), at('Commands:')));
    expect(at('Exit status:')).toBeGreaterThan(at('Examples:'));
    expect(at('Environment:')).toBeGreaterThan(at('Examples:'));
    expect(stdout).toMatch(/\n {2}help \[command\] +show help for virt or a command\n/);
  });

  test.each([undefined, 200])('every help line fits 80 columns (terminal of %s columns)', async (columns) => {
    for (const args of [['--help'], ...COMMANDS.map((command) => [command, '--help'])]) {
      const { stdout } = await runCli(args, columns ? { tty: true, columns, env: { NO_COLOR: '1' } } : {});
      expect([args, stdout.split('\n').filter((line) => line.length > 80)]).toEqual([args, []]);
    }
  });

  test('--color lists its choices once', async () => {
    const { stdout } = await runCli(['--help']);
    const color = stdout.slice(stdout.indexOf('--color'), stdout.indexOf('--width'));
    expect(color.match(/always/g)).toHaveLength(1);
  });
});
