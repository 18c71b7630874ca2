import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { makeFolder, untrustedBecause } from './private-folder.js';

/**
 * Where virt keeps what it must remember between runs (the quiz's schedule): VIRT_STATE_DIR, else
 * $XDG_STATE_HOME/virt, else ~/.local/state/virt. Unlike a cache, state cannot be made again, so a folder
 * that cannot be used is an error for the command that needs it, not a quiet fallback. The trust rule is the
 * cache folder's: only a folder the user owns and no one else can change (see private-folder.ts).
 */
export type StateFolder =
  | { path: string; usable: true }
  /** `missing`: the folder is not there yet (nothing was ever saved). */
  | { path: string | undefined; usable: false; reason: string; missing?: true };

/** The state folder named by the environment, before it is looked at. Relative paths are settled here, once. */
export function stateFolderPath(
  env: Record<string, string | undefined>,
  cwd: () => string = process.cwd,
): { path: string } | { reason: string } {
  const fromVirt = env.VIRT_STATE_DIR;
  if (fromVirt) {
    if (isAbsolute(fromVirt)) return { path: fromVirt };
    try {
      return { path: resolve(cwd(), fromVirt) };
    } catch {
      return { reason: `VIRT_STATE_DIR (${fromVirt}) is relative and the working directory is gone` };
    }
  }
  // The XDG Base Directory rules say a relative XDG_STATE_HOME is to be ignored.
  if (env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME)) return { path: join(env.XDG_STATE_HOME, 'virt') };
  if (!env.HOME) return { reason: 'HOME is not set' };
  if (!isAbsolute(env.HOME)) return { reason: `HOME (${env.HOME}) is not an absolute path` };
  return { path: join(env.HOME, '.local', 'state', 'virt') };
}

/** The state folder, checked and, with `create`, made (0700, with up to two missing parents). Never throws. */
export function openStateFolder(env: Record<string, string | undefined>, options: { create: boolean }): StateFolder {
  const named = stateFolderPath(env);
  if ('reason' in named) return { path: undefined, usable: false, reason: named.reason };
  const path = named.path;
  try {
    if (!existsSync(path)) {
      if (!options.create) return { path, usable: false, reason: 'it does not exist yet', missing: true };
      makeFolder(path, 2);
    }
    const real = realpathSync(path);
    const reason = untrustedBecause(real);
    return reason ? { path, usable: false, reason } : { path: real, usable: true };
  } catch (error) {
    return { path, usable: false, reason: `it cannot be used (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}
