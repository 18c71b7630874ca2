import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('a pack cache that lost its page files, through the built bundles', () => {
  // The page is read in dist/lazy/packs.cjs and the error judged in dist/virt.cjs, each with its own copy
  // of the error classes: only a run of bin/virt.js shows that the two still agree.
  test('compare, search and explain answer as before, with nothing on stderr', () => {
    const pack = makePack({ 'a.md': packTopic('phi-lab', { body: 'Phi body.\n' }) }, 'healing');
    const env = { VIRT_CACHE_DIR: `${pack}-cache` };
    for (const args of [
      ['compare', 'kvm', 'phi-lab', '--json'],
      ['search', 'phi', 'body'],
      ['explain', 'phi-lab'],
    ]) {
      const whole = virt(['--content', pack, ...args], env);
      expect(whole.status).toBe(0);
      const pages = readdirSync(env.VIRT_CACHE_DIR).find((name) => /^pack-\d+-\d+$/.test(name))!;
      for (const page of readdirSync(join(env.VIRT_CACHE_DIR, pages))) rmSync(join(env.VIRT_CACHE_DIR, pages, page));
      const healed = virt(['--content', pack, ...args], env);
      expect({ status: healed.status, stdout: healed.stdout, stderr: healed.stderr }).toEqual({
        status: 0,
        stdout: whole.stdout,
        stderr: '',
      });
    }
  });
});

describe('the V8 code cache the build records (bin/load-bundle.js)', () => {
  test('the recorded cache of every bundle an everyday command loads is used', () => {
    const check = `
      const { loadBundle, codeCacheUse } = require('./bin/load-bundle.js');
      for (const name of ['virt', 'lazy/rich', 'lazy/search', 'lazy/table', 'lazy/packs']) loadBundle(require('node:path').resolve('dist', name + '.cjs'));
      console.log(JSON.stringify(Object.values(codeCacheUse())));`;
    const result = spawnSync(process.execPath, ['-e', check], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(['used', 'used', 'used', 'used', 'used']);
  });

  test('a bundle written after its cache is hashed: the same text keeps the cache, a same-length edit runs as edited', () => {
    const copy = mkdtempSync(join(tmpdir(), 'virt-code-cache-'));
    for (const part of ['bin', 'dist', 'package.json']) cpSync(part, join(copy, part), { recursive: true });
    const bundle = join(copy, 'dist', 'virt.cjs');
    const text = readFileSync(bundle, 'utf8');
    expect(text).toContain('nothing matches');
    const cacheUse = () => {
      const check = `const { loadBundle, codeCacheUse } = require('./bin/load-bundle.js');
        loadBundle(require('node:path').resolve('dist/virt.cjs'));
        console.log(Object.values(codeCacheUse())[0]);`;
      return spawnSync(process.execPath, ['-e', check], { cwd: copy, encoding: 'utf8' }).stdout.trim();
    };
    // The file system's clock moves in steps of a few milliseconds: each write comes clearly after the last.
    const later = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    later();
    writeFileSync(bundle, text);
    expect(cacheUse()).toBe('used after hashing');
    later();
    writeFileSync(bundle, text.replace('nothing matches', 'NOTHING MATCHES'));
    expect(cacheUse()).toBe('changed');
    const result = spawnSync(process.execPath, [join(copy, 'bin', 'virt.js'), 'search', 'zzzzqqq'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^virt: NOTHING MATCHES/);
  });

  test('a cache that does not fit (another Node, a damaged file) changes nothing a user sees', () => {
    const copy = mkdtempSync(join(tmpdir(), 'virt-code-cache-'));
    for (const part of ['bin', 'dist', 'package.json']) cpSync(part, join(copy, part), { recursive: true });
    for (const folder of ['dist', 'dist/lazy']) {
      for (const file of readdirSync(join(copy, folder)).filter((name) => name.endsWith('.code-cache')))
        writeFileSync(join(copy, folder, file), 'not a code cache');
    }
    for (const args of [
      ['explain', 'paravirtualization'],
      ['search', 'hypercall'],
      ['compare', 'full', 'para', '--color', 'always', '--no-pager'],
    ]) {
      const damaged = spawnSync(process.execPath, [join(copy, 'bin', 'virt.js'), ...args], { encoding: 'utf8' });
      const intact = virt(args);
      expect(damaged.status).toBe(0);
      expect(damaged.stderr).toBe('');
      expect(damaged.stdout).toBe(intact.stdout);
    }
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
