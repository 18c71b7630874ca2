import { constants, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import type { ContentProblem } from '../errors.js';
import type { SourceFile } from './build-guide.js';
import { formatBytes, MAX_TOPIC_BYTES } from './markdown-limits.js';

const MAX_DEPTH = 8;
/** A guide of this many entries is surely the wrong folder (say `--content /`); stop rather than crawl it. */
export const MAX_ENTRIES = 20_000;
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
      file: dir,
      line: 0,
      message:
        code === 'ENOENT'
          ? 'no such folder; check the path given to --content or VIRT_CONTENT_PATH'
          : `cannot read this folder (${code ?? (error as Error).message})`,
    });
    return { files, problems };
  }
  if (!info.isDirectory()) {
    problems.push({ file: dir, line: 0, message: 'expected a folder of Markdown topic files, found a file' });
    return { files, problems };
  }
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
        file: display,
        line: 0,
        message: 'this folder is a link to a folder already read (a loop); remove the link',
      });
      return;
    }
    visited.add(id);
    if (depth > MAX_DEPTH) {
      problems.push({
        file: display,
        line: 0,
        message: `folders nest more than ${MAX_DEPTH} levels deep; flatten the guide`,
      });
      return;
    }
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch (error) {
      problems.push({
        file: display,
        line: 0,
        message: `cannot read this folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      if (++entries > MAX_ENTRIES) {
        // Said first: it explains every other problem found on the way.
        if (entries === MAX_ENTRIES + 1)
          problems.unshift({
            file: label,
            line: 0,
            message: `more than ${MAX_ENTRIES} entries; is this the right folder? a guide is a folder of topic files`,
          });
        return;
      }
      const path = folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
      let stats: Stats | undefined;
      try {
        stats = statSync(path);
      } catch {
        stats = undefined;
      }
      const relativePath = inside ? `${inside}/${name}` : name;
      // The file type from the mode bits: Stats' isDirectory()/isFile() took milliseconds over thousands of files.
      const type = stats ? stats.mode & constants.S_IFMT : 0;
      if (type === constants.S_IFDIR) walk(path, relativePath, depth + 1, stats!);
      else if (name.endsWith('.md') && name.toLowerCase() !== 'readme.md') {
        files.push({
          path,
          display: `${underFolder}${name}`,
          relativePath,
          size: stats?.size ?? -1,
          changedMs: stats?.ctimeMs ?? -1,
          ino: stats?.ino ?? -1,
          isFile: type === constants.S_IFREG,
        });
      }
    }
  };
  walk(dir, '', 0, info);
  return { files, problems };
}

/** Reads one topic file as UTF-8 text, or records why it cannot be used. */
export function readFoundFile(file: FoundFile, problems: ContentProblem[]): string | undefined {
  if (file.size < 0) {
    problems.push({ file: file.display, line: 0, message: 'cannot read this file (ENOENT)' });
    return undefined;
  }
  if (!file.isFile) {
    // A FIFO or device named like a topic would block the read forever.
    problems.push({
      file: file.display,
      line: 0,
      message: 'expected a regular file, found a special file (a pipe or device); remove it from the guide',
    });
    return undefined;
  }
  if (file.size > MAX_TOPIC_BYTES) {
    // Topic files are short; anything this large is a mistake (or an attack) and is refused, not parsed.
    problems.push({
      file: file.display,
      line: 0,
      message: `file is ${formatBytes(file.size)}; a topic file may be at most ${formatBytes(MAX_TOPIC_BYTES)}, split it into topics`,
    });
    return undefined;
  }
  return readText(file.path, problems, file.display);
}

export function readText(path: string, problems: ContentProblem[], display: string = path): string | undefined {
  try {
    return utf8.decode(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
        ? 'expected UTF-8 text, found bytes that are not UTF-8; save the file as UTF-8'
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
