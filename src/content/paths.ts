import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root folder, found from this module whether it runs from src/ (tsx), dist/ or a bundle. */
export function packageRoot(): string {
  // The CommonJS bundle has __dirname; the ES module sources (tsx, jest) have import.meta.url.
  let dir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`virt cannot find its package folder above ${fileURLToPath(import.meta.url)}`);
}

export const builtinContentDir = () => join(packageRoot(), 'content');
/** The built-in guide compiled at build time, so the common path never parses Markdown. */
export const compiledGuidePath = () => join(packageRoot(), 'dist', 'guide.json');
/** Compiled topic pages, one file each, so showing a page reads only that page. */
export const compiledPagePath = (id: string) => join(packageRoot(), 'dist', 'topics', `${id}.json`);
/** Every question of the built-in guide in guide order, so `virt quiz` reads them in one go. */
export const compiledQuestionsPath = () => join(packageRoot(), 'dist', 'questions.json');
/** The built-in guide's search data, made at build time. */
export const compiledSearchDataPath = () => join(packageRoot(), 'dist', 'search.json');
