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
import { join, relative, resolve } from 'node:path';
import type { Choice } from '../../src/prompts/prompts.js';
import { ensureCacheFolder, pruneUnusedCaches, UNUSED_FOR } from '../../src/content/cache-files.js';
import { cacheDirectory } from '../../src/content/paths.js';
import { makePack, packTopic } from '../helpers/pack.js';
import { runCli } from '../helpers/run-cli.js';

const freshCache = () => mkdtempSync(join(tmpdir(), 'virt-cache-'));

describe('the cache of parsed packs', () => {
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

  test('topics restored from the cache show exactly what their parse showed, in every output', async () => {
    const method = packTopic('lab-method', {
      title: 'Lab method',
      related: ['kvm', 'lab-other'],
      extra: ['tags: [labs]', 'attributes:', '  guest-modified: {value: "No", why: "The lab guest runs unmodified."}'],
      body: 'Intro of the lab method.\n\n## Steps\n\n- one\n- two\n',
    });
    const pack = makePack(
      { 'method.md': method, 'other.md': packTopic('lab-other', { related: ['lab-other'] }) },
      'restored',
    );
    const commands = [
      ['explain', 'lab-method'],
      ['explain', 'lab-method', '--json'],
      ['explain', 'lab-method', '--color', 'always', '--no-pager'],
      ['compare', 'lab-method', 'kvm'],
      ['list', '@labs'],
      ['lint', pack],
    ];
    const uncached = await Promise.all(
      commands.map((args) => runCli(['--content', pack, ...args], { env: { VIRT_CACHE_DIR: '' } })),
    );
    const env = { VIRT_CACHE_DIR: freshCache() };
    await runCli(['--content', pack, 'list'], { env });
    for (const [index, args] of commands.entries()) {
      const cached = await runCli(['--content', pack, ...args], { env });
      expect({ args, ...cached }).toEqual({ args, ...uncached[index] });
    }
    expect(uncached[0]!.stdout).toMatch(/Intro of the lab method[\s\S]*lab-other/);
    expect(uncached[5]!.stdout + uncached[5]!.stderr).toMatch(/lists itself as related/);
  });

  test('page files missing from the cache are made again, and the command answers as if nothing happened', async () => {
    const pack = makePack(
      { 'a.md': packTopic('zeta-lab', { body: 'Zeta body.\n' }), 'b.md': packTopic('zeta-other') },
      'pages',
    );
    const env = { VIRT_CACHE_DIR: freshCache() };
    expect((await runCli(['--content', pack, 'list'], { env })).code).toBe(0);
    const pages = join(
      env.VIRT_CACHE_DIR,
      readdirSync(env.VIRT_CACHE_DIR).find((name) => name.startsWith('pack-') && !name.endsWith('.json'))!,
    );
    const removeAll = () => readdirSync(pages).forEach((page) => rmSync(join(pages, page)));
    removeAll();
    expect(await runCli(['--content', pack, 'explain', 'zeta-lab'], { env })).toEqual({
      code: 0,
      stdout: expect.stringContaining('Zeta body.'),
      stderr: '',
    });
    expect(readdirSync(pages)).toHaveLength(2);
    removeAll();
    // A note the command writes before it meets the damage is written once, not once per attempt.
    const guessed = await runCli(['--content', pack, 'explain', 'zeta-lbb'], { env });
    expect(guessed.stdout).toContain('Zeta body.');
    expect(guessed.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^virt: no topic "zeta-lbb"; showing/)]);
    for (const args of [
      ['compare', 'kvm', 'zeta-lab', '--json'],
      ['search', 'zeta', 'body'],
    ]) {
      const whole = await runCli(['--content', pack, ...args], { env });
      expect(whole.code).toBe(0);
      removeAll();
      expect(await runCli(['--content', pack, ...args], { env })).toEqual(whole);
    }
  });

  test('a damaged cache met after a result was written is one line, and the next run is whole', async () => {
    const pack = makePack({ 'a.md': packTopic('omicron-lab', { body: 'Omicron body.\n' }) }, 'late');
    const env = { VIRT_CACHE_DIR: freshCache(), NO_COLOR: '1' };
    // A search caches the index, so the menu below reads no page of the pack before it opens one.
    expect((await runCli(['--content', pack, 'search', 'omicron'], { env })).code).toBe(0);
    const pages = join(
      env.VIRT_CACHE_DIR,
      readdirSync(env.VIRT_CACHE_DIR).find((name) => name.startsWith('pack-') && !name.endsWith('.json'))!,
    );
    for (const page of readdirSync(pages)) rmSync(join(pages, page));
    // In the menu, a built-in page is shown first; the pack's page, asked for next, is the damaged one.
    const found = ['paravirtualization', 'omicron-lab'];
    const quit = () => Promise.reject(Object.assign(new Error('no more answers'), { name: 'ExitPromptError' }));
    const prompts = {
      search: () => (found.length ? Promise.resolve(found.shift()!) : quit()),
      select: (_: string, choices: Choice[]) =>
        found.length
          ? Promise.resolve(choices.find((choice) => choice.name === 'Search for another topic')!.value)
          : quit(),
      checkbox: quit,
    };
    const result = await runCli(['--content', pack, 'menu'], { env, tty: true, columns: 100, prompts });
    expect(result.stdout).toMatch(/Paravirtualization/);
    expect(result.stdout).not.toMatch(/Omicron body/);
    expect(result.stderr).toBe(
      'virt: part of the cache of pack "late" was missing, so it has been cleared; run the command again\n',
    );
    expect(result.code).toBe(2);
    expect((await runCli(['--content', pack, 'explain', 'omicron-lab'], { env })).stdout).toContain('Omicron body.');
  });

  test('a damaged cache index means checking the pack again, not a wrong guide', async () => {
    const pack = makePack(
      {
        'a.md': packTopic('eta-lab'),
        'b.md': packTopic('theta-lab', { extra: ['overrides: true'] }).replace('id: theta-lab', 'id: kvm'),
      },
      'damaged',
    );
    const env = { VIRT_CACHE_DIR: freshCache() };
    const first = await runCli(['--content', pack, 'list'], { env });
    expect(first.code).toBe(0);
    const index = readdirSync(env.VIRT_CACHE_DIR).find((name) => name.endsWith('.json'))!;
    const data = JSON.parse(readFileSync(join(env.VIRT_CACHE_DIR, index), 'utf8'));
    for (const order of [[0, 99999], 'not a list']) {
      writeFileSync(join(env.VIRT_CACHE_DIR, index), JSON.stringify({ ...data, checked: { ...data.checked, order } }));
      expect(await runCli(['--content', pack, 'list'], { env })).toEqual(first);
    }
    expect((await runCli(['--content', pack, 'explain', 'kvm'], { env })).stdout).toMatch(/^# Pack topic theta-lab/);
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
      readdirSync(env.VIRT_CACHE_DIR).find((name) => name.endsWith('.json'))!,
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
    expect(readdirSync(env.VIRT_CACHE_DIR).some((name) => /^pack-\d+-\d+\.json$/.test(name))).toBe(true);
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

  test('the cache folder is always absolute, and a relative XDG_CACHE_HOME is ignored as the XDG rules say', () => {
    expect(cacheDirectory({ VIRT_CACHE_DIR: 'relcache', HOME: '/home/ana' })).toBe(resolve('relcache'));
    expect(cacheDirectory({ HOME: 'relhome' })).toBe(resolve('relhome', '.cache', 'virt'));
    expect(cacheDirectory({ XDG_CACHE_HOME: 'relxdg', HOME: '/home/ana' })).toBe('/home/ana/.cache/virt');
    expect(cacheDirectory({ XDG_CACHE_HOME: '/var/cache/ana', HOME: '/home/ana' })).toBe('/var/cache/ana/virt');
    expect(cacheDirectory({ VIRT_CACHE_DIR: '', HOME: '/home/ana' })).toBeUndefined();
  });

  test('caches unused for a month are removed when another is written; a cache that is read stays', async () => {
    const env = { VIRT_CACHE_DIR: join(freshCache(), 'virt') };
    const cacheFiles = () =>
      readdirSync(env.VIRT_CACHE_DIR)
        .filter((name) => name !== 'CACHEDIR.TAG')
        .sort();
    const monthsAgo = new Date(Date.now() - UNUSED_FOR - 24 * 60 * 60 * 1000);
    const age = (names: string[]) =>
      names.forEach((name) => utimesSync(join(env.VIRT_CACHE_DIR, name), monthsAgo, monthsAgo));

    const gone = makePack({ 'a.md': packTopic('iota-lab') }, 'gone');
    expect((await runCli(['--content', gone, 'search', 'iota'], { env })).code).toBe(0);
    const goneFiles = cacheFiles();
    expect(goneFiles).toEqual([
      expect.stringMatching(/^pack-[^.]+$/),
      expect.stringMatching(/^pack-.+\.json$/),
      'search-gone.bin',
    ]);
    age(goneFiles);

    const used = makePack({ 'a.md': packTopic('kappa-lab') }, 'used');
    expect((await runCli(['--content', used, 'list'], { env })).code).toBe(0);
    const usedFiles = cacheFiles().filter((name) => !goneFiles.includes(name));
    age(usedFiles);
    // Reading the used pack's cache marks it as used again, so the next write keeps it.
    expect((await runCli(['--content', used, 'explain', 'kappa-lab'], { env })).code).toBe(0);
    expect(
      Date.now() -
        statSync(
          join(
            env.VIRT_CACHE_DIR,
            usedFiles.find((name) => name.endsWith('.json'))!,
          ),
        ).mtimeMs,
    ).toBeLessThan(60_000);

    const fresh = makePack({ 'a.md': packTopic('lambda-lab') }, 'fresh');
    expect((await runCli(['--content', fresh, 'list'], { env })).code).toBe(0);
    const left = cacheFiles();
    expect(left.filter((name) => goneFiles.includes(name))).toEqual([]);
    expect(left.filter((name) => name.endsWith('.json'))).toHaveLength(2);
    // A pruned pack only parses again.
    expect((await runCli(['--content', gone, 'explain', 'iota-lab'], { env })).stdout).toMatch(
      /^# Pack topic iota-lab/,
    );
  });

  test("pruning leaves what is recent or not virt's, a page folder whose index is there, and folders virt did not make", () => {
    const now = Date.now();
    const old = new Date(now - UNUSED_FOR - 1000);
    const fill = (folder: string) => {
      const make = (name: string, kind: 'file' | 'folder' = 'file') => {
        const path = join(folder, name);
        if (kind === 'folder') mkdirSync(path);
        else writeFileSync(path, '{}');
        utimesSync(path, old, old);
      };
      make('pack-1-2.json');
      make('pack-1-2', 'folder');
      make('pack-1-2/0123456789abcdef.json');
      make('pack-3-4', 'folder'); // its index was written recently
      writeFileSync(join(folder, 'pack-3-4.json'), '{}');
      make('pack-5-6', 'folder'); // no index at all
      make('search-a+b.bin');
      make('pack-7-8.json.123.tmp');
      writeFileSync(join(folder, 'search-new.bin'), '');
      // Not virt's: a shared folder's own files, whatever their names look like.
      make('notes.txt');
      make('pack-list.json');
      make('search-notes', 'folder');
      make('search-notes/todo.txt');
      make('pack-9-9', 'folder');
      make('pack-9-9/mine.txt');
    };
    const virts = join(freshCache(), 'virt');
    ensureCacheFolder(virts);
    fill(virts);
    pruneUnusedCaches(virts, now);
    expect(readdirSync(virts).sort()).toEqual([
      'CACHEDIR.TAG',
      'notes.txt',
      'pack-3-4',
      'pack-3-4.json',
      'pack-9-9',
      'pack-list.json',
      'search-new.bin',
      'search-notes',
    ]);
    expect(readdirSync(join(virts, 'pack-9-9'))).toEqual(['mine.txt']);

    const shared = freshCache();
    fill(shared);
    const before = readdirSync(shared).sort();
    pruneUnusedCaches(shared, now);
    expect(readdirSync(shared).sort()).toEqual(before);
  });
});
