import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { ContentProblem } from '../errors.js';
import type { SourceFile } from './build-guide.js';
import { formatBytes, MAX_TOPIC_BYTES } from './markdown-limits.js';
import { cleanName } from './sanitize.js';

const MAX_DEPTH = 8;
/** A guide of this many entries is surely the wrong folder (say `--content /`); stop rather than crawl it. */
const MAX_ENTRIES = 20_000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A topic file found in a guide folder, with what the pack cache compares. */
export interface FoundFile {
  path: string;
  /** The path as messages show it: starting the way the user wrote the folder, or `content/`. */
  display: string;
  /** The path inside the folder, the same however the folder was named. */
  relativePath: string;
  size: number;
  /**
   * When the file last changed (its ctime) and its inode: together with the size, what tells that it may
   * have been edited. Not the modification time, which tools set at will (npm gives packed files one from
   * 1985; tar keeps the archive's): an edit, a copy over it, a rename or a touch all move the ctime.
   */
  changedMs: number;
  ino: number;
  isFile: boolean;
  /** Why the file could not be looked at when listed (an error code such as ENOENT or ELOOP). */
  error?: string;
  /** The listed folder with every link resolved: a topic file must resolve to a path inside it. */
  root: string;
}

/**
 * Lists a guide folder's topic files (`*.md` except README.md) in path order, with their sizes and times.
 * Synchronous on purpose: a CLI reads a few files once, and promise-based reads cost more at startup.
 */
export function listGuideFiles(dir: string, label: string = dir): { files: FoundFile[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const files: FoundFile[] = [];
  let info: Stats;
  try {
    info = statSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({
      file: shown(dir),
      line: 0,
      message:
        code === 'ENOENT'
          ? 'no such folder; check the path given to --content or VIRT_CONTENT_PATH'
          : `cannot read this folder (${code ?? (error as Error).message})`,
    });
    return { files, problems };
  }
  if (!info.isDirectory()) {
    problems.push({ file: shown(dir), line: 0, message: 'expected a folder of Markdown topic files, found a file' });
    return { files, problems };
  }
  const root = realFolder(dir);
  // Folders already walked, by inode: a symbolic link back up the tree must not send the walk round forever.
  const visited = new Set<string>();
  let entries = 0;
  // The path inside the folder is built while walking: cheaper than path.relative for thousands of files.
  const walk = (folder: string, inside: string, depth: number, identity: Stats) => {
    const display = join(label, inside);
    // Paths of the entries are joined by hand from the folder's normalised one: path.join on each of
    // thousands of files was a good part of listing a large pack.
    const underFolder = display === '.' ? '' : display.endsWith(sep) ? display : `${display}${sep}`;
    const id = `${identity.dev}:${identity.ino}`;
    if (visited.has(id)) {
      problems.push({
        file: shown(display),
        line: 0,
        message: 'this folder is a link to a folder already read (a loop); remove the link',
      });
      return;
    }
    visited.add(id);
    if (depth > MAX_DEPTH) {
      problems.push({
        file: shown(display),
        line: 0,
        message: `folders nest more than ${MAX_DEPTH} levels deep; flatten the guide`,
      });
      return;
    }
    let entriesHere: Dirent[];
    try {
      entriesHere = readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
    } catch (error) {
      problems.push({
        file: shown(display),
        line: 0,
        message: `cannot read this folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      });
      return;
    }
    for (const entry of entriesHere) {
      const { name } = entry;
      if (name.startsWith('.')) continue;
      if (++entries > MAX_ENTRIES) {
        // Said first: it explains every other problem found on the way.
        if (entries === MAX_ENTRIES + 1)
          problems.unshift({
            file: shown(label),
            line: 0,
            message: `more than ${MAX_ENTRIES} entries; is this the right folder? a guide is a folder of topic files`,
          });
        return;
      }
      const path = folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
      let stats: Stats | undefined;
      let error: string | undefined;
      try {
        stats = statSync(path);
      } catch (failure) {
        error = (failure as NodeJS.ErrnoException).code ?? 'EIO';
      }
      const relativePath = inside ? `${inside}/${name}` : name;
      // The file type from the mode bits: Stats' isDirectory()/isFile() took milliseconds over thousands of files.
      const type = stats ? stats.mode & constants.S_IFMT : 0;
      const isTopic = type !== constants.S_IFDIR && name.endsWith('.md') && name.toLowerCase() !== 'readme.md';
      if (type !== constants.S_IFDIR && !isTopic) continue;
      // A link may lead anywhere (~/.git-credentials, /proc/self/environ): one that leaves the folder is
      // refused before anything is read through it.
      if (entry.isSymbolicLink() && stats && !isInside(root, realPath(path))) {
        problems.push({
          file: shown(`${underFolder}${name}`),
          line: 0,
          message: linkOutside(type === constants.S_IFDIR),
        });
        continue;
      }
      if (type === constants.S_IFDIR) walk(path, relativePath, depth + 1, stats!);
      else {
        files.push({
          path,
          display: shown(`${underFolder}${name}`),
          relativePath,
          size: stats?.size ?? -1,
          changedMs: stats?.ctimeMs ?? -1,
          ino: stats?.ino ?? -1,
          isFile: type === constants.S_IFREG,
          ...(error !== undefined ? { error } : {}),
          root,
        });
      }
    }
  };
  walk(dir, '', 0, info);
  return { files, problems };
}

/** Reads one topic file as UTF-8 text, or records why it cannot be used. */
export function readFoundFile(file: FoundFile, problems: ContentProblem[]): string | undefined {
  const refuse = (message: string) => {
    problems.push({ file: file.display, line: 0, message });
    return undefined;
  };
  if (file.size < 0) return refuse(cannotRead(file.error ?? 'ENOENT'));
  // A FIFO or device named like a topic would block the read forever.
  if (!file.isFile) return refuse(SPECIAL_FILE);
  if (file.size > MAX_TOPIC_BYTES) return refuse(tooLarge(file.size));
  // The file may have changed since it was listed: the checks are made again on what is opened.
  let real: string;
  try {
    real = realpathSync.native(file.path);
  } catch (error) {
    return refuse(cannotRead((error as NodeJS.ErrnoException).code ?? 'EIO'));
  }
  if (!isInside(file.root, real)) return refuse(linkOutside(false));
  let fd: number;
  try {
    // Not blocking: a FIFO swapped in since the listing must not wait for a writer. Not following a link:
    // the path is already resolved, so one there now was put there since.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return refuse(code === 'ELOOP' ? CHANGED : cannotRead(code));
  }
  try {
    const stats = fstatSync(fd);
    if ((stats.mode & constants.S_IFMT) !== constants.S_IFREG) return refuse(SPECIAL_FILE);
    if (stats.size > MAX_TOPIC_BYTES) return refuse(tooLarge(stats.size));
    // At most one byte past the limit, whatever the file grows to while it is read; one buffer for every
    // file, as reads are synchronous and the text is copied out of it.
    const buffer = (readBuffer ??= Buffer.allocUnsafe(MAX_TOPIC_BYTES + 1));
    let length = 0;
    for (let read = 1; read > 0 && length < buffer.length; length += read)
      read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_TOPIC_BYTES) return refuse(tooLarge(length));
    return utf8.decode(buffer.subarray(0, length));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return refuse(code === 'ERR_ENCODING_INVALID_ENCODED_DATA' ? NOT_UTF8 : cannotRead(code));
  } finally {
    closeSync(fd);
  }
}

let readBuffer: Buffer | undefined;
const SPECIAL_FILE =
  'expected a regular file, found a special file (a pipe, socket or device); remove it from the guide';
const NOT_UTF8 = 'expected UTF-8 text, found bytes that are not UTF-8; save the file as UTF-8';
const CHANGED = 'the file changed while virt read the folder; run the command again';

function cannotRead(code: string): string {
  return code === 'ELOOP'
    ? 'this is a loop of symbolic links (each leads on to the next and back); remove the link'
    : `cannot read this file (${code})`;
}

function linkOutside(folder: boolean): string {
  return `this is a symbolic link to a ${folder ? 'folder' : 'file'} outside the pack folder, which virt does not follow; copy what it links to into the pack`;
}

function tooLarge(size: number): string {
  // Topic files are short; anything this large is a mistake (or an attack) and is refused, not parsed.
  return `file is ${formatBytes(size)}; a topic file may be at most ${formatBytes(MAX_TOPIC_BYTES)}, split it into topics`;
}

/**
 * A path as messages show it. File names come from whoever made the pack, so they are cleaned as names are;
 * nearly all are printable ASCII, which is left as it is without the cost of cleaning.
 */
function shown(path: string): string {
  return /^[\x20-\x7e]*$/.test(path) ? path : cleanName(path);
}

/** The folder with every link resolved, or as given when it cannot be (the listing reports that). */
function realFolder(dir: string): string {
  try {
    return realpathSync.native(dir);
  } catch {
    return resolve(dir);
  }
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

function isInside(root: string, real: string | undefined): boolean {
  if (real === undefined) return false;
  return real === root || real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

export function readText(path: string, problems: ContentProblem[], display: string = path): string | undefined {
  try {
    return utf8.decode(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
        ? NOT_UTF8
        : `cannot read this file (${code ?? (error as Error).message})`;
    problems.push({ file: display, line: 0, message });
    return undefined;
  }
}

/** Lists and reads a guide folder's topic files in path order. */
export function readGuideFolder(
  dir: string,
  options: { pack?: string; label?: string } = {},
): { files: SourceFile[]; problems: ContentProblem[] } {
  const { files: found, problems } = listGuideFiles(dir, options.label ?? dir);
  const files: SourceFile[] = [];
  for (const file of found) {
    const text = readFoundFile(file, problems);
    if (text !== undefined)
      files.push({ file: file.display, text, ...(options.pack !== undefined ? { pack: options.pack } : {}) });
  }
  return { files, problems };
}
