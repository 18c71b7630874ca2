import { fstatSync, writeSync } from 'node:fs';
import type { Io } from '../context/io.js';

export type { Io };

/**
 * Whether a descriptor is a terminal, asked without process.stdin or process.stderr (touching those creates
 * their streams) and, for pipes and files, without node:tty, whose loading (it brings net and the streams)
 * costs more than the check itself: only a character device can be a terminal.
 */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/** The real terminal. Whether stdin and stderr are terminals is asked only if a command needs to know. */
export function processIo(): Io {
  const stdoutIsTTY = isTerminal(1);
  return {
    stdout: {
      write: stdoutIsTTY ? writeToTerminal : writeToPipe,
      isTTY: stdoutIsTTY,
      ...(stdoutIsTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
      ...(stdoutIsTTY && process.stdout.rows ? { rows: process.stdout.rows } : {}),
    },
    stderr: {
      write: writeToStderr,
      get isTTY() {
        return isTerminal(2);
      },
    },
    get stdinIsTTY() {
      return isTerminal(0);
    },
    env: process.env,
    page: async (text, env, always) =>
      (await import('../lazy/pager.js')).pageText(text, env, process.stdout.rows, always),
  };
}

let terminalReady = false;
/** Which of process.stdout and process.stderr virt has written to: only those streams can hold output. */
const streamsWritten = { stdout: false, stderr: false };

/**
 * Resources that stay open for the whole process and hold no work: the terminal and stdio pipes, by the
 * names Node 20 gives them in getActiveResourcesInfo(). Should a later Node rename them, nothing is left
 * to do only looks untrue, and virt exits the ordinary way, a few milliseconds later: never too early.
 */
const STDIO_HANDLES = new Set(['TTYWrap', 'PipeWrap']);

/**
 * Whether everything virt wrote has left the process and nothing else is under way (no pending write,
 * timer, child or file request), so that exiting now loses nothing.
 */
export function nothingLeftToDo(): boolean {
  if (streamsWritten.stdout && process.stdout.writableLength > 0) return false;
  if (streamsWritten.stderr && process.stderr.writableLength > 0) return false;
  return process.getActiveResourcesInfo().every((resource) => STDIO_HANDLES.has(resource));
}

function writeToTerminal(text: string): void {
  streamsWritten.stdout = true;
  if (!terminalReady) {
    terminalReady = true;
    process.stdout.on('error', quietOnClosedPipe);
  }
  process.stdout.write(text);
}

/**
 * Output to a pipe or a file is written synchronously to descriptor 1: it cannot be cut short by an early
 * exit, and it spares creating process.stdout's socket stream. A reader that has gone away (`virt list |
 * head -1`) ends virt quietly with status 0; a descriptor that would block hands the rest to process.stdout.
 */
function writeToPipe(text: string): void {
  writeWhole(
    1,
    text,
    () => process.exit(0),
    (rest) => {
      streamsWritten.stdout = true;
      process.stdout.on('error', quietOnClosedPipe);
      process.stdout.write(rest);
    },
  );
}

function quietOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
}

/**
 * Messages go to descriptor 2 synchronously, like results to a pipe: creating process.stderr's stream costs
 * more than most messages take to write. A descriptor that would block hands the rest to process.stderr; a
 * reader that has gone away loses only the message.
 */
function writeToStderr(text: string): void {
  writeWhole(
    2,
    text,
    () => undefined,
    (rest) => {
      streamsWritten.stderr = true;
      process.stderr.write(rest);
    },
  );
}

/** Writes all of `text` to a descriptor; `closed` when its reader has gone, `blocked` with what would block. */
function writeWhole(fd: number, text: string, closed: () => void, blocked: (rest: Buffer) => void): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return closed();
    if (code !== 'EAGAIN') throw error;
    blocked(bytes.subarray(offset));
  }
}
