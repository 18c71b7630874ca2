import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { writeGeneratedPack } from '../helpers/generated-pack.js';
import { makePack, packTopic } from '../helpers/pack.js';

/** Runs the built CLI as a user would (npm test builds it first). */
const virt = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/virt.js', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });

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
      expect([args, other.status, other.stderr, other.stdout.slice(0, 11)]).toEqual([args, 0, '', 'Usage: virt']);
    }
    expect(virt(['--bogus']).status).toBe(2);
    const result = virt([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: virt (.*\n)*Examples:\n/);
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

describe('the built bundle measures text as string-width does', () => {
  // The bundles measure plain ASCII with a fast path and hand the rest to string-width and wrap-ansi, in a
  // bundle of their own (see src/render/text.ts); this page needs both, in the boxed header and in the prose.
  const title = 'Emoji 👩‍💻 and 漢字 with cafe\u0301 and 1️⃣, ™ and ☺';
  const body = `${'Keycaps 1️⃣ 2️⃣, flags 🇫🇷, a coder 👩‍💻, jamo \u1100\u1161, ハﾞ, combining e\u0301 and 漢字かな交じり文 in one paragraph. '.repeat(3)}\n`;
  const pack = makePack({ 'wide.md': packTopic('wide-text', { title: JSON.stringify(title), body }) });

  test.each([40, 64])('every line of the rich page fits %i columns and the box is square', (columns) => {
    const result = virt(
      ['--content', pack, 'explain', 'wide-text', '--color', 'always', '--no-pager', '--width', String(columns)],
      { VIRT_CACHE_DIR: `${pack}-cache` },
    );
    expect(result.status).toBe(0);
    const lines = stripAnsi(result.stdout).split('\n');
    expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(columns);
    const box = lines.filter((line) => /^[╭│╰]/.test(line));
    expect(box.length).toBeGreaterThan(2);
    expect(new Set(box.map((line) => stringWidth(line))).size).toBe(1);
    expect(stripAnsi(result.stdout).replace(/[\s│]+/g, '')).toContain('👩‍💻');
  });

  test.each([40, 64])('every line of the plain page fits %i columns', (columns) => {
    const result = virt(['--content', pack, 'explain', 'wide-text', '--plain', '--width', String(columns)], {
      VIRT_CACHE_DIR: `${pack}-cache`,
    });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(columns);
    expect(lines.filter((line) => stringWidth(line) > columns - 8).length).toBeGreaterThan(2);
    expect(result.stdout.replace(/\s+/g, '')).toContain('1️⃣2️⃣,flags🇫🇷,acoder👩‍💻');
  });
});

describe('the guide is measured without the text engine', () => {
  // Setting up string-width and wrap-ansi builds an Intl.Segmenter and string-width's emoji expression,
  // which cost more than the rest of a page; this counts the segmenters a run of bin/virt.js builds.
  const counter = `const Real = Intl.Segmenter; let built = 0;
    Intl.Segmenter = class extends Real { constructor(...args) { super(...args); built++; } };
    process.on('exit', () => process.stderr.write('segmenters built: ' + built + '\\n'));`;
  const segmentersBuilt = (args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(counter)}`, 'bin/virt.js', ...args],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...env } },
    );
    expect(result.status).toBe(0);
    return Number(/segmenters built: (\d+)/.exec(result.stderr)?.[1]);
  };

  test('plain and rich pages, lists and comparisons build none; a page in Chinese builds one', () => {
    const rich = ['--color', 'always', '--no-pager'];
    expect(segmentersBuilt(['explain', 'paravirtualization', '--plain'])).toBe(0);
    expect(segmentersBuilt(['explain', 'glossary', '--plain'])).toBe(0);
    expect(segmentersBuilt(['list'])).toBe(0);
    expect(segmentersBuilt(['explain', 'paravirtualization', ...rich])).toBe(0);
    expect(segmentersBuilt(['list', ...rich])).toBe(0);
    expect(segmentersBuilt(['compare', 'full', 'para', ...rich])).toBe(0);
    const pack = makePack({ 'zh.md': packTopic('zh-page', { title: '半虚拟化', body: '客户机内核需要修改。\n' }) });
    expect(
      segmentersBuilt(['--content', pack, 'explain', 'zh-page', '--plain'], { VIRT_CACHE_DIR: `${pack}-cache` }),
    ).toBeGreaterThan(0);
  });
});

describe("commander's node:child_process", () => {
  // commander loads it only to run external subcommands, which virt has none of; the build hands commander a
  // stand-in that loads it on first use (see childProcessOnFirstUse in src/tools/build.ts).
  const loaded = (args: string[]) => {
    const report = `process.on('exit', () => process.stderr.write('child_process: ' + process.moduleLoadList.includes('NativeModule child_process') + '\\n'));`;
    const result = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(report)}`, 'bin/virt.js', ...args],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
    );
    expect(result.status).toBe(0);
    return /child_process: (true|false)/.exec(result.stderr)?.[1];
  };

  test('is never loaded by the everyday commands', () => {
    for (const args of [['explain', 'kvm'], ['list'], ['search', 'hypercall'], ['compare', 'full', 'para']])
      expect(loaded(args)).toBe('false');
  });
});

describe('what every command reads from dist/', () => {
  // One byte past ASCII makes Node decode the whole file into a two-byte string, which V8 then reads more
  // slowly. markdown-it's bundle is left out: its own regular expressions hold such characters, and it is
  // loaded only to parse Markdown.
  test('is ASCII: the bundles, the compiled guide and the search data', () => {
    const files = [
      ...readdirSync('dist').filter((name) => /\.(?:cjs|json)$/.test(name)),
      ...readdirSync('dist/lazy')
        .filter((name) => name !== 'markdown.cjs')
        .map((name) => `lazy/${name}`),
      ...readdirSync('dist/topics').map((name) => `topics/${name}`),
    ];
    expect(files).toEqual(expect.arrayContaining(['virt.cjs', 'guide.json', 'search.json', 'lazy/search.cjs']));
    const notAscii = files.filter((file) => readFileSync(join('dist', file)).some((byte) => byte > 0x7f));
    expect(notAscii).toEqual([]);
  });
});

describe('a working directory that was removed', () => {
  test('virt fails nowhere Node itself starts, even with a relative VIRT_CACHE_DIR', () => {
    const parent = mkdtempSync(join(tmpdir(), 'virt-cwd-'));
    const inGone = (command: string) =>
      spawnSync('sh', ['-c', `mkdir gone && cd gone && rmdir ../gone && ${command}`], {
        cwd: parent,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', VIRT_CACHE_DIR: 'relcache' },
      });
    // Node 24 itself cannot start in a removed folder; Node 20 can, and then so must virt.
    const node = inGone(`"${process.execPath}" -e 0`);
    const explained = inGone(`"${process.execPath}" "${join(process.cwd(), 'bin', 'virt.js')}" explain kvm`);
    expect(explained.status).toBe(node.status);
    if (node.status === 0) expect(explained.stdout).toMatch(/^# KVM/);
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe("Node's compile cache (Node 22 and later), in virt's cache folder", () => {
  // On Node 20 virt runs without a compile cache, and these hold trivially; CI runs them on Node 24 too.
  const copyOf = (from: string) => {
    const to = join(mkdtempSync(join(tmpdir(), 'virt-copy-')), 'virt');
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(from, part), join(to, part), { recursive: true });
    return to;
  };
  const search = (copy: string, cache: string) =>
    spawnSync(process.execPath, [join(copy, 'bin', 'virt.js'), 'search', 'zzzzqqq'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', VIRT_CACHE_DIR: cache },
    });

  test('a same-length edit to a bundle, then a copy with cp -a or tar, runs as edited', () => {
    const cache = join(mkdtempSync(join(tmpdir(), 'virt-code-')), 'virt');
    const original = copyOf('.');
    for (let run = 0; run < 2; run++) expect(search(original, cache).stderr).toMatch(/^virt: nothing matches/);
    // Node 22 and later keep compiled code in virt's cache folder; Node 20 has no compile cache at all.
    const compiled = existsSync(join(cache, 'code')) ? readdirSync(join(cache, 'code'), { recursive: true }) : [];
    expect(compiled.length > 0).toBe(Number(process.versions.node.split('.')[0]) >= 22);
    const bundle = join(original, 'dist', 'virt.cjs');
    const text = readFileSync(bundle, 'utf8');
    writeFileSync(bundle, text.replace('nothing matches', 'NOTHING MATCHES'));
    expect(readFileSync(bundle).length).toBe(Buffer.byteLength(text));
    const copied = join(mkdtempSync(join(tmpdir(), 'virt-copy-')), 'virt');
    expect(spawnSync('cp', ['-a', original, copied]).status).toBe(0);
    const untarred = mkdtempSync(join(tmpdir(), 'virt-tar-'));
    expect(spawnSync('sh', ['-c', `tar -C "${original}" -cf - . | tar -C "${untarred}" -xf -`]).status).toBe(0);
    for (const copy of [original, copied, untarred]) {
      const result = search(copy, cache);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^virt: NOTHING MATCHES/);
    }
  });

  test('VIRT_CACHE_DIR= keeps virt from writing any cache, and a cache folder of junk changes nothing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'virt-code-'));
    const off = spawnSync(process.execPath, ['bin/virt.js', 'explain', 'kvm'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', VIRT_CACHE_DIR: '', HOME: folder },
    });
    expect(off.status).toBe(0);
    expect(readdirSync(folder)).toEqual([]);
    const junk = join(folder, 'virt');
    search('.', junk);
    // Node 20 makes no compile cache; on later Nodes every entry is overwritten with junk.
    const code = join(junk, 'code');
    const entries = existsSync(code) ? readdirSync(code, { recursive: true, withFileTypes: true }) : [];
    for (const entry of entries) {
      if (entry.isFile()) writeFileSync(join(entry.parentPath, entry.name), 'not a code cache');
    }
    const intact = virt(['compare', 'full', 'para']);
    const withJunk = spawnSync(process.execPath, ['bin/virt.js', 'compare', 'full', 'para'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', VIRT_CACHE_DIR: junk },
    });
    expect({ status: withJunk.status, stdout: withJunk.stdout, stderr: withJunk.stderr }).toEqual({
      status: 0,
      stdout: intact.stdout,
      stderr: '',
    });
  });
});

describe('exiting as soon as the output has left (src/cli/run.ts)', () => {
  test('a slow reader still gets every byte of a long result, and the status', () => {
    const pack = writeGeneratedPack(500);
    const env = { PATH: process.env.PATH ?? '', VIRT_CACHE_DIR: `${pack}-cache` };
    const command = `node bin/virt.js --content ${pack} list --json`;
    const bytes = spawnSync('sh', ['-c', `${command} | wc -c`], { encoding: 'utf8', env }).stdout.trim();
    expect(Number(bytes)).toBeGreaterThan(100_000);
    const slow = spawnSync('bash', ['-c', `set -o pipefail; ${command} | (sleep 0.4; wc -c); echo "status $?"`], {
      encoding: 'utf8',
      env,
    });
    expect(slow.stdout.trim().split('\n')).toEqual([bytes, 'status 0']);
  });
});
