import { closeSync, constants, fstatSync, openSync, opendirSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { SMALL_FILE_BYTES, type FileRead, type SystemView } from './system-view.js';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'a folder',
  ELOOP: 'a symbolic link loop',
  EIO: 'input/output error',
};

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? (code || 'error');
}

/**
 * The real file system under `root` ("/" for the running machine). Reads are synchronous: a few dozen small
 * files cost less than setting up asynchronous reads. Files are opened non-blocking, so a pipe or a device
 * where a file was expected is refused instead of waiting forever; under another root, a path whose links
 * lead outside that root counts as absent, so a captured tree never reads the machine it is on.
 */
export function fileSystemView(root: string): SystemView {
  const confined = root !== '/';
  const realRoot = confined ? realpathSync.native(root) : '/';
  const place = (path: string) => (confined ? join(root, path) : path);
  const inside = (placed: string) => {
    if (!confined) return true;
    try {
      const real = realpathSync.native(placed);
      return real === realRoot || real.startsWith(realRoot + sep);
    } catch {
      // A dangling link or a missing file: the caller's own call reports it.
      return true;
    }
  };

  return {
    root,
    read(path: string, maxBytes = SMALL_FILE_BYTES): FileRead {
      const placed = place(path);
      if (!inside(placed)) return { state: 'missing' };
      let fd: number;
      try {
        fd = openSync(placed, constants.O_RDONLY | constants.O_NONBLOCK);
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR'
          ? { state: 'missing' }
          : { state: 'unreadable', reason: reasonOf(error) };
      }
      try {
        if (!fstatSync(fd).isFile()) return { state: 'unreadable', reason: 'not a regular file' };
        // Files under /proc and /sys report a size of 0 and are read until the kernel has no more.
        const buffer = Buffer.alloc(maxBytes + 1);
        let length = 0;
        while (length < buffer.length) {
          const got = readSync(fd, buffer, length, buffer.length - length, null);
          if (got === 0) break;
          length += got;
        }
        const truncated = length > maxBytes;
        return { state: 'text', text: buffer.toString('utf8', 0, Math.min(length, maxBytes)), truncated };
      } catch (error) {
        return { state: 'unreadable', reason: reasonOf(error) };
      } finally {
        closeSync(fd);
      }
    },
    exists(path: string): boolean {
      const placed = place(path);
      try {
        return statSync(placed, { throwIfNoEntry: false }) !== undefined && inside(placed);
      } catch {
        // A folder on the way that this user may not search: nothing can be told, so nothing is claimed.
        return false;
      }
    },
    list(path: string, max = 256): string[] | undefined {
      const placed = place(path);
      if (!inside(placed)) return undefined;
      try {
        const dir = opendirSync(placed);
        try {
          const names: string[] = [];
          for (let entry = dir.readSync(); entry && names.length < max; entry = dir.readSync()) names.push(entry.name);
          return names;
        } finally {
          dir.closeSync();
        }
      } catch {
        return undefined;
      }
    },
  };
}
