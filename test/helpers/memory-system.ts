import type { FileRead, SystemView } from '../../src/detect/system-view.js';

/** A file's stand-in: its text, a folder, or a file that cannot be read. */
export type MemoryEntry = string | { folder: true } | { unreadable: string };

/**
 * A machine held in memory, for cases a folder on disk cannot show (a file only root may read, when the
 * tests run as root). Every read is recorded with its size limit.
 */
export function memorySystem(files: Record<string, MemoryEntry>): SystemView & { reads: [string, number][] } {
  const reads: [string, number][] = [];
  const folders = new Set(
    Object.keys(files).flatMap((path) => {
      const parts = path.split('/').slice(1, -1);
      return parts.map((_, index) => `/${parts.slice(0, index + 1).join('/')}`);
    }),
  );
  return {
    root: '/memory',
    reads,
    read(path: string, maxBytes = 256): FileRead {
      reads.push([path, maxBytes]);
      const entry = files[path];
      if (entry === undefined)
        return folders.has(path) ? { state: 'unreadable', reason: 'a folder' } : { state: 'missing' };
      if (typeof entry === 'string')
        return { state: 'text', text: entry.slice(0, maxBytes), truncated: entry.length > maxBytes };
      return 'unreadable' in entry
        ? { state: 'unreadable', reason: entry.unreadable }
        : { state: 'unreadable', reason: 'a folder' };
    },
    exists: (path) => path in files || folders.has(path),
    list: (path, max = 256) =>
      folders.has(path) || (path in files && typeof files[path] === 'object' && 'folder' in files[path])
        ? [
            ...new Set(
              Object.keys(files)
                .filter((key) => key.startsWith(`${path}/`))
                .map((key) => key.slice(path.length + 1).split('/')[0]!),
            ),
          ].slice(0, max)
        : undefined,
  };
}
