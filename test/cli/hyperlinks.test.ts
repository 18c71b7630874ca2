import { describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/run-cli.js';

const OSC8 = /\u001b\]8;;/;
const tty = { tty: true, columns: 200 };

describe('clickable sources (OSC 8)', () => {
  test('on a terminal each source title is a hyperlink to its address', async () => {
    const page = JSON.parse((await runCli(['explain', 'kvm', '--json'])).stdout) as {
      sources: { title: string; url: string }[];
    };
    const { stdout } = await runCli(['explain', 'kvm'], tty);
    for (const { title, url } of page.sources) {
      expect(stdout).toContain(`\u001b]8;;${url}\u0007${title}\u001b]8;;\u0007`);
    }
  });

  test('a title wrapped over two lines is a link on both, closed at the end of each', async () => {
    const { stdout } = await runCli(['explain', 'kvm', '--width', '30'], tty);
    const linked = stdout.split('\n').filter((line) => OSC8.test(line));
    expect(linked.length).toBeGreaterThan((stdout.match(/\u001b\]8;;https/g) ?? []).length / 2);
    for (const line of linked) expect(line).toMatch(/\u001b\]8;;\u0007[^\u001b]*$|\u001b\]8;;\u0007(\u001b\[\d+m)*$/);
  });

  test.each([
    ['TERM=dumb', [], { TERM: 'dumb' }],
    ['--no-hyperlinks', ['--no-hyperlinks'], {}],
    ['VIRT_HYPERLINKS=0', [], { VIRT_HYPERLINKS: '0' }],
  ])('%s turns them off', async (_name, flags, env) => {
    const { stdout } = await runCli(['explain', 'kvm', ...flags], { ...tty, env });
    expect(stdout).toContain('KVM');
    expect(stdout).not.toMatch(OSC8);
  });

  test('never in plain or JSON output, nor in a pipe with colour forced', async () => {
    for (const args of [['--plain'], ['--json'], ['--color', 'always']]) {
      expect((await runCli(['explain', 'kvm', ...args])).stdout).not.toMatch(OSC8);
    }
    expect((await runCli(['explain', 'kvm', '--plain'], tty)).stdout).not.toMatch(OSC8);
    expect((await runCli(['explain', 'kvm', '--json'], tty)).stdout).not.toMatch(OSC8);
    expect((await runCli(['explain', 'kvm'], { env: { FORCE_COLOR: '3' } })).stdout).not.toMatch(OSC8);
  });
});

describe('the hyperlink style', () => {
  test('links only web addresses', async () => {
    const { richTheme } = await import('../../src/render/rich-theme.js');
    const theme = richTheme(0, false, true);
    expect(theme.hyperlink('Docs', 'https://example.org/a')).toBe(
      '\u001b]8;;https://example.org/a\u0007Docs\u001b]8;;\u0007',
    );
    expect(theme.hyperlink('Local', 'file:///etc/passwd')).toBe('Local');
    expect(richTheme(0, false, false).hyperlink('Docs', 'https://example.org/a')).toBe('Docs');
  });
});
