import { describe, expect, test } from '@jest/globals';
import { ANSI, runCli } from '../helpers/run-cli.js';

const ids = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t')[0]);

describe('virt search', () => {
  test('hypercall puts its own entry first, then the page that teaches it', async () => {
    const result = await runCli(['search', 'hypercall']);
    expect(result.code).toBe(0);
    expect(ids(result.stdout).slice(0, 2)).toEqual(['hypercall', 'paravirtualization']);
  });

  test('piped: one id<TAB>title<TAB>summary line per result, best first, no escapes', async () => {
    const result = await runCli(['search', 'iommu']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^iommu\tIOMMU\t.+/);
    expect(lines.every((line) => line.split('\t').length === 3)).toBe(true);
    expect(result.stdout).not.toMatch(ANSI);
  });

  test('finds a topic from words of its page, not only its title', async () => {
    // "ring in shared memory" appears only in the text of the paravirtualization page.
    const result = await runCli(['search', 'ring', 'shared', 'memory']);
    expect(ids(result.stdout)).toContain('paravirtualization');
  });

  test('is tolerant of case and simple typos; all words matter', async () => {
    expect(ids((await runCli(['search', 'HIPERVISOR'])).stdout)).toContain('hypervisor');
    expect(ids((await runCli(['search', 'Paravirtualisation'])).stdout)[0]).toBe('paravirtualization');
    const all = async (...words: string[]) =>
      JSON.parse((await runCli(['search', ...words, '--json'])).stdout).results.map(
        (r: { id: string }) => r.id,
      ) as string[];
    const both = await all('namespaces', 'seccomp');
    const namespaces = await all('namespaces');
    const seccomp = await all('seccomp');
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(namespaces.length);
    expect(both.every((id) => namespaces.includes(id) && seccomp.includes(id))).toBe(true);
    expect((await runCli(['search', 'namespaces', 'xyzzyplugh'])).code).toBe(1);
  });

  test('no match: exit 1, nothing on stdout, a hint on stderr', async () => {
    const result = await runCli(['search', 'xyzzyplugh']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/nothing matches "xyzzyplugh"\n.*virt list/);
  });

  test('--json: {schemaVersion, query, results: [{id, title, summary, score}]}', async () => {
    const document = JSON.parse((await runCli(['search', 'live', 'migration', '--json'])).stdout);
    expect(document).toMatchObject({ schemaVersion: 1, query: 'live migration' });
    expect(document.results[1]).toEqual({
      id: expect.any(String),
      title: expect.any(String),
      summary: expect.any(String),
      score: expect.any(Number),
    });
    expect(document.results[0]).toMatchObject({ id: 'live-migration', exactMatch: true });
    expect(document.results.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['live-migration', 'migration']),
    );
  });

  test('on a terminal, a near spelling of a topic name points at its page first', async () => {
    const result = await runCli(['search', 'hipervisor'], { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(result.stdout.split('\n')[0]).toBe('"hipervisor" is a topic of its own: virt explain hypervisor');
    expect((await runCli(['search', 'hypervisor'])).stdout).not.toMatch(/is a topic of its own/);
  });

  test.each([
    [['hypervisor'], 'hypervisor'],
    [['virtual', 'machine'], 'virtual-machine'],
    [['what', 'is', 'a', 'hypervisor'], 'hypervisor'],
    [['KVM'], 'kvm'],
  ])('a query that is a topic name puts that page first: %j', async (words, id) => {
    expect(ids((await runCli(['search', ...words, '--plain'])).stdout)[0]).toBe(id);
    const json = JSON.parse((await runCli(['search', ...words, '--json'])).stdout);
    expect(json.results[0]).toMatchObject({ id, exactMatch: true });
    expect(json.results.slice(1).some((r: { exactMatch?: boolean }) => r.exactMatch)).toBe(false);
    const rich = await runCli(['search', ...words], { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(rich.stdout).toMatch(new RegExp(`^[^\n]*\\(virt explain ${id}\\)`));
  });

  test('topics named in the query come before pages that only mention them', async () => {
    expect(
      ids((await runCli(['search', 'qemu', 'vs', 'kvm', '--plain'])).stdout)
        .slice(0, 2)
        .sort(),
    ).toEqual(['kvm', 'qemu']);
  });

  test('says how many results were left out: at the end on a terminal, on stderr when piped', async () => {
    const plain = await runCli(['search', 'hypervisor']);
    const total = JSON.parse((await runCli(['search', 'hypervisor', '--json'])).stdout).results.length;
    expect(plain.stdout.trimEnd().split('\n')).toHaveLength(10);
    expect(plain.stderr).toBe(`showing 10 of ${total} (use --limit)\n`);
    const rich = await runCli(['search', 'hypervisor', '--limit', '3'], { tty: true, columns: 80 });
    expect(rich.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`showing 3 of ${total} \\(use --limit\\)`));
    expect((await runCli(['search', 'hypervisor', '--limit', '500'])).stderr).toBe('');
  });

  test('snippets end at a word boundary', async () => {
    const rich = await runCli(['search', 'virtual', 'machine', '--limit', '6'], {
      tty: true,
      columns: 200,
      env: { NO_COLOR: '1' },
    });
    let checked = 0;
    for (const entry of rich.stdout.split('\n\n')) {
      const id = /\(virt explain ([\w-]+)\)/.exec(entry)?.[1];
      const last = /(\S+)…$/.exec(entry.trimEnd())?.[1];
      if (!id || !last) continue;
      // The word before the ellipsis is a whole word of the page, not the start of one.
      const page = (await runCli(['explain', id, '--plain'])).stdout.replace(/\s+/g, ' ');
      const word = last.replace(/^[^\p{L}\p{N}]+/u, '');
      expect(page).toMatch(new RegExp(`${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u'));
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  test('bad --limit, no words, and only ignored words are usage errors', async () => {
    expect((await runCli(['search', 'kvm', '--limit', '0'])).code).toBe(2);
    expect((await runCli(['search'])).code).toBe(2);
    const ignored = await runCli(['search', 'the', 'is']);
    expect(ignored).toMatchObject({ code: 2, stdout: '' });
    expect(ignored.stderr).toMatch(/only words that search ignores/);
  });
});
