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

/** An open private file: its size, and its bytes read by place. */
export interface OpenFile {
  size: number;
  /** `length` bytes from `start`, or undefined when the file ends before them. */
  bytes(start: number, length: number): Buffer | undefined;
}

/**
 * What `read` makes of `name` in `folder`, or undefined when the file is missing, not a regular file (a link,
 * a FIFO: never followed or waited on) or too large. A file read is marked as used, at most once a day, for
 * pruning. The file is open only while `read` runs.
 */
export function readFromPrivateFile<T>(
  folder: string,
  name: string,
  read: (file: OpenFile) => T | undefined,
  now = Date.now(),
): T | undefined {
  let fd: number;
  try {
    fd = openSync(join(folder, name), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_CACHE_FILE_BYTES) return undefined;
    const bytes = (start: number, length: number) => {
      const buffer = Buffer.allocUnsafe(length);
      for (let done = 0; done < length;) {
        const got = readSync(fd, buffer, done, length - done, start + done);
        if (got === 0) return undefined;
        done += got;
      }
      return buffer;
    };
    const value = read({ size: info.size, bytes });
    if (value !== undefined && now - info.mtimeMs > DAY) markUsed(fd, now);
    return value;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The bytes of `name` in `folder`, as readFromPrivateFile reads them. */
export const readPrivateFile = (folder: string, name: string, now = Date.now()): Buffer | undefined =>
  readFromPrivateFile(folder, name, (file) => file.bytes(0, file.size), now);

function markUsed(fd: number, now: number): void {
  try {
    futimesSync(fd, now / 1000, now / 1000);
  } catch {
    /* a cache shared read-only: it is only pruned sooner */
  }
}
