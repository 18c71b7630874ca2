import { describe, expect, test } from '@jest/globals';
import stringWidth from 'string-width';

const displayWidth = (text: string) => stringWidth(text);
import { ANSI, BOX_DRAWING, runCli } from '../helpers/run-cli.js';

describe('virt explain', () => {
  test.each([
    [['paravirtualization'], '# Paravirtualization'],
    [['para'], '# Paravirtualization'],
    [['PARA virtualization'], '# Paravirtualization'],
    [['full'], '# Full virtualization'],
    [['what is virtualization'], '# What is virtualization?'],
    [['what', 'is', 'virtualization'], '# What is virtualization?'],
    [['type 2 hypervisor'], '# Type 2 hypervisor'],
  ])('%j shows the page', async (words, heading) => {
    const result = await runCli(['explain', ...words]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.split('\n')[0]).toBe(heading);
  });

  test('a near spelling resolves, and says so on stderr', async () => {
    const result = await runCli(['explain', 'paravirtualisaton']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('# Paravirtualization');
    expect(result.stderr).toMatch(/showing "Paravirtualization"/);
  });

  test('an unknown topic exits 1 with a suggestion on stderr and nothing on stdout', async () => {
    const result = await runCli(['explain', 'nothing-like-this']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^virt: no topic named "nothing-like-this"\n(did you mean|try `virt search)/);
    const close = await runCli(['explain', 'hypervisr monitor']);
    expect(close.code).toBe(1);
    expect(close.stderr).toMatch(/did you mean .*hypervisor/);
  });

  test('an ambiguous prefix exits 1 and lists the candidates', async () => {
    const result = await runCli(['explain', 'type']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/"type" matches \d+ topics/);
    expect(result.stderr).toContain('type-1-hypervisor');
    expect(result.stderr).toContain('type-2-hypervisor');
    // Two aligned columns: every title starts in the same column.
    const rows = result.stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const titleColumn = (line: string) => /^ {2}\S+ +/.exec(line)![0].length;
    expect(new Set(rows.map(titleColumn)).size).toBe(1);
    expect(rows).toContain(`  ${'type-1-hypervisor'.padEnd(titleColumn(rows[0]!) - 4)}  Type 1 hypervisor`);
  });

  test.each([
    ['what is a hypervisor', 'Hypervisor'],
    ['what are containers?', 'Containerization (OS-level virtualization)'],
    ['how does kvm work', 'KVM (Kernel-based Virtual Machine)'],
    ['define the hypervisor', 'Hypervisor'],
    ['explain paravirtualization', 'Paravirtualization'],
  ])('a question finds the topic it names: %s', async (question, title) => {
    const result = await runCli(['explain', ...question.split(' ')]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`# ${title}`);
  });

  test.each([
    ['kvm vs xen', 'virt compare kvm xen'],
    ['kvm versus xen', 'virt compare kvm xen'],
    ['difference between full and para', 'virt compare full para'],
    ['what is the difference between a vm and a container', 'virt compare vm container'],
    ['type 1 vs type 2', 'virt compare "type 1" "type 2"'],
  ])('piped, a comparison (%s) exits 1 naming the compare command on stderr', async (question, command) => {
    const result = await runCli(['explain', ...question.split(' ')]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain(`run \`${command}\``);
  });

  test('on a terminal, a comparison question shows the comparison', async () => {
    const result = await runCli(['explain', 'kvm', 'vs', 'xen'], { tty: true, columns: 100, env: { NO_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/KVM \(Kernel-based.*Xen/s);
    expect(result.stdout).toMatch(/Vendor or project/);
  });

  test('no topic, an unknown command or a bad option is a usage error (exit 2)', async () => {
    expect((await runCli(['explain'])).code).toBe(2);
    const unknown = await runCli(['explian', 'kvm']);
    expect(unknown.code).toBe(2);
    // One line, with the nearest command.
    expect(unknown.stderr).toBe(
      "virt: unknown command 'explian' (did you mean explain?); run `virt --help` for the commands\n",
    );
    expect((await runCli(['explain', 'kvm', '--colour', 'x'])).code).toBe(2);
    const width = await runCli(['explain', 'kvm', '--width', 'wide']);
    expect(width).toMatchObject({ code: 2, stdout: '' });
    expect(width.stderr).toBe('virt: --width expects a whole number of columns from 20 to 1000, not "wide"\n');
  });

  test('piped output is plain: no escape codes, no box drawing', async () => {
    const result = await runCli(['explain', 'kvm']);
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout).not.toMatch(BOX_DRAWING);
  });

  test('on a terminal the page is boxed and coloured; --color never and NO_COLOR drop the colour', async () => {
    const rich = await runCli(['explain', 'kvm'], { tty: true, columns: 90 });
    expect(rich.stdout).toMatch(ANSI);
    expect(rich.stdout.split('\n')[0]).toMatch(/╭─+╮/);
    for (const run of [
      runCli(['explain', 'kvm', '--color', 'never'], { tty: true }),
      runCli(['explain', 'kvm'], { tty: true, env: { NO_COLOR: '1' } }),
    ]) {
      const result = await run;
      expect(result.stdout).not.toMatch(ANSI);
      expect(result.stdout).toMatch(BOX_DRAWING);
    }
  });

  test('--color always gives colour even when piped', async () => {
    expect((await runCli(['explain', 'kvm', '--color', 'always'])).stdout).toMatch(ANSI);
  });

  test('TERM=dumb and a non-UTF-8 locale fall back to ASCII boxes', async () => {
    for (const env of [{ TERM: 'dumb' }, { LANG: 'C', LC_ALL: 'C' }]) {
      const result = await runCli(['explain', 'kvm'], { tty: true, env });
      expect(result.stdout).not.toMatch(BOX_DRAWING);
      // The border is coloured when colour is on (LANG=C leaves it on), as boxen did on a real terminal.
      expect(result.stdout.split('\n')[0]!.replace(/\u001b\[\d+m/g, '')).toMatch(/^\+-+\+$/);
    }
  });

  test.each([['--plain'], ['--color=always']])(
    '--width 50 keeps every line within 50 columns but diagrams, code and addresses, printed whole (%s)',
    async (flag) => {
      const result = await runCli(['explain', 'paravirtualization', '--width', '50', flag]);
      const page = JSON.parse((await runCli(['explain', 'paravirtualization', '--json'])).stdout);
      const blocks = [...page.intro, ...page.sections.flatMap((s: { blocks: unknown[] }) => s.blocks)];
      const drawings = blocks
        .filter((block) => block.kind === 'diagram')
        .flatMap((block) => [...block.text.split('\n'), ...block.ascii.split('\n')]);
      const code = blocks.filter((block) => block.kind === 'code').flatMap((block) => block.text.split('\n'));
      expect(drawings.length).toBeGreaterThan(0);
      const tooWide = result.stdout
        .replace(/\u001b\[[0-9;]*m/g, '')
        .split('\n')
        .filter((line) => displayWidth(line) > 50);
      const whole = (line: string) =>
        drawings.includes(line.slice(2)) || code.includes(line.slice(4)) || /^ *https:\/\/\S+$/.test(line);
      expect(tooWide.filter((line) => !whole(line))).toEqual([]);
      expect(result.stdout).toMatch(/\(diagram is \d+ columns wide;/);
    },
  );

  test('reading text is capped at 100 columns on a very wide terminal', async () => {
    const result = await runCli(['explain', 'paravirtualization'], { tty: true, columns: 200, env: { NO_COLOR: '1' } });
    const prose = result.stdout.split('\n').filter((line) => !/^ *https:\/\/\S+$/.test(line));
    expect(Math.max(...prose.map(displayWidth))).toBe(100);
  });

  test('--json is one document with the documented fields', async () => {
    const result = await runCli(['explain', 'paravirtualization', '--json']);
    const page = JSON.parse(result.stdout);
    expect(page).toMatchObject({
      schemaVersion: 1,
      id: 'paravirtualization',
      title: 'Paravirtualization',
      kind: 'method',
    });
    for (const key of ['summary', 'aliases', 'sections', 'related', 'sources', 'attributes'])
      expect(page).toHaveProperty(key);
    expect(page.attributes[0]).toEqual({
      key: 'guest-modified',
      label: 'Guest OS modified?',
      value: expect.any(String),
      why: expect.any(String),
    });
    expect(page.related[0]).toEqual({ id: expect.any(String), title: expect.any(String) });
  });
});
