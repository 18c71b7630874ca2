import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePack, packTopic } from '../helpers/pack.js';
import { runCli } from '../helpers/run-cli.js';

/** Each bad pack must give exit 2 and exactly one line naming the file, and no stack trace. */
async function expectOneLineError(dir: string, pattern: RegExp) {
  const result = await runCli(['--content', dir, 'list']);
  expect(result).toMatchObject({ code: 2, stdout: '' });
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('bad content gives one line naming the file, exit 2', () => {
  test('a missing folder', async () => {
    await expectOneLineError(
      '/nonexistent/virt-pack',
      /^virt: invalid content: \/nonexistent\/virt-pack: no such folder; check the path given to --content/,
    );
  });

  test('a file instead of a folder', async () => {
    const dir = makePack({ 'a.md': packTopic('a') });
    await expectOneLineError(join(dir, 'a.md'), /a\.md: expected a folder of Markdown topic files, found a file/);
  });

  test('an unreadable file (a dangling link)', async () => {
    const dir = makePack({ 'ok.md': packTopic('fine') });
    symlinkSync('/nonexistent/target', join(dir, 'gone.md'));
    await expectOneLineError(dir, /gone\.md: cannot read this file \(ENOENT\)/);
  });

  test('a FIFO named like a topic does not hang the read', async () => {
    const dir = makePack({ 'ok.md': packTopic('fine') });
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    await expectOneLineError(dir, /pipe\.md: expected a regular file, found a special file/);
  });

  test('a file that is not UTF-8', async () => {
    const dir = makePack({
      'latin1.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x69, 0x64, 0x3a, 0x20, 0xe9, 0xe8, 0x0a]),
    });
    await expectOneLineError(dir, /latin1\.md: expected UTF-8 text, found bytes that are not UTF-8/);
  });

  test('an empty file', async () => {
    await expectOneLineError(makePack({ 'empty.md': '' }), /empty\.md:1: expected a topic .* found an empty file/);
  });

  test('a 5 MB file is refused without being parsed', async () => {
    const dir = makePack({ 'huge.md': packTopic('huge', { body: 'word '.repeat(1024 * 1024) }) });
    await expectOneLineError(
      dir,
      /huge\.md: file is 5\.0 MB; a topic file may be at most 128 KB, split it into topics/,
    );
  });

  test('metadata of the wrong type', async () => {
    await expectOneLineError(
      makePack({ 'list.md': '---\n- id\n- title\n---\n' }),
      /list\.md:2: expected the metadata to be a map of keys/,
    );
    await expectOneLineError(
      makePack({
        'deep.md': packTopic('deep', {
          extra: ['attributes:', '  isolation: {value: {a: {b: {c: {d: {e: {f: {g: {h: {i: deep}}}}}}}}}}'],
        }),
      }),
      /deep\.md:\d+: expected attribute "isolation" to be a string or \{value, why\}/,
    );
  });

  test('content nested ten levels deep still loads', async () => {
    const quotes = Array.from({ length: 10 }, (_, i) => `${'>'.repeat(i + 1)} level ${i + 1}`).join('\n');
    const lists = Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}- item ${i + 1}`).join('\n');
    const dir = makePack({
      'nested.md': packTopic('deep-nesting', {
        body: `Intro\n\n${quotes}\n\n${lists}\n\n## A\n\n### B\n\n#### C\n\n##### D\n\n###### E\n`,
      }),
    });
    const result = await runCli(['--content', dir, 'explain', 'deep-nesting', '--width', '40']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('level 10');
    expect(result.stdout).toContain('- item 10');
  });

  test('thousands of nested quotes are an error, not a crash', async () => {
    const dir = makePack({ 'abyss.md': packTopic('abyss', { body: `${'>'.repeat(20000)} deep\n` }) });
    const result = await runCli(['--content', dir, 'list']);
    expect([0, 2]).toContain(result.code);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('folders that would never end', () => {
  test('a symbolic link back up the tree is reported once, not followed round', async () => {
    const dir = makePack({ 'a.md': packTopic('loop-lab') }, 'looping');
    symlinkSync('.', join(dir, 'again'));
    const lint = await runCli(['lint', dir]);
    expect(lint.code).toBe(2);
    expect(lint.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/looping\/again: this folder is a link to a folder already read/),
    ]);
  });

  test('a folder with more entries than any guide stops with a hint', async () => {
    const dir = makePack({ 'a.md': packTopic('big-lab') }, 'huge-tree');
    for (let i = 0; i < 20_050; i++) writeFileSync(join(dir, `n${i}.txt`), '');
    const result = await runCli(['--content', dir, 'list']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^virt: invalid content: .*huge-tree: more than 20000 entries; is this the right folder\?/,
    );
  });
});
