import { existsSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
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
/** Compiled topic bodies, one file each, so showing a page reads only that page. */
export const compiledBodyPath = (bodyFile: string) => join(packageRoot(), 'dist', bodyFile);
/** The built-in guide's search index, built at build time. */
export const compiledSearchIndexPath = () => join(packageRoot(), 'dist', 'search-index.bin');

/**
 * Where parsed packs are kept between runs: VIRT_CACHE_DIR (empty: none), else $XDG_CACHE_HOME/virt, else
 * ~/.cache/virt. Always absolute: a cached topic names its page file by an absolute path, which is how it
 * is told from a built-in page (a path inside dist/).
 */
export function cacheDirectory(env: Record<string, string | undefined>): string | undefined {
  if (env.VIRT_CACHE_DIR !== undefined) return env.VIRT_CACHE_DIR ? resolve(env.VIRT_CACHE_DIR) : undefined;
  // The XDG Base Directory rules say a relative XDG_CACHE_HOME is to be ignored.
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'virt');
  if (env.HOME) return resolve(env.HOME, '.cache', 'virt');
  return undefined;
}

/**
 * Creates a cache folder and up to two missing parents (~/.cache/virt on a fresh account), one level at a
 * time: Node 20's recursive mkdirSync never returns for some paths (under /proc, for one).
 */
export function ensureFolder(folder: string, parents = 2): void {
  if (existsSync(folder)) return;
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parents === 0) throw error;
    ensureFolder(dirname(folder), parents - 1);
    mkdirSync(folder);
  }
}
