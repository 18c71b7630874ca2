import { describe, expect, test } from '@jest/globals';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readCompiledGuide } from '../../src/content/load-guide.js';
import { loadPack } from '../../src/content/load-pack.js';
import { parseTopic } from '../../src/content/parse-topic.js';
import { packParseCache } from '../../src/store/pack-cache.js';
import { makePack, packTopic } from '../helpers/pack.js';
import { runCli } from '../helpers/run-cli.js';

const freshCache = () => mkdtempSync(join(tmpdir(), 'virt-cache-'));

describe('the cache of parsed packs', () => {
  test('when one file changes, the pages of the others still come from the cache, not from their files', async () => {
    const pack = makePack(
      { 'a.md': packTopic('alpha-lab'), 'b.md': packTopic('beta-lab'), 'c.md': packTopic('gamma-lab') },
      'one-edited',
    );
    const folder = join(freshCache(), 'virt');
    mkdirSync(folder, { mode: 0o700 });
    let parsed = 0;
    const load = () =>
      loadPack(pack, readCompiledGuide()!.guide, {
        cache: packParseCache(folder, '0.0.0-test'),
        parser: async () => (text, origin) => (parsed++, parseTopic(text, origin)),
        baseIdentity: 'the guide beneath',
      });
    await load();
    writeFileSync(join(pack, 'b.md'), packTopic('beta-lab', { body: 'Changed since.\n' }));
    parsed = 0;
    const loaded = await load();
    const pages = await Promise.all([...loaded.pages.values()].map((page) => page()));
    expect(parsed).toBe(1);
    expect(JSON.stringify(pages)).toContain('Changed since.');
    expect(JSON.stringify(pages)).toContain('What the course says about gamma-lab.');
  });

  test('a second run answers the same from the cache, and picks up a changed, added or removed file', async () => {
    const pack = makePack(
      { 'a.md': packTopic('alpha-lab', { body: 'First version of the lab.\n' }), 'b.md': packTopic('beta-lab') },
      'cached',
    );
    const env = { VIRT_CACHE_DIR: freshCache() };
    const first = await runCli(['--content', pack, 'explain', 'alpha-lab'], { env });
    expect(first.stdout).toContain('First version of the lab.');
    expect(readdirSync(env.VIRT_CACHE_DIR).some((name) => name.startsWith('pack-'))).toBe(true);
    expect(await runCli(['--content', pack, 'explain', 'alpha-lab'], { env })).toEqual(first);

    writeFileSync(join(pack, 'a.md'), packTopic('alpha-lab', { body: 'Second, longer version of the lab.\n' }));
    utimesSync(join(pack, 'a.md'), new Date(), new Date(Date.now() + 5000));
    expect((await runCli(['--content', pack, 'explain', 'alpha-lab'], { env })).stdout).toContain(
      'Second, longer version of the lab.',
    );
    expect((await runCli(['--content', pack, 'search', 'longer', 'lab'], { env })).stdout).toMatch(/^alpha-lab\t/m);

    writeFileSync(join(pack, 'c.md'), packTopic('gamma-lab'));
    expect((await runCli(['--content', pack, 'explain', 'gamma-lab'], { env })).code).toBe(0);
    rmSync(join(pack, 'b.md'));
    expect((await runCli(['--content', pack, 'explain', 'beta-lab'], { env })).code).toBe(1);
    expect((await runCli(['--content', pack, 'list'], { env })).stdout).not.toMatch(/^beta-lab\t/m);
  });

  test('a file broken after it was cached is reported again', async () => {
    const pack = makePack({ 'a.md': packTopic('delta-lab') }, 'breaking');
    const env = { VIRT_CACHE_DIR: freshCache() };
    expect((await runCli(['--content', pack, 'list'], { env })).code).toBe(0);
    writeFileSync(join(pack, 'a.md'), '---\nid: [broken\n---\n');
    utimesSync(join(pack, 'a.md'), new Date(), new Date(Date.now() + 5000));
    const broken = await runCli(['--content', pack, 'list'], { env });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/breaking\/a\.md:2: malformed metadata/);
    expect((await runCli(['--content', pack, 'list'], { env })).code).toBe(2);
  });

  test('a cache folder that cannot be written is no error, and VIRT_CACHE_DIR= turns the cache off', async () => {
    const pack = makePack({ 'a.md': packTopic('epsilon-lab') }, 'nocache');
    const blocked = join(freshCache(), 'file-not-folder');
    writeFileSync(blocked, 'x');
    for (const env of [{ VIRT_CACHE_DIR: blocked }, { VIRT_CACHE_DIR: '' }]) {
      const result = await runCli(['--content', pack, 'explain', 'epsilon-lab'], { env });
      expect(result).toMatchObject({ code: 0, stderr: '' });
    }
  });

  test('a file rewritten with the same size and modification time is parsed again', async () => {
    const pack = makePack({ 'a.md': packTopic('mu-lab', { body: 'Teh body text.\n' }) }, 'stamped');
    const env = { VIRT_CACHE_DIR: freshCache() };
    // As npm and tar leave them: every file with one fixed modification time.
    const packed = new Date('1985-10-26T08:15:00Z');
    utimesSync(join(pack, 'a.md'), packed, packed);
    expect((await runCli(['--content', pack, 'explain', 'mu-lab'], { env })).stdout).toContain('Teh body text.');
    const parsedAt = statSync(join(pack, 'a.md')).ctimeMs;
    // The file system's clock moves in steps of a few milliseconds: the rewrite comes clearly after the parse.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    writeFileSync(join(pack, 'a.md'), packTopic('mu-lab', { body: 'The body text.\n' }));
    utimesSync(join(pack, 'a.md'), packed, packed);
    expect(statSync(join(pack, 'a.md')).ctimeMs).not.toBe(parsedAt);
    expect((await runCli(['--content', pack, 'explain', 'mu-lab'], { env })).stdout).toContain('The body text.');
  });

  test('the same pack named two ways shares one cache, and messages follow the name used', async () => {
    const pack = makePack({ 'a.md': packTopic('nu-lab', { related: ['no-such-lab'] }) }, 'spelled');
    const env = { VIRT_CACHE_DIR: freshCache() };
    const otherSpelling = relative(process.cwd(), pack);
    const problem = (folder: string) => `${folder}/a.md:6: related topic "no-such-lab" does not exist`;
    expect((await runCli(['--content', pack, 'list'], { env })).stderr).toContain(problem(pack));
    const index = join(
      env.VIRT_CACHE_DIR,
      readdirSync(env.VIRT_CACHE_DIR).find((name) => /^pack-[0-9a-f]{16}\.json$/.test(name))!,
    );
    const saved = readFileSync(index, 'utf8');
    expect((await runCli(['--content', otherSpelling, 'list'], { env })).stderr).toContain(problem(otherSpelling));
    expect(readFileSync(index, 'utf8')).toBe(saved);
    expect((await runCli(['--content', pack, 'list'], { env })).stderr).toContain(problem(pack));
  });

  test('a pack is checked again when a pack beneath it changes a name, not only an id', async () => {
    const lower = makePack({ 'a.md': packTopic('pi-lab') }, 'lower');
    const upper = makePack({ 'b.md': packTopic('rho-lab', { aliases: ['shared lab'] }) }, 'upper');
    const env = { VIRT_CACHE_DIR: freshCache() };
    const both = ['--content', lower, '--content', upper, 'list'];
    expect((await runCli(both, { env })).code).toBe(0);
    writeFileSync(join(lower, 'a.md'), packTopic('pi-lab', { aliases: ['shared lab'] }));
    const clash = await runCli(both, { env });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/upper\/b\.md:\d+: name "shared lab" of "rho-lab" is already claimed by "pi-lab"/);
  });

  test('a relative VIRT_CACHE_DIR works like the same folder named in full', async () => {
    const pack = makePack({ 'a.md': packTopic('sigma-lab', { body: 'Sigma body.\n' }) }, 'relative');
    const env = { VIRT_CACHE_DIR: relative(process.cwd(), join(freshCache(), 'virt')) };
    expect((await runCli(['--content', pack, 'explain', 'sigma-lab'], { env })).stdout).toContain('Sigma body.');
    expect((await runCli(['--content', pack, 'explain', 'sigma-lab'], { env })).stdout).toContain('Sigma body.');
    expect(readdirSync(env.VIRT_CACHE_DIR).some((name) => /^pack-[0-9a-f]{16}\.json$/.test(name))).toBe(true);
  });
  test("a pack's messages name the pack beneath it as this command named it", async () => {
    const lower = makePack({ 'a.md': packTopic('tau-lab', { aliases: ['shared tau'] }) }, 'lower');
    const upper = makePack({ 'b.md': packTopic('upsilon-lab', { aliases: ['shared tau'] }) }, 'upper');
    const env = { VIRT_CACHE_DIR: freshCache() };
    const claimed = (folder: string) => `already claimed by "tau-lab" (${folder}/a.md:`;
    expect((await runCli(['--content', lower, '--content', upper, 'list'], { env })).stderr).toContain(claimed(lower));
    const otherSpelling = relative(process.cwd(), lower);
    expect((await runCli(['--content', otherSpelling, '--content', upper, 'list'], { env })).stderr).toContain(
      claimed(otherSpelling),
    );
  });
});
