import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  futimesSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** Cache files are at most this large; a larger one was not written by virt and is not read. */
export const MAX_CACHE_FILE_BYTES = 256 * 1024 * 1024;

const DAY = 24 * 60 * 60 * 1000;

/**
 * Writes `name` in `folder` whole or not at all, readable by its owner only (0600): a temporary file, then a
 * rename, so another virt reading at the same moment sees the old file or the new one. On any failure (a full
 * disk, say) the temporary file is removed and the error thrown. `writeData` is for tests.
 */
export function writePrivateFile(
  folder: string,
  name: string,
  data: string | Uint8Array,
  writeData: (fd: number, data: string | Uint8Array) => void = writeFileSync,
): void {
  const temporary = join(folder, `${name}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    writeData(fd, data);
    // On disk before the rename, so a power cut leaves the old file or the new one, never an empty one.
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, join(folder, name));
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The bytes of `name` in `folder`, or undefined when it is missing, not a regular file (a link, a FIFO: never
 * followed or waited on) or too large. A file read is marked as used, at most once a day, for pruning.
 */
export function readPrivateFile(folder: string, name: string, now = Date.now()): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(join(folder, name), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_CACHE_FILE_BYTES) return undefined;
    const bytes = Buffer.allocUnsafe(info.size);
    let read = 0;
    while (read < bytes.length) {
      const got = readSync(fd, bytes, read, bytes.length - read, read);
      if (got === 0) return undefined;
      read += got;
    }
    if (now - info.mtimeMs > DAY) markUsed(fd, now);
    return bytes;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function markUsed(fd: number, now: number): void {
  try {
    futimesSync(fd, now / 1000, now / 1000);
  } catch {
    /* a cache shared read-only: it is only pruned sooner */
  }
}
