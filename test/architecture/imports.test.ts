import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Imports point one way: content files → content (loader) → model → render → commands → cli, with the store
 * (persistence), catalog (lookups and search), detect, quiz (scheduling, on the model alone) and the context
 * types below the commands. Only cli and commands load the lazy bundles. Each folder below may not import the
 * folders named for it.
 */
const FORBIDDEN: Record<string, string[]> = {
  model: ['content', 'catalog', 'store', 'detect', 'render', 'context', 'commands', 'cli', 'lazy', 'prompts'],
  content: ['catalog', 'store', 'detect', 'render', 'context', 'commands', 'cli', 'lazy'],
  catalog: ['store', 'detect', 'render', 'context', 'commands', 'cli', 'lazy'],
  store: ['catalog', 'detect', 'render', 'context', 'commands', 'cli', 'lazy'],
  detect: ['catalog', 'store', 'render', 'context', 'commands', 'cli', 'lazy'],
  quiz: ['content', 'catalog', 'store', 'detect', 'render', 'context', 'commands', 'cli', 'lazy', 'prompts'],
  render: ['context', 'commands', 'cli', 'lazy'],
  context: ['commands', 'cli', 'lazy'],
  // The prompts draw the terminal's lists, so they wrap with render's one text module.
  prompts: ['content', 'catalog', 'store', 'detect', 'context', 'commands', 'cli', 'lazy'],
  commands: ['cli'],
};

const src = resolve('src');
const files = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(folder, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(folder, entry.name)]
        : [],
  );
const layerOf = (file: string) => relative(src, file).split('/')[0]!;

describe('the import graph of src/', () => {
  test('no folder imports one above it', () => {
    const wrong: string[] = [];
    for (const file of files(src)) {
      const forbidden = FORBIDDEN[layerOf(file)] ?? [];
      const text = readFileSync(file, 'utf8');
      for (const [, target] of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
        const to = layerOf(resolve(dirname(file), target!));
        if (forbidden.includes(to)) wrong.push(`${relative(src, file)} imports ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
