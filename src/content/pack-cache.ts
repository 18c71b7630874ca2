import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ensureFolder } from './paths.js';
import { join } from 'node:path';
import type { Problem } from './check-guide.js';
import type { ParsedTopic } from './parse-topic.js';

/** A parsed topic file, valid while the file keeps this size and modification time. */
export interface CachedTopic {
  size: number;
  mtimeMs: number;
  parsed: ParsedTopic;
}

const hash = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 16);

/** One cache file per pack folder (as resolved and as named in messages) and virt version. */
function cacheFile(directory: string, key: string): string {
  return join(directory, `pack-${hash(key)}.json`);
}

/**
 * Pages are kept out of the cache's index, one file each, so a command reads only the page it shows.
 * Returns the file written, or undefined when it could not be (the page then stays in the index).
 */
export function writeCachedBody(directory: string | undefined, key: string, relativePath: string, body: unknown): string | undefined {
  if (!directory) return undefined;
  try {
    const folder = join(directory, `pack-${hash(key)}`);
    ensureFolder(folder, 3);
    const file = join(folder, `${hash(relativePath)}.json`);
    writeFileSync(file, JSON.stringify(body));
    return file;
  } catch {
    return undefined;
  }
}

/** The outcome of checking the pack against the guide beneath it, reused while neither changes. */
export interface CachedCheck {
  /** Fingerprint of the guide beneath the pack. */
  base: string;
  /** Topic ids in reading order after overrides. */
  ids: string[];
  problems: Problem[];
}

export interface PackCache {
  files: Map<string, CachedTopic>;
  checked?: CachedCheck;
}

export const fingerprint = (ids: string[]) => hash(ids.join('\n'));

export function readPackCache(directory: string | undefined, key: string): PackCache {
  if (!directory) return { files: new Map() };
  try {
    const data = JSON.parse(readFileSync(cacheFile(directory, key), 'utf8')) as { key: string; files: Record<string, CachedTopic>; checked?: CachedCheck };
    if (data.key !== key) return { files: new Map() };
    return { files: new Map(Object.entries(data.files)), ...(data.checked ? { checked: data.checked } : {}) };
  } catch {
    return { files: new Map() };
  }
}

/** Best effort: a cache that cannot be written only means the next run parses again. */
export function writePackCache(directory: string | undefined, key: string, files: Map<string, CachedTopic>, checked: CachedCheck): void {
  if (!directory) return;
  try {
    ensureFolder(directory);
    const target = cacheFile(directory, key);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ key, files: Object.fromEntries(files), checked }));
    renameSync(temporary, target);
  } catch {
    /* read-only home, full disk: run without a cache */
  }
}
