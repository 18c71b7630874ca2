import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { runCli } from '../helpers/run-cli.js';

/**
 * The way learners type their questions (test/fixtures/phrasings.tsv: a phrasing, a tab, the page it must
 * find), not the topics' titles. Search must put the page in its top 3 for nearly all of them.
 */
const phrasings = readFileSync('test/fixtures/phrasings.tsv', 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, string]);

describe('search as learners phrase their questions', () => {
  test('puts the page they mean in the top 3 for at least 95% of the phrasings', async () => {
    const misses: string[] = [];
    for (const [phrasing, id] of phrasings) {
      const { stdout } = await runCli(['search', ...phrasing.split(' '), '--plain', '--limit', '3']);
      const top = stdout.split('\n').map((line) => line.split('\t')[0]);
      if (!top.includes(id)) misses.push(`${phrasing} → ${id} (found ${top.filter(Boolean).join(', ') || 'nothing'})`);
    }
    expect(phrasings.length).toBeGreaterThanOrEqual(40);
    // On failure, the list of misses shows which phrasings to look at.
    const allowed = Math.floor(phrasings.length * 0.05);
    expect(misses.length <= allowed ? [] : misses).toEqual([]);
  });
});
