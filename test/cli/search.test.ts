import { describe, expect, test } from '@jest/globals';
import { ANSI, runCli } from '../helpers/run-cli.js';

const ids = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t')[0]);

describe('virt search', () => {
  test('hypercall puts paravirtualization first', async () => {
    const result = await runCli(['search', 'hypercall']);
    expect(result.code).toBe(0);
    expect(ids(result.stdout)[0]).toBe('paravirtualization');
    expect(ids(result.stdout)).toContain('hypercall');
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
    expect(document.results[0]).toEqual({
      id: expect.any(String),
      title: expect.any(String),
      summary: expect.any(String),
      score: expect.any(Number),
    });
    expect(document.results.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['live-migration', 'migration']),
    );
  });

  test('on a terminal, a query that names a topic points at its page first', async () => {
    const result = await runCli(['search', 'hipervisor'], { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(result.stdout.split('\n')[0]).toBe('"hipervisor" is a topic of its own: virt explain hypervisor');
    expect((await runCli(['search', 'hypervisor'])).stdout).not.toMatch(/is a topic of its own/);
  });

  test('on a terminal: titles, snippets and highlighted matches', async () => {
    const result = await runCli(['search', 'hypercall', '--limit', '2'], { tty: true, columns: 80 });
    expect(result.stdout).toMatch(/\(virt explain paravirtualization\)/);
    expect(result.stdout).toMatch(/\u001b\[1m\u001b\[35mhypercall/i);
    expect(result.stdout.match(/\(virt explain /g)).toHaveLength(2);
  });

  test('bad --limit, no words, and only ignored words are usage errors', async () => {
    expect((await runCli(['search', 'kvm', '--limit', '0'])).code).toBe(2);
    expect((await runCli(['search'])).code).toBe(2);
    const ignored = await runCli(['search', 'the', 'is']);
    expect(ignored).toMatchObject({ code: 2, stdout: '' });
    expect(ignored.stderr).toMatch(/only words that search ignores/);
  });
});
