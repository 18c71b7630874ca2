import { describe, expect, test } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentProblem } from '../../src/errors.js';
import { listGuideFiles, readFoundFile } from '../../src/content/read-files.js';
import { makePack, makeTemporaryFolder, packTopic } from '../helpers/pack.js';
import { runCli } from '../helpers/run-cli.js';

describe('a special file swapped in after the folder was listed', () => {
  test('a FIFO is refused at once, not waited on', () => {
    const dir = makePack({ 'a.md': packTopic('swapped') });
    const { files, problems } = listGuideFiles(dir);
    expect(files.map((file) => file.isFile)).toEqual([true]);
    const path = join(dir, 'a.md');
    rmSync(path);
    execFileSync('mkfifo', [path]);
    // Should the read block, a writer comes after a few seconds, so the test fails instead of hanging.
    const writer = spawn('sh', ['-c', 'sleep 5; printf x > "$0"', path], { stdio: 'ignore', detached: true });
    try {
      expect(readFoundFile(files[0]!, problems)).toBeUndefined();
      expect(problems).toEqual([
        {
          file: files[0]!.display,
          line: 0,
          message: expect.stringMatching(/^expected a regular file, found a special file/),
        },
      ]);
    } finally {
      process.kill(-writer.pid!, 'SIGKILL');
    }
  });

  test('a link to outside the folder swapped in is refused, and its target is not read', () => {
    const outside = makeTemporaryFolder();
    writeFileSync(join(outside, 'secret.md'), 'SECRET-SWAPPED\n');
    const dir = makePack({ 'a.md': packTopic('swapped-link') });
    const { files } = listGuideFiles(dir);
    rmSync(join(dir, 'a.md'));
    symlinkSync(join(outside, 'secret.md'), join(dir, 'a.md'));
    const problems: ContentProblem[] = [];
    expect(readFoundFile(files[0]!, problems)).toBeUndefined();
    expect(problems).toEqual([
      {
        file: files[0]!.display,
        line: 0,
        message: expect.stringMatching(/symbolic link to a file outside the pack folder/),
      },
    ]);
  });
});

describe('symbolic links out of a pack are refused without reading what they lead to', () => {
  const outside = makeTemporaryFolder();
  writeFileSync(join(outside, 'credentials'), 'https://someone:SECRET-TOKEN-ONE@example.org\n');
  writeFileSync(
    join(outside, 'topic.md'),
    packTopic('borrowed', { title: 'SECRET-TOKEN-TWO', body: 'SECRET-TOKEN-THREE in the body.\n' }),
  );
  mkdirSync(join(outside, 'folder'));
  writeFileSync(join(outside, 'folder', 'deep.md'), packTopic('deep', { body: 'SECRET-TOKEN-FOUR\n' }));
  const dir = makePack({ 'fine.md': packTopic('fine-topic'), '.drafts/kept.md': packTopic('kept-inside') }, 'linked');
  symlinkSync(join(outside, 'credentials'), join(dir, 'credentials.md'));
  symlinkSync(join(outside, 'topic.md'), join(dir, 'borrowed.md'));
  symlinkSync(join(outside, 'folder'), join(dir, 'more'));
  symlinkSync('/proc/self/environ', join(dir, 'environ.md'));
  // A link that stays inside the pack is followed as before.
  symlinkSync(join('.drafts', 'kept.md'), join(dir, 'inside.md'));
  const linkLine = (name: string, kind: string) =>
    expect.stringMatching(
      new RegExp(
        `linked/${name}: this is a symbolic link to a ${kind} outside the pack folder, which virt does not follow`,
      ),
    );

  test('lint names each link in one line and shows none of their content', async () => {
    const result = await runCli(['lint', dir]);
    expect(result.code).toBe(2);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      linkLine('borrowed\\.md', 'file'),
      linkLine('credentials\\.md', 'file'),
      linkLine('environ\\.md', 'file'),
      linkLine('more', 'folder'),
    ]);
  });

  test.each([
    ['lint', (d: string) => ['lint', d]],
    ['lint --json', (d: string) => ['lint', d, '--json']],
    ['lint of the packs in use', () => ['lint']],
    ['list', (d: string) => ['--content', d, 'list']],
    ['explain', (d: string) => ['--content', d, 'explain', 'borrowed']],
    ['search', (d: string) => ['--content', d, 'search', 'secret', '--json']],
  ])('%s never prints a secret', async (_name, args) => {
    const result = await runCli(args(dir), { env: { VIRT_CONTENT_PATH: dir } });
    expect(result.code).toBe(2);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/SECRET-TOKEN|PATH=|HOME=/);
  });

  test('with the links gone, the topic reached by a link inside the pack loads', async () => {
    const clean = makePack(
      { 'fine.md': packTopic('fine-topic'), '.drafts/kept.md': packTopic('kept-inside') },
      'inside',
    );
    symlinkSync(join('.drafts', 'kept.md'), join(clean, 'inside.md'));
    const result = await runCli(['--content', clean, 'explain', 'kept-inside']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Pack topic kept-inside');
  });
});

describe('symbolic link loops are reported as loops', () => {
  test('two links to each other, and one to itself', async () => {
    const dir = makePack({ 'fine.md': packTopic('fine-topic') }, 'loops');
    symlinkSync('b.md', join(dir, 'a.md'));
    symlinkSync('a.md', join(dir, 'b.md'));
    symlinkSync('self.md', join(dir, 'self.md'));
    const result = await runCli(['lint', dir]);
    expect(result.code).toBe(2);
    const loop = (name: string) =>
      expect.stringMatching(new RegExp(`loops/${name}: this is a loop of symbolic links .*; remove the link$`));
    expect(result.stdout.trimEnd().split('\n')).toEqual([loop('a\\.md'), loop('b\\.md'), loop('self\\.md')]);
  });
});
