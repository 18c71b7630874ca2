import { describe, expect, test } from '@jest/globals';
import { resolveOutput } from '../../src/cli/output-mode.js';
import { ANSI, runCli } from '../helpers/run-cli.js';

const piped = { isTTY: false };

describe('FORCE_COLOR', () => {
  test.each(['1', '2', '3'])('FORCE_COLOR=%s colours piped output at that level', (level) => {
    expect(resolveOutput({}, piped, { FORCE_COLOR: level })).toMatchObject({ mode: 'rich', colorLevel: Number(level) });
  });

  test('NO_COLOR wins over it, and so do FORCE_COLOR=0, --color never, --plain and --json', () => {
    expect(resolveOutput({}, piped, { FORCE_COLOR: '3', NO_COLOR: '1' })).toMatchObject({
      mode: 'plain',
      colorLevel: 0,
    });
    expect(resolveOutput({}, piped, { FORCE_COLOR: '0' })).toMatchObject({ mode: 'plain', colorLevel: 0 });
    expect(resolveOutput({ color: 'never' }, piped, { FORCE_COLOR: '1' })).toMatchObject({ colorLevel: 0 });
    expect(resolveOutput({ plain: true }, piped, { FORCE_COLOR: '1' })).toMatchObject({ mode: 'plain', colorLevel: 0 });
    expect(resolveOutput({ json: true }, piped, { FORCE_COLOR: '1' })).toMatchObject({ mode: 'json', colorLevel: 0 });
    expect(resolveOutput({}, { isTTY: true }, { FORCE_COLOR: '2', NO_COLOR: '1' })).toMatchObject({ colorLevel: 0 });
  });

  test('`FORCE_COLOR=1 virt explain kvm | cat` is coloured; with NO_COLOR=1 as well it is not', async () => {
    const forced = await runCli(['explain', 'kvm'], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(ANSI);
    expect(forced.stdout).toContain('\u001b[36m');
    const both = await runCli(['explain', 'kvm'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(both.stdout).not.toMatch(ANSI);
  });
});
