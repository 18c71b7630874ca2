import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ContentProblem } from '../errors.js';
import type { SourceFile } from './build-guide.js';

/** Topic files are short; anything this large is a mistake (or an attack) and is refused, not parsed. */
export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_DEPTH = 8;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Lists and reads a guide folder's topic files in path order. The only code that reads content from disk. */
export async function readGuideFolder(dir: string, options: { pack?: string; label?: string } = {}): Promise<{ files: SourceFile[]; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = [];
  const files: SourceFile[] = [];
  // Paths in messages start the way the user wrote the folder (or `content/` for the built-in guide).
  const display = (path: string) => join(options.label ?? dir, relative(dir, path));
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    problems.push({ file: dir, line: 0, message: code === 'ENOENT' ? 'no such folder; check the path given to --content or VIRT_CONTENT_PATH' : `cannot read this folder (${code ?? (error as Error).message})` });
    return { files, problems };
  }
  if (!info.isDirectory()) {
    problems.push({ file: dir, line: 0, message: 'expected a folder of Markdown topic files, found a file' });
    return { files, problems };
  }
  for (const path of await listMarkdown(dir, 0, problems, display)) {
    const text = await readText(path, problems, display);
    if (text !== undefined) files.push({ file: display(path), text, ...(options.pack !== undefined ? { pack: options.pack } : {}) });
  }
  return { files, problems };
}

export async function readText(path: string, problems: ContentProblem[], display: (path: string) => string = (p) => p): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      // A FIFO or device named like a topic would block the read forever.
      problems.push({ file: display(path), line: 0, message: 'expected a regular file, found a special file (a pipe or device); remove it from the guide' });
      return undefined;
    }
    if (info.size > MAX_FILE_BYTES) {
      problems.push({ file: display(path), line: 0, message: `file is ${(info.size / 1024 / 1024).toFixed(1)} MB; a topic file may be at most 1 MB, split it into topics` });
      return undefined;
    }
    return utf8.decode(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ERR_ENCODING_INVALID_ENCODED_DATA' ? 'expected UTF-8 text, found bytes that are not UTF-8; save the file as UTF-8' : `cannot read this file (${code ?? (error as Error).message})`;
    problems.push({ file: display(path), line: 0, message });
    return undefined;
  }
}

async function listMarkdown(dir: string, depth: number, problems: ContentProblem[], display: (path: string) => string): Promise<string[]> {
  if (depth > MAX_DEPTH) {
    problems.push({ file: display(dir), line: 0, message: `folders nest more than ${MAX_DEPTH} levels deep; flatten the guide` });
    return [];
  }
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    problems.push({ file: display(dir), line: 0, message: `cannot read this folder (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    return [];
  }
  const paths: string[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) paths.push(...(await listMarkdown(path, depth + 1, problems, display)));
    else if (name.endsWith('.md') && name.toLowerCase() !== 'readme.md') paths.push(path);
  }
  return paths;
}
