import { closeSync, constants, lstatSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

export interface LockOptions {
  /** A lock older than this was left by a virt that died holding it, and is broken. */
  staleAfterMs?: number;
  /** How long to wait for a live lock before giving up. */
  giveUpAfterMs?: number;
  now?: () => number;
  sleep?: (ms: number) => void;
}

/** Another virt held the lock for longer than any save takes. */
export class LockBusyError extends Error {
  constructor(readonly path: string) {
    super(`${path} is held by another virt`);
  }
}

/** A save holds the lock for milliseconds; one this old belongs to a process that was killed mid-save. */
const STALE_AFTER = 10_000;
const GIVE_UP_AFTER = 30_000;

const sleepFor = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `work` while holding the lock file `path`: a file created with O_EXCL, which exactly one process can
 * create, removed afterwards. Others wait in short random steps, so two quizzes saving at once take turns.
 * The lock holds a token, so a holder whose stale lock was broken does not remove the next holder's.
 */
export function withLockFile<T>(path: string, work: () => T, options: LockOptions = {}): T {
  const { staleAfterMs = STALE_AFTER, giveUpAfterMs = GIVE_UP_AFTER, now = Date.now, sleep = sleepFor } = options;
  const token = `${process.pid}-${Math.random().toString(36).slice(2, 10)}\n`;
  const started = now();
  for (;;) {
    try {
      const fd = openSync(
        path,
        constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
        0o600,
      );
      try {
        writeSync(fd, token);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = lstatSync(path, { throwIfNoEntry: false });
    // Something other than a lock file there (a folder, say) is not virt's to break, and waiting will not help.
    if (held && !held.isFile()) throw new LockBusyError(path);
    if (held && now() - held.mtimeMs > staleAfterMs && removed(path)) continue;
    if (now() - started > giveUpAfterMs) throw new LockBusyError(path);
    sleep(5 + Math.floor(Math.random() * 20));
  }
  try {
    return work();
  } finally {
    if (readQuietly(path) === token) removeQuietly(path);
  }
}

function readQuietly(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether the file is gone now: removed here, or by another virt first. */
function removed(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* gone already: another virt broke or released it */
  }
}
