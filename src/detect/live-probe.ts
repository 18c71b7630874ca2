import { accessSync, constants } from 'node:fs';

/**
 * What only the running machine can answer, beyond its files: this process's environment and whether this
 * user may open a device. Under --root there is no live probe, and the findings that need one say so.
 */
export interface LiveProbe {
  env(name: string): string | undefined;
  /** Whether this user may open the path for reading and writing; undefined when nothing is there. */
  canReadWrite(path: string): boolean | undefined;
}

export function processProbe(env: Record<string, string | undefined>): LiveProbe {
  return {
    env: (name) => env[name],
    canReadWrite(path) {
      try {
        // access() asks the kernel with this process's real credentials, groups included: no guessing
        // from group names, which miss a membership that needs a new login to apply.
        accessSync(path, constants.R_OK | constants.W_OK);
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : false;
      }
    },
  };
}
