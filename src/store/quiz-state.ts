import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { EXIT, VirtError } from '../errors.js';
import { STATE_VERSION, topicOfQuestion, type QuizCard, type QuizState } from '../model/quiz-card.js';
import { LockBusyError, withLockFile, type LockOptions } from './lock-file.js';
import { writePrivateFile } from './private-file.js';
import { parseQuizState } from './quiz-state-shape.js';

/**
 * The quiz's state file, `quiz-state.json` in the state folder (store/state-folder.ts): every question's
 * schedule, by question id. This module is the only code that knows the file. Each change is made under a
 * lock file, on what the file holds at that moment, and written whole (a temporary file, then a rename):
 * two quizzes at once each add their own answers, and a crash mid-write leaves the old file.
 */
export const STATE_FILE = 'quiz-state.json';
const LOCK_FILE = `${STATE_FILE}.lock`;
/** writePrivateFile's temporary files for the state file; one an hour old was left by a killed virt. */
const TEMPORARY = /^quiz-state\.json\.\d+-[0-9a-z]+\.tmp$/;
const ABANDONED_AFTER = 60 * 60 * 1000;
/** A state file is a few hundred bytes a question; one this large was not written by virt. */
const MAX_STATE_BYTES = 16 * 1024 * 1024;

export type StateRead = { kind: 'missing' } | { kind: 'ok'; state: QuizState } | { kind: 'damaged'; reason: string };

export const emptyState = (): QuizState => ({ version: STATE_VERSION, cards: {} });

/** What the file holds, read as if a stranger wrote it: anything but a whole, valid state is damaged. */
export function readQuizState(folder: string): StateRead {
  const bytes = readStateBytes(join(folder, STATE_FILE));
  if ('kind' in bytes) return bytes;
  const parsed = parseQuizState(bytes.text);
  return 'damaged' in parsed ? { kind: 'damaged', reason: parsed.damaged } : { kind: 'ok', state: parsed };
}

/** The state in the file, empty when there is none yet; a damaged file stops the command (exit 2), untouched. */
export function loadQuizState(folder: string): QuizState {
  const read = readQuizState(folder);
  if (read.kind === 'damaged') throw damaged(folder, read.reason);
  return read.kind === 'ok' ? read.state : emptyState();
}

/**
 * Applies `change` to the state as the file holds it now, keeps only the cards `keep` accepts (questions
 * that are gone are dropped quietly), and writes the result; returns it.
 */
export function updateQuizState(
  folder: string,
  change: (state: QuizState) => QuizState,
  keep: (id: string, card: QuizCard) => boolean = () => true,
  lock: LockOptions = {},
): QuizState {
  return locked(folder, lock, () => {
    const next = change(loadQuizState(folder));
    const cards = Object.fromEntries(Object.entries(next.cards).filter(([id, card]) => keep(id, card)));
    const state = { version: STATE_VERSION, cards };
    writeState(folder, state);
    removeAbandoned(folder);
    return state;
  });
}

export interface ResetResult {
  /** How many questions' schedules were forgotten. */
  forgotten: number;
  /** Where a damaged file was moved to. */
  movedAside?: string;
}

/**
 * Forgets the schedules of one topic's questions, or of all. Resetting all starts a new file; a damaged one
 * is first moved aside as `quiz-state.json.damaged-<time>`, never deleted. A topic cannot be reset in a
 * damaged file: that would mean choosing which of its cards to trust.
 */
export function resetQuizState(folder: string, options: { topic?: string; now?: number } = {}): ResetResult {
  const { topic, now = Date.now() } = options;
  return locked(folder, {}, () => {
    if (topic !== undefined) {
      const state = loadQuizState(folder);
      const kept = Object.entries(state.cards).filter(([id]) => topicOfQuestion(id) !== topic);
      const forgotten = Object.keys(state.cards).length - kept.length;
      if (forgotten > 0) writeState(folder, { version: STATE_VERSION, cards: Object.fromEntries(kept) });
      return { forgotten };
    }
    const read = readQuizState(folder);
    const movedAside = read.kind === 'damaged' ? moveAside(folder, now) : undefined;
    writeState(folder, emptyState());
    return {
      forgotten: read.kind === 'ok' ? Object.keys(read.state.cards).length : 0,
      ...(movedAside ? { movedAside } : {}),
    };
  });
}

function damaged(folder: string, reason: string): VirtError {
  return new VirtError(
    `the quiz state file ${join(folder, STATE_FILE)} is damaged (${reason}); \`virt quiz reset --yes\` moves it aside and starts afresh`,
    EXIT.usage,
  );
}

function locked<T>(folder: string, options: LockOptions, work: () => T): T {
  try {
    return withLockFile(join(folder, LOCK_FILE), work, options);
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    throw new VirtError(
      `another virt has been saving quiz answers for too long (${error.path}); if no virt is running, remove that file`,
      EXIT.usage,
    );
  }
}

function writeState(folder: string, state: QuizState): void {
  writePrivateFile(folder, STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

/** Renames the damaged file (or link, or folder: whatever took its name) to a name no file has yet. */
function moveAside(folder: string, now: number): string {
  const stamp = new Date(now)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  let aside = join(folder, `${STATE_FILE}.damaged-${stamp}`);
  for (let n = 2; lstatSync(aside, { throwIfNoEntry: false }); n++)
    aside = join(folder, `${STATE_FILE}.damaged-${stamp}-${n}`);
  renameSync(join(folder, STATE_FILE), aside);
  return aside;
}

/** The file's text, or why it cannot be a state file. Never follows a link, never waits on a FIFO. */
function readStateBytes(path: string): { text: string } | StateRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'damaged', reason: code === 'ELOOP' ? 'it is a symbolic link' : `it cannot be read (${code})` };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { kind: 'damaged', reason: 'it is not a regular file' };
    if (info.size > MAX_STATE_BYTES) return { kind: 'damaged', reason: 'it is far too large' };
    const bytes = Buffer.alloc(info.size);
    let read = 0;
    while (read < bytes.length) {
      const got = readSync(fd, bytes, read, bytes.length - read, read);
      if (got === 0) break;
      read += got;
    }
    return { text: bytes.subarray(0, read).toString('utf8') };
  } catch (error) {
    return { kind: 'damaged', reason: `it cannot be read (${(error as NodeJS.ErrnoException).code})` };
  } finally {
    closeSync(fd);
  }
}

function removeAbandoned(folder: string, now = Date.now()): void {
  try {
    for (const name of readdirSync(folder)) {
      if (!TEMPORARY.test(name)) continue;
      const info = lstatSync(join(folder, name));
      if (info.isFile() && now - info.mtimeMs > ABANDONED_AFTER) unlinkSync(join(folder, name));
    }
  } catch {
    /* best effort: a leftover temporary file harms nothing */
  }
}
