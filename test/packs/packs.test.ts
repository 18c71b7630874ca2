import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { makePack, packTopic } from '../helpers/pack.js';
import { runCli } from '../helpers/run-cli.js';

describe('content packs', () => {
  const pack = makePack(
    {
      '01-lab.md': packTopic('kvm-lab', {
        title: 'KVM lab',
        aliases: ['lab'],
        related: ['kvm', 'virsh'],
        parent: 'kvm',
        extra: ['tags: [Course-Labs]', 'attributes:', '  vendor: "Our course"', '  host-os: "Linux"'],
      }),
      '02-lab.md': packTopic('xen-lab', {
        title: 'Xen lab',
        parent: 'xen',
        extra: ['tags: [Course-Labs]', 'attributes:', '  vendor: "Our course"', '  host-os: "Linux"'],
      }),
    },
    'course',
  );

  test('a pack topic joins explain, list, search and compare, and is marked as coming from the pack', async () => {
    const explained = await runCli(['--content', pack, 'explain', 'lab']);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toMatch(/^# KVM lab\n[\s\S]*From the pack: course/);
    expect(explained.stdout).toContain('- KVM (Kernel-based Virtual Machine) (virt explain kvm)');
    expect((await runCli(['--content', pack, 'explain', 'lab', '--json'])).stdout).toMatch(/"pack": "course"/);

    const listed = await runCli(['--content', pack, 'list']);
    const ids = listed.stdout.split('\n').map((line) => line.split('\t')[0]);
    expect(ids.indexOf('kvm-lab')).toBe(ids.indexOf('kvm') + 1);
    expect((await runCli(['--content', pack, 'list'], { tty: true, env: { NO_COLOR: '1' } })).stdout).toMatch(
      /KVM lab +kvm-lab \[course\]/,
    );

    expect((await runCli(['--content', pack, 'search', 'course', 'lab'])).stdout).toMatch(/^kvm-lab\t/m);
    expect((await runCli(['--content', pack, 'compare', 'lab', 'kvm'])).code).toBe(0);
  });

  test('a tag with capitals is a group, typed in any case', async () => {
    for (const group of ['@Course-Labs', '@course-labs']) {
      const compared = await runCli(['--content', pack, 'compare', group]);
      expect(compared.code).toBe(0);
      expect(compared.stdout.split('\n')[0]).toBe('attribute\tKVM lab\tXen lab');
    }
    expect((await runCli(['--content', pack, 'completion', 'bash'])).stdout).toMatch(/@course-labs/);
  });

  test('VIRT_CONTENT_PATH adds packs too', async () => {
    const result = await runCli(['explain', 'kvm-lab'], {
      env: {
        VIRT_CONTENT_PATH: `/nonexistent-but-empty-entry-skipped:${pack}`.replace(
          '/nonexistent-but-empty-entry-skipped:',
          '',
        ),
      },
    });
    expect(result.code).toBe(0);
  });

  test('a pack topic whose id or alias collides with another is an error naming both places', async () => {
    const clash = makePack(
      { 'kvm.md': packTopic('kvm'), 'alias.md': packTopic('mine', { aliases: ['hypercalls'] }) },
      'clash',
    );
    const result = await runCli(['--content', clash, 'list']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(
      /^virt: invalid content: .*clash\/(kvm|alias)\.md:\d+: .*\(and 1 more problem; run `virt lint` to see all\)\n$/,
    );
    const lint = await runCli(['lint', clash]);
    expect(lint.stdout).toMatch(
      /clash\/alias\.md:\d+: name "hypercalls" of "mine" is already claimed by "hypercall" \(content\/06-glossary\/17-hypercall\.md:\d+\)/,
    );
    expect(lint.stdout).toMatch(
      /clash\/kvm\.md:2: duplicate id "kvm": already used by content\/05-solutions\/01-kvm\.md:2 \(add "overrides: true" to replace it\)/,
    );
  });

  test('a pack that says it overrides replaces the built-in topic', async () => {
    const override = makePack(
      { 'kvm.md': packTopic('kvm', { title: 'KVM, our way', extra: ['overrides: true'] }) },
      'ours',
    );
    const result = await runCli(['--content', override, 'explain', 'kvm']);
    expect(result.stdout.split('\n')[0]).toBe('# KVM, our way');
  });

  test('a broken file: exit 2 naming file:line; lint lists every problem', async () => {
    const broken = makePack(
      {
        'good.md': packTopic('good-one'),
        'bad.md': packTopic('bad-one', { related: ['no-such-topic'], extra: ['attributes:', '  first-release: 2007'] }),
        'worse.md': '---\nid: worse\ntitle: [oops\n---\n',
        'nosummary.md': '---\nid: quiet\ntitle: Quiet\nkind: term\n---\nText\n',
      },
      'broken',
    );
    const listed = await runCli(['--content', broken, 'list']);
    expect(listed).toMatchObject({ code: 2, stdout: '' });
    expect(listed.stderr).toMatch(/^virt: invalid content: .*broken\/\w+\.md:\d+: /);
    expect(listed.stderr.trim().split('\n')).toHaveLength(1);

    const lint = await runCli(['lint', broken]);
    expect(lint.code).toBe(2);
    const lines = lint.stdout.trim().split('\n');
    // Errors first, then warnings.
    expect(lines).toEqual([
      expect.stringMatching(/broken\/bad\.md:10: expected attribute "first-release" to be a string/),
      expect.stringMatching(/broken\/worse\.md:3: malformed metadata/),
      // bad.md is not built (its attribute is wrong), yet its broken link is reported too.
      expect.stringMatching(/broken\/bad\.md:6: related topic "no-such-topic" does not exist/),
      expect.stringMatching(/broken\/nosummary\.md:2: missing summary.*\(warning\)$/),
      expect.stringMatching(/broken\/nosummary\.md:2: missing sources.*\(warning\)$/),
    ]);
    expect(lint.stderr).toBe('virt: lint found 3 errors and 2 warnings in 3 files\n');
    const related = await runCli(['lint', makePack({ 'r.md': packTopic('r', { related: ['no-such-topic'] }) })]);
    expect(related.stdout).toMatch(/r\.md:\d+: related topic "no-such-topic" does not exist/);
  });

  test('every problem of a file is reported, even when one field keeps its topic from being built', async () => {
    const text = packTopic('kindless', { related: ['no-such-topic'], parent: 'no-such-parent' }).replace(
      'kind: section\n',
      '',
    );
    const lint = await runCli(['lint', makePack({ 'k.md': text }, 'kindless')]);
    expect(lint.code).toBe(2);
    expect(lint.stdout).toMatch(/k\.md:\d+: missing kind/);
    expect(lint.stdout).toMatch(/k\.md:\d+: related topic "no-such-topic" does not exist/);
    expect(lint.stdout).toMatch(/k\.md:\d+: parent topic "no-such-parent" does not exist/);
    expect(lint.stderr).toBe('virt: lint found 3 errors in 1 file\n');
  });

  test('warnings alone exit 0 with the count; --strict makes them fail', async () => {
    const quiet = makePack({ 'q.md': '---\nid: quiet\ntitle: Quiet\nkind: term\n---\nText\n' }, 'quiet');
    const lint = await runCli(['lint', quiet]);
    expect(lint.code).toBe(0);
    expect(lint.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/q\.md:2: missing summary.*\(warning\)$/),
      expect.stringMatching(/q\.md:2: missing sources.*\(warning\)$/),
      `virt lint: ${quiet}: 1 topic, 2 warnings (--strict makes them fail)`,
    ]);
    const strict = await runCli(['lint', quiet, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toBe('virt: lint found 2 warnings in 1 file\n');
  });

  test('virt lint content checks the built-in folder as the guide, not as a pack of duplicates', async () => {
    const result = await runCli(['lint', 'content']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^virt lint: content: \d+ topics, no problems\n$/);
  });

  test('virt lint on the built-in guide exits 0 with a one-line summary', async () => {
    const result = await runCli(['lint']);
    expect(result).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^virt lint: content: \d+ topics, no problems\n$/),
      stderr: '',
    });
    const clean = await runCli(['lint', pack]);
    expect(clean.stdout).toBe(`virt lint: ${pack}: 2 topics, no problems\n`);
    expect(JSON.parse((await runCli(['lint', '--json'])).stdout)).toMatchObject({ schemaVersion: 1, problems: [] });
  });

  test('the built bin names the broken file too', () => {
    const broken = makePack({ 'bad.md': '---\nid: Bad Id\n---\n' }, 'binpack');
    const result = spawnSync(process.execPath, ['bin/virt.js', '--content', broken, 'list'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/binpack\/bad\.md:2: expected id to be lowercase/);
  });
});

describe('packs named more than once, and lint of the packs in use', () => {
  test('the same folder from VIRT_CONTENT_PATH and --content is one pack', async () => {
    const pack = makePack({ 'lab.md': packTopic('twice-lab') }, 'twice');
    const result = await runCli(['--content', pack, '--content', `${pack}/`, 'list'], {
      env: { VIRT_CONTENT_PATH: pack },
    });
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^twice-lab\t/gm)).toHaveLength(1);
  });

  test('virt --content DIR lint finds what virt --content DIR list complained about', async () => {
    const pack = makePack({ 'r.md': packTopic('r-lab', { related: ['no-such-topic'] }) }, 'active');
    expect((await runCli(['--content', pack, 'list'])).stderr).toMatch(
      /run `virt lint` to see all|related topic "no-such-topic"/,
    );
    const lint = await runCli(['--content', pack, 'lint']);
    expect(lint.code).toBe(2);
    expect(lint.stdout).toMatch(/active\/r\.md:\d+: related topic "no-such-topic" does not exist/);
    expect((await runCli(['lint'], { env: { VIRT_CONTENT_PATH: pack } })).code).toBe(2);
  });
});
