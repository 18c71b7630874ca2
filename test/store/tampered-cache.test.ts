import { describe, expect, test } from '@jest/globals';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCompiledGuide } from '../../src/content/load-guide.js';
import { loadPack } from '../../src/content/load-pack.js';
import { parseTopic } from '../../src/content/parse-topic.js';
import { packParseCache } from '../../src/store/pack-cache.js';
import { pruneCache, UNUSED_FOR } from '../../src/store/prune.js';
import { makePack, packTopic } from '../helpers/pack.js';
import { runCli, withoutOwnEscapes } from '../helpers/run-cli.js';

/** The version runCli gives virt, which the pack cache's key names. */
const VERSION = '0.0.0-test';
const scratch = () => mkdtempSync(join(tmpdir(), 'virt-attack-'));
const cacheFiles = (folder: string) => readdirSync(folder).filter((name) => /^pack-[0-9a-f]{16}\.json$/.test(name));

/** A pack, explained once so its cache exists: the page's true text, and where its cache is. */
async function cachedPack(name: string) {
  const pack = makePack({ 'a.md': packTopic('omega-lab', { body: 'The true page.\n' }) }, name);
  const env = { VIRT_CACHE_DIR: join(scratch(), 'virt') };
  const truth = await runCli(['--content', pack, 'explain', 'omega-lab'], { env });
  expect(truth).toMatchObject({ code: 0, stderr: '' });
  const [file] = cacheFiles(env.VIRT_CACHE_DIR);
  return { pack, env, truth, cacheFile: join(env.VIRT_CACHE_DIR, file!) };
}

/** What a stranger would write: the cached parses, each with its page, changed by `edit`, with valid checksums. */
function rewriteCache(folder: string, pack: string, edit: (parses: Record<string, any>[]) => void) {
  const cache = packParseCache(folder, VERSION);
  const kept = cache.read(realpathSync(pack))!;
  const value = kept.value as { parses: Record<string, any>[] };
  const parses = value.parses.map((entry, at) => ({ ...entry, page: kept.page(at) }));
  edit(parses);
  cache.write(
    realpathSync(pack),
    {
      ...value,
      parses: parses.map((entry) => Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'page'))),
    } as never,
    parses.map((entry) => entry.page as string),
  );
}

/** What a stranger would write: what the cache keeps of the pack besides its pages, changed by `edit`. */
function rewriteKept(folder: string, pack: string, edit: (value: Record<string, any>) => void) {
  const cache = packParseCache(folder, VERSION);
  const kept = cache.read(realpathSync(pack))!;
  const value = kept.value as Record<string, any>;
  edit(value);
  cache.write(
    realpathSync(pack),
    value as never,
    value.parses.map((_: unknown, at: number) => kept.page(at)!),
  );
}

describe('a pack cache that someone tampered with', () => {
  test('escape sequences written into a cached title never reach the terminal', async () => {
    const { pack, env } = await cachedPack('escapes');
    rewriteCache(env.VIRT_CACHE_DIR, pack, (parses) => {
      parses[0]!.parsed.topic.title = 'Owned\u001b]52;c;ZXZpbA==\u0007\u001b]0;title\u0007\u009b2J';
    });
    for (const mode of [[], ['--color', 'always'], ['--json']]) {
      const result = await runCli(['--content', pack, 'explain', 'omega-lab', ...mode], { env, tty: true });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Owned');
      expect(withoutOwnEscapes(result.stdout)).not.toMatch(/\u001b\]|\u009b|\u0007/);
    }
  });

  test('a parseable cache with a field of the wrong shape is parsed again, and the page is true', async () => {
    const { pack, env, truth } = await cachedPack('shapes');
    for (const damage of [
      (p: any) => (p.parsed.topic.sources = null),
      (p: any) => (p.page = JSON.stringify({ intro: [{ kind: 'script', text: 'x' }], sections: [] })),
      (p: any) => (p.page = '{"intro": [], "sections": [], "__proto__": {"polluted": true}}'),
      (p: any) => (p.page = '{not json'),
      (p: any) => (p.parsed.topic.attributes = null),
      (p: any) => (p.parsed.topic.attributes = { constructor: { value: 'x' } }),
      (p: any) => (p.parsed.topic.sources = [{ title: 'Secrets', url: 'file:///etc/shadow' }]),
      (p: any) => (p.parsed.topic.parent = '../../etc'),
      (p: any) => (p.parsed.topic.related = ['Not An Id']),
      (p: any) => (p.size = 1e12),
      (p: any) =>
        (p.page = JSON.stringify({
          intro: [{ kind: 'list', ordered: false, items: [{ spans: [], depth: 2e8 }] }],
          sections: [],
        })),
      (p: any) => (p.page = JSON.stringify({ intro: [], sections: [{ heading: 'Deep', level: 99, blocks: [] }] })),
      (p: any) => (p.parsed.topic.id = '../../etc'),
      (p: any) => (p.parsed.lines = { ['__proto__']: 1, id: 'x' }),
    ]) {
      rewriteCache(env.VIRT_CACHE_DIR, pack, (parses) => damage(parses[0]));
      expect(await runCli(['--content', pack, 'explain', 'omega-lab'], { env })).toEqual(truth);
      expect((await runCli(['--content', pack, 'lint'], { env })).code).toBe(0);
    }
  });

  test('a cache that is whole and checks out is what virt reads (the pack is not parsed again)', async () => {
    const { pack, env } = await cachedPack('hit');
    rewriteCache(env.VIRT_CACHE_DIR, pack, (parses) => {
      parses[0]!.page = JSON.stringify({
        intro: [{ kind: 'paragraph', spans: [{ kind: 'text', text: 'Served from the cache.' }] }],
        sections: [],
      });
    });
    expect((await runCli(['--content', pack, 'explain', 'omega-lab'], { env })).stdout).toContain(
      'Served from the cache.',
    );
  });

  test('every flipped byte of the cache file still shows the true page, with exit 0', async () => {
    const { pack, env, truth, cacheFile } = await cachedPack('flips');
    const original = readFileSync(cacheFile);
    // Spread over the header, the checksum and the JSON: fixed places, so every run tries the same ones.
    const places = Array.from({ length: 60 }, (_, i) => Math.floor((i * original.length) / 60));
    for (const at of places) {
      const damaged = Buffer.from(original);
      damaged[at] = damaged[at]! ^ (1 << (at % 8));
      writeFileSync(cacheFile, damaged);
      expect(await runCli(['--content', pack, 'explain', 'omega-lab'], { env })).toEqual(truth);
    }
  });

  test('kept checks that would hide a topic, show one twice or name none are made again', async () => {
    const pack = makePack({ 'a.md': packTopic('omega-lab'), 'b.md': packTopic('psi-lab') }, 'checked');
    const env = { VIRT_CACHE_DIR: join(scratch(), 'virt') };
    const truth = await runCli(['--content', pack, 'list'], { env });
    expect(truth.stdout).toMatch(/^omega-lab\t[\s\S]*^psi-lab\t/m);
    for (const damage of [
      (check: any) => check.order.pop(),
      (check: any) => check.order.push(check.order[0]),
      (check: any) => (check.order[0] = 1e6),
      (check: any) => (check.order = null),
      (check: any) => (check.warnings = [{ entry: -1, line: 1, message: 'x' }]),
    ]) {
      rewriteKept(env.VIRT_CACHE_DIR, pack, (value) => {
        expect(value.check).toBeDefined();
        damage(value.check);
      });
      expect(await runCli(['--content', pack, 'list'], { env })).toEqual(truth);
    }
  });

  test('warnings kept with the checks come back cleaned, as the pack itself could give them', async () => {
    const pack = makePack({ 'a.md': packTopic('omega-lab', { related: ['omega-lab'] }) }, 'warned');
    const folder = join(scratch(), 'virt');
    mkdirSync(folder, { mode: 0o700 });
    const load = () =>
      loadPack(pack, readCompiledGuide()!.guide, {
        cache: packParseCache(folder, VERSION),
        parser: async () => parseTopic,
        baseIdentity: 'the guide beneath',
      });
    const fresh = await load();
    expect(fresh.problems).toEqual([expect.objectContaining({ message: '"omega-lab" lists itself as related' })]);
    expect(await load()).toMatchObject({ problems: fresh.problems });
    rewriteKept(folder, pack, (value) => (value.check.warnings[0].message = 'Owned\u001b]0;title\u0007 here'));
    expect((await load()).problems).toEqual([expect.objectContaining({ message: 'Owned here', severity: 'warning' })]);
  });

  test('a cache file planted in a folder others can write to is never used', async () => {
    const { pack, env, truth } = await cachedPack('planted');
    rewriteCache(env.VIRT_CACHE_DIR, pack, (parses) => {
      parses[0]!.page = JSON.stringify({
        intro: [{ kind: 'paragraph', spans: [{ kind: 'text', text: 'A planted lie.' }] }],
        sections: [],
      });
    });
    chmodSync(env.VIRT_CACHE_DIR, 0o777);
    expect(await runCli(['--content', pack, 'explain', 'omega-lab'], { env })).toEqual(truth);
    const debug = await runCli(['--content', pack, 'explain', 'omega-lab'], { env: { ...env, VIRT_DEBUG: '1' } });
    expect(debug.stderr).toBe(
      `virt: packs are not cached in ${env.VIRT_CACHE_DIR}: others can write to it (mode 777)\n`,
    );
  });

  test('a cache folder under a parent others can change is not used either', async () => {
    const shared = scratch();
    chmodSync(shared, 0o777);
    const env = { VIRT_CACHE_DIR: join(shared, 'virt') };
    const pack = makePack({ 'a.md': packTopic('psi-lab') }, 'under-shared');
    const debug = await runCli(['--content', pack, 'list'], { env: { ...env, VIRT_DEBUG: '1' } });
    expect(debug.stderr).toBe(
      `virt: packs are not cached in ${env.VIRT_CACHE_DIR}: others can change ${shared} above it\n`,
    );
    expect(cacheFiles(env.VIRT_CACHE_DIR)).toEqual([]);
  });

  test('a relative HOME is not used, and virt says so in one line', async () => {
    const pack = makePack({ 'a.md': packTopic('chi-lab') }, 'relative-home');
    const result = await runCli(['--content', pack, 'list'], { env: { HOME: 'relhome' } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('virt: packs are not cached: HOME (relhome) is not an absolute path\n');
  });

  test('a private pack stays private in the cache: folder 0700, files 0600', async () => {
    const { env, cacheFile } = await cachedPack('private');
    expect(statSync(env.VIRT_CACHE_DIR).mode & 0o777).toBe(0o700);
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
  });
});

describe('pruning and clearing', () => {
  const monthsAgo = () => new Date(Date.now() - UNUSED_FOR - 24 * 60 * 60 * 1000);

  test('caches unused for a month go; recent ones, other files and the targets of links stay', async () => {
    const { env, cacheFile } = await cachedPack('pruned');
    const folder = env.VIRT_CACHE_DIR;
    const outside = scratch();
    const target = join(outside, 'pack-1111111111111111.json');
    writeFileSync(target, 'not virt’s');
    utimesSync(target, monthsAgo(), monthsAgo());
    symlinkSync(target, join(folder, 'pack-2222222222222222.json'));
    symlinkSync(outside, join(folder, 'code'));
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    writeFileSync(join(folder, 'pack-3333333333333333.json'), 'old');
    utimesSync(join(folder, 'pack-3333333333333333.json'), monthsAgo(), monthsAgo());
    pruneCache(folder);
    expect(existsSync(join(folder, 'pack-3333333333333333.json'))).toBe(false);
    expect(existsSync(cacheFile)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('not virt’s');
    expect(existsSync(join(folder, 'notes.txt'))).toBe(true);

    const cleared = await runCli(['cache', 'clear'], { env });
    expect(cleared).toMatchObject({ code: 0, stdout: '' });
    expect(readdirSync(folder).sort()).toEqual(['CACHEDIR.TAG', 'notes.txt']);
    expect(readFileSync(target, 'utf8')).toBe('not virt’s');
    expect(readdirSync(outside)).toEqual(['pack-1111111111111111.json']);
  });

  test('caches an earlier virt left are pruned when a month unused, and cleared; clear removes an emptied folder', async () => {
    const { env } = await cachedPack('upgraded');
    const folder = env.VIRT_CACHE_DIR;
    writeFileSync(join(folder, 'pack-12-34.json'), '{}');
    mkdirSync(join(folder, 'pack-12-34'));
    writeFileSync(join(folder, 'pack-12-34', '0123456789abcdef.json'), '{}');
    writeFileSync(join(folder, 'search-old.bin'), 'x');
    for (const name of ['pack-12-34.json', 'pack-12-34', 'search-old.bin'])
      utimesSync(join(folder, name), monthsAgo(), monthsAgo());
    // A command that writes a cache prunes the folder.
    const other = makePack({ 'a.md': packTopic('phi-lab') }, 'another');
    expect((await runCli(['--content', other, 'list'], { env })).code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['CACHEDIR.TAG', ...cacheFiles(folder)].sort());
    expect(cacheFiles(folder)).toHaveLength(2);

    const json = await runCli(['cache', 'clear', '--json'], { env });
    expect(JSON.parse(json.stdout)).toEqual({ schemaVersion: 1, folder, removed: 2 });
    expect(existsSync(folder)).toBe(false);
    expect((await runCli(['cache', 'clear'], { env })).code).toBe(0);
  });

  test('virt cache says where the cache is, whether virt uses it and how big it is', async () => {
    const { env } = await cachedPack('status');
    const plain = await runCli(['cache'], { env });
    expect(plain.stdout).toMatch(
      new RegExp(`^folder\\t${env.VIRT_CACHE_DIR}\\nin use\\tyes\\nfiles\\t1\\nbytes\\t\\d+\\n$`),
    );
    const json = JSON.parse((await runCli(['cache', '--json'], { env })).stdout);
    expect(json).toMatchObject({ schemaVersion: 1, folder: env.VIRT_CACHE_DIR, trusted: true, files: 1 });
    chmodSync(env.VIRT_CACHE_DIR, 0o777);
    expect((await runCli(['cache'], { env })).stdout).toContain('in use\tno: others can write to it (mode 777)');
    const refused = await runCli(['cache', 'clear'], { env });
    expect(refused.code).toBe(2);
    expect(cacheFiles(env.VIRT_CACHE_DIR)).toHaveLength(1);
    expect((await runCli(['cache', 'wipe'], { env })).code).toBe(2);
  });
});
