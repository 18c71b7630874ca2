import { lstatSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Why a folder (a real path) is not safe to keep virt's files in, or undefined when it is. Like ssh, every
 * folder above it counts too: whoever may rename entries in a parent could swap the folder for one of their
 * own. A parent may be root's, or shared but sticky (/tmp), where only an entry's owner may rename it.
 */
export function untrustedBecause(folder: string): string | undefined {
  const info = statSync(folder);
  if (!info.isDirectory()) return 'it is not a folder';
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  if (info.uid !== uid) return `it belongs to another user (uid ${info.uid})`;
  if ((info.mode & 0o022) !== 0) return `others can write to it (mode ${(info.mode & 0o777).toString(8)})`;
  for (let parent = dirname(folder); ; parent = dirname(parent)) {
    const above = statSync(parent);
    const sticky = (above.mode & 0o1000) !== 0;
    if (above.uid !== uid && above.uid !== 0) return `${parent} above it belongs to another user (uid ${above.uid})`;
    if ((above.mode & 0o022) !== 0 && !sticky) return `others can change ${parent} above it`;
    if (parent === dirname(parent)) return undefined;
  }
}

/**
 * Makes a folder and up to `parents` missing folders above it, one level at a time, each private (0700):
 * Node 20's recursive mkdirSync never returns for some paths (under /proc, for one), and a recursive mkdir
 * would give the parents the default mode.
 */
export function makeFolder(folder: string, parents: number): void {
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && lstatSync(folder).isDirectory()) return;
    if (code !== 'ENOENT' || parents === 0) throw error;
    makeFolder(dirname(folder), parents - 1);
    mkdirSync(folder, { mode: 0o700 });
  }
}
