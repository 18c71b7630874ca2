import { join } from 'node:path';
import { openCacheFolder } from './cache-folder.js';
import { CODE_CACHE_FOLDER } from './prune.js';

interface ModuleWithCompileCache {
  enableCompileCache?: (directory: string) => unknown;
}

/**
 * Turns on Node's own compile cache (Node 22.1 and later) in virt's cache folder, so each start does not
 * compile virt's code afresh. Node keys each entry on a hash of the code's text, so an edited or copied
 * bundle never runs code compiled from other text. Node 20 has no such cache and runs without one; so does
 * virt when the cache folder is off (VIRT_CACHE_DIR=) or not safe to use. Called by bin/virt.js before
 * virt's bundle loads.
 */
export function enableCompileCache(env: Record<string, string | undefined>): void {
  const nodeModule = process.getBuiltinModule?.('node:module') as ModuleWithCompileCache | undefined;
  if (!nodeModule?.enableCompileCache) return;
  const folder = openCacheFolder(env, { create: true });
  if (folder.trusted) nodeModule.enableCompileCache(join(folder.path, CODE_CACHE_FOLDER));
}
