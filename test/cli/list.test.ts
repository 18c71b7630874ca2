import { describe, expect, test } from '@jest/globals';
import { ANSI, BOX_DRAWING, runCli } from '../helpers/run-cli.js';

describe('virt list', () => {
  test('piped: one id<TAB>title line per topic, in reading order, covering the six source sections', async () => {
    const result = await runCli(['list']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(80);
    expect(lines.every((line) => /^[a-z0-9-]+\t[^\t]+$/.test(line))).toBe(true);
    const ids = lines.map((line) => line.split('\t')[0]);
    const six = [
      'what-is-virtualization',
      'full-virtualization',
      'paravirtualization',
      'software-virtualization',
      'containerization',
      'virtualization-solutions',
    ];
    expect(six.map((id) => ids.indexOf(id))).toEqual([...six.map((id) => ids.indexOf(id))].sort((a, b) => a - b));
    expect(six.every((id) => ids.includes(id))).toBe(true);
    expect(result.stdout).not.toMatch(ANSI);
  });

  test('on a terminal: a tree of numbered chapters with the ids alongside', async () => {
    const result = await runCli(['list'], { tty: true, columns: 100, env: { NO_COLOR: '1' } });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^1 What is virtualization\? +what-is-virtualization$/);
    expect(lines[1]).toMatch(/^├─ 1\.1 Full virtualization +full-virtualization$/);
    expect(lines[2]).toMatch(/^├─ 1\.2 Paravirtualization +paravirtualization$/);
    expect(result.stdout).toMatch(/\n2 Virtualization Solutions +virtualization-solutions\n├─ 2\.1 KVM/);
    expect(result.stdout).toMatch(BOX_DRAWING);
  });

  test.each([60, 80, 120])(
    'at %i columns the ids read down one column, on the title line or the next',
    async (columns) => {
      const ids = (await runCli(['list'])).stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')[0]!);
      const result = await runCli(['list'], { tty: true, columns, env: { NO_COLOR: '1' } });
      const lines = result.stdout.trimEnd().split('\n');
      const starts = new Set<number>();
      for (const id of ids) {
        // The id after a gap of two spaces or more, not a title's last word ("Checking a host").
        const line = lines.find((candidate) => candidate.endsWith(`  ${id}`) || candidate.trim() === id);
        expect(line).toBeDefined();
        starts.add(line!.length - id.length);
      }
      expect([...starts]).toHaveLength(1);
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(columns);
    },
  );

  test('--json: {schemaVersion, topics: [{id, title, parent}]}', async () => {
    const { topics, schemaVersion } = JSON.parse((await runCli(['list', '--json'])).stdout);
    expect(schemaVersion).toBe(1);
    expect(topics[1]).toMatchObject({
      id: 'full-virtualization',
      title: 'Full virtualization',
      parent: 'what-is-virtualization',
    });
    expect(topics[0].parent).toBeNull();
  });

  test.each([40, 80])('at %i columns every line fits and every topic keeps its id', async (columns) => {
    const result = await runCli(['list', '--width', String(columns), '--color', 'always']);
    const plain = result.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(Math.max(...plain.split('\n').map((line) => [...line].length))).toBeLessThanOrEqual(columns);
    for (const id of ['hybrid-virtualization', 'security', 'cpu-flags', 'what-is-virtualization'])
      expect(plain).toMatch(new RegExp(`(^|\\s)${id}(\\s|$)`, 'm'));
  });
});
