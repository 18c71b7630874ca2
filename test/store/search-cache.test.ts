import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchDataCache } from '../../src/store/search-cache.js';
import { makePack, makeTemporaryFolder, packTopic } from '../helpers/pack.js';
import { runCli } from '../helpers/run-cli.js';

/** The version runCli gives virt, which the cache's keys name. */
const VERSION = '0.0.0-test';
const searchFiles = (folder: string) => readdirSync(folder).filter((name) => /^search-[0-9a-f]{16}\.json$/.test(name));
/** The ids of the topics a plain search lists, in order. */
const ids = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t')[0]);

/** A two-topic pack searched once, so that its search data is kept: where it is, and what it answered. */
async function searchedPack(name: string) {
  const pack = makePack(
    {
      'a.md': packTopic('omega-lab', { body: 'Quasar drives hum in the omega lab.\n' }),
      'b.md': packTopic('beta-lab', { body: 'Nothing of note.\n' }),
    },
    name,
  );
  const env = { VIRT_CACHE_DIR: join(makeTemporaryFolder('virt-search-cache-'), 'virt') };
  const first = await runCli(['--content', pack, 'search', 'quasar'], { env });
  expect(first).toMatchObject({ code: 0, stderr: '' });
  const [file] = searchFiles(env.VIRT_CACHE_DIR);
  return { pack, env, first, file: join(env.VIRT_CACHE_DIR, file!) };
}

/**
 * Keeps `edit` of the search data in place of what virt kept, with a valid checksum and key, as a stranger
 * with the user's rights could: the guide it is for is read from the file's header.
 */
function rewriteSearchData(file: string, folder: string, edit: (data: Record<string, any>) => void) {
  const text = readFileSync(file, 'utf8');
  const [, , , folders, identity] = JSON.parse(JSON.parse(text.slice(0, text.indexOf('\n'))).key) as [
    string,
    string,
    number,
    string[],
    string,
  ];
  const cache = searchDataCache(folder, VERSION);
  const data = cache.read({ folders, identity }) as Record<string, any>;
  edit(data);
  cache.write({ folders, identity }, data);
}

describe('the search data kept for a guide with packs', () => {
  test('is one private file, and the next search answers from it', async () => {
    const { pack, env, first, file } = await searchedPack('kept');
    expect(ids(first.stdout)).toEqual(['omega-lab']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Kept data that says beta-lab's page speaks of quasars: only a search that reads it can list beta-lab.
    rewriteSearchData(file, env.VIRT_CACHE_DIR, (data) => {
      const at = data.ids.indexOf('beta-lab');
      const before = data.lengths.page.slice(0, at).reduce((sum: number, length: number) => sum + length, 0);
      data.text.page = `${data.text.page.slice(0, before)}quasar ${data.text.page.slice(before)}`;
      data.lengths.page[at] += 'quasar '.length;
    });
    const second = await runCli(['--content', pack, 'search', 'quasar'], { env });
    expect(second.code).toBe(0);
    expect(ids(second.stdout)).toEqual(['omega-lab', 'beta-lab']);
  });

  test('is not used once a pack file changes, and is replaced, not joined by another file', async () => {
    const { pack, env, file } = await searchedPack('edited');
    rewriteSearchData(file, env.VIRT_CACHE_DIR, (data) => {
      data.text.summary = data.text.summary.replace('omega-lab', 'zebras');
    });
    writeFileSync(join(pack, 'b.md'), packTopic('beta-lab', { body: 'Zebras graze by the rack.\n' }));
    const result = await runCli(['--content', pack, 'search', 'zebras'], { env });
    expect(result.code).toBe(0);
    expect(ids(result.stdout)).toEqual(['beta-lab']);
    expect(searchFiles(env.VIRT_CACHE_DIR)).toEqual([file.split('/').at(-1)]);
  });

  test('damaged, gives the true answers and is written again', async () => {
    const { pack, env, first, file } = await searchedPack('damaged');
    const bytes = readFileSync(file);
    for (const at of [bytes.indexOf('quasar'), bytes.length - 5]) {
      const flipped = Buffer.from(bytes);
      flipped[at] = flipped[at]! ^ 0x04;
      writeFileSync(file, flipped);
      const result = await runCli(['--content', pack, 'search', 'quasar'], { env });
      expect(result).toEqual(first);
      expect(readFileSync(file).equals(flipped)).toBe(false);
    }
  });

  test('with a valid checksum but not as virt writes it, gives the true answers and is made again', async () => {
    const edits: ((data: Record<string, any>) => void)[] = [
      (data) => (data.lengths.page = data.lengths.page.map(() => 1e9)),
      (data) => (data.ids = 'omega-lab'),
      (data) => (data.text = null),
      (data) => (data.names = { quasar: 12 }),
      (data) => (data.index = { serializationVersion: 2, index: 'not a list' }),
      // MiniSearch loads these, and fails only at a search that reaches them.
      (data) => (data.index.fieldLength = {}),
      (data) => (data.index.fieldIds = null),
      (data) => delete data.index.averageFieldLength,
      (data) => (data.index.index[0][1] = { 0: { 0: 'many' } }),
    ];
    for (const [at, edit] of edits.entries()) {
      const { pack, env, first, file } = await searchedPack(`strange-${at}`);
      const named = await runCli(['--content', pack, 'search', 'omega'], { env });
      expect(ids(named.stdout)).toContain('omega-lab');
      rewriteSearchData(file, env.VIRT_CACHE_DIR, edit);
      for (let run = 0; run < 2; run++) {
        expect(await runCli(['--content', pack, 'search', 'quasar'], { env })).toEqual(first);
        expect(await runCli(['--content', pack, 'search', 'omega'], { env })).toEqual(named);
      }
    }
  });

  test('answers as a fresh search does, in the same order, when a pack replaces a built-in topic', async () => {
    const pack = makePack(
      { 'kvm.md': packTopic('kvm', { title: 'KVM, our way', extra: ['overrides: true'], body: 'Hypercalls here.\n' }) },
      'override',
    );
    const env = { VIRT_CACHE_DIR: join(makeTemporaryFolder('virt-search-cache-'), 'virt') };
    for (const query of ['hypercall', 'hyperc', 'hyper', 'kvm']) {
      const argv = ['--content', pack, 'search', query, '--json', '--limit', '500'];
      const fresh = await runCli(argv, { env: { VIRT_CACHE_DIR: '' } });
      expect(fresh.code).toBe(0);
      expect(await runCli(argv, { env })).toEqual(fresh);
      expect(searchFiles(env.VIRT_CACHE_DIR)).toHaveLength(1);
      expect(await runCli(argv, { env })).toEqual(fresh);
    }
  });
});
