import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { writePrivateFile } from './private-file.js';
import { makeFolder, untrustedBecause } from './private-folder.js';

/**
 * Where virt keeps its caches, and whether it may. The folder comes from VIRT_CACHE_DIR (empty: no cache),
 * else $XDG_CACHE_HOME/virt, else ~/.cache/virt. virt uses it only when the current user owns it and nobody
 * else can write to it, the rule ssh and gpg apply to their folders: a cache someone else can write could
 * otherwise decide what virt shows.
 */
export type CacheFolder =
  | { path: string; trusted: true }
  /** `missing`: there is no folder yet; `misconfigured`: the environment names none that can be used. */
  | { path: string | undefined; trusted: false; reason: string; missing?: true; misconfigured?: true };

/** The cache folder named by the environment, before it is looked at. Relative paths are settled here, once. */
export function cacheFolderPath(
  env: Record<string, string | undefined>,
  cwd: () => string = process.cwd,
): { path: string } | { reason: string; misconfigured?: true } {
  const fromVirt = env.VIRT_CACHE_DIR;
  if (fromVirt !== undefined) {
    if (fromVirt === '') return { reason: 'VIRT_CACHE_DIR is empty, which turns caching off' };
    if (isAbsolute(fromVirt)) return { path: fromVirt };
    try {
      return { path: resolve(cwd(), fromVirt) };
    } catch {
      return {
        reason: `VIRT_CACHE_DIR (${fromVirt}) is relative and the working directory is gone`,
        misconfigured: true,
      };
    }
  }
  // The XDG Base Directory rules say a relative XDG_CACHE_HOME is to be ignored.
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return { path: join(env.XDG_CACHE_HOME, 'virt') };
  if (!env.HOME) return { reason: 'HOME is not set' };
  if (!isAbsolute(env.HOME)) return { reason: `HOME (${env.HOME}) is not an absolute path`, misconfigured: true };
  return { path: join(env.HOME, '.cache', 'virt') };
}

const TAG_FILE = 'CACHEDIR.TAG';
/** The Cache Directory Tagging convention, which backup tools honour. */
export const TAG =
  'Signature: 8a477f597d28d172789f06886806bc55\n# This folder holds caches made by virt, which remakes them when they are gone.\n';

/**
 * The cache folder, checked and, with `create`, made (mode 0700, with up to two missing parents). Never throws:
 * a folder that cannot be used only means running without a cache.
 */
export function openCacheFolder(env: Record<string, string | undefined>, options: { create: boolean }): CacheFolder {
  const named = cacheFolderPath(env);
  if ('reason' in named) return { path: undefined, trusted: false, ...named };
  const path = named.path;
  try {
    if (!existsSync(path)) {
      if (!options.create) return { path, trusted: false, reason: 'it does not exist yet', missing: true };
      makeFolder(path, 2);
      writePrivateFile(path, TAG_FILE, TAG);
    }
    const real = realpathSync(path);
    const reason = untrustedBecause(real);
    return reason ? { path, trusted: false, reason } : { path: real, trusted: true };
  } catch (error) {
    return { path, trusted: false, reason: `it cannot be used (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}
