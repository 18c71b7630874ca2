import { hash } from 'node:crypto';
import { MAX_CACHE_FILE_BYTES, readPrivateFile, writePrivateFile } from './private-file.js';

/**
 * A cache file is one line of header, then JSON, then its parts, each a text of its own:
 * `{"format":2,"key":…,"sha256":…,"parts":[[length,digest],…]}\n{…}<part 0><part 1>…`. The header names what
 * the file was made for (`key`) and a checksum of the JSON, so a file for something else, an older layout or a
 * damaged file (a flipped bit, a cut-off write) reads as no file at all. Each part has a checksum of its own and
 * is checked and decoded only when it is asked for: a large pack's pages are most of its cache, and a command
 * shows one of them. What the JSON and the parts hold is still checked by whoever reads them: a checksum proves
 * the bytes are whole, not that they are right.
 */
const FORMAT = 2;
const NEWLINE = 0x0a;

// The one-shot hash: a search reads every page of a pack, and a Hash object for each cost more than hashing it.
const sha256 = (bytes: Uint8Array) => hash('sha256', bytes, 'hex');
/** Enough of a checksum to tell a damaged part, which is all it is for. */
const partDigest = (bytes: Uint8Array) => sha256(bytes).slice(0, 16);

/** A checked file as read: its JSON value, and its parts, each checked when first read. */
export interface CheckedFile {
  value: unknown;
  /** The text of part `index`, or undefined when there is no such part or it is damaged. */
  part(index: number): string | undefined;
}

export function writeCheckedFile(
  folder: string,
  name: string,
  key: string,
  value: unknown,
  parts: string[] = [],
): void {
  const body = Buffer.from(JSON.stringify(value));
  const partBytes = parts.map((part) => Buffer.from(part));
  // A file too large to be read back is not worth writing.
  if (body.length + partBytes.reduce((sum, part) => sum + part.length, 0) > MAX_CACHE_FILE_BYTES) return;
  const table = partBytes.map((part) => [part.length, partDigest(part)]);
  const header = Buffer.from(`${JSON.stringify({ format: FORMAT, key, sha256: sha256(body), parts: table })}\n`);
  writePrivateFile(folder, name, Buffer.concat([header, body, ...partBytes]));
}

/** The checked file made for `key`, or undefined when there is none whose header and JSON are whole. */
export function readCheckedFile(folder: string, name: string, key: string): CheckedFile | undefined {
  const bytes = readPrivateFile(folder, name);
  if (!bytes) return undefined;
  const end = bytes.indexOf(NEWLINE);
  if (end < 0) return undefined;
  try {
    const header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Record<string, unknown> | null;
    if (header?.format !== FORMAT || header.key !== key) return undefined;
    const starts = partStarts(header.parts, bytes.length);
    if (!starts) return undefined;
    const body = bytes.subarray(end + 1, starts[0]);
    if (header.sha256 !== sha256(body)) return undefined;
    const value = JSON.parse(body.toString('utf8')) as unknown;
    const table = header.parts as [number, string][];
    return {
      value,
      part: (index) => {
        if (!Number.isInteger(index) || index < 0 || index >= table.length) return undefined;
        const part = bytes.subarray(starts[index], starts[index + 1]);
        return partDigest(part) === table[index]![1] ? part.toString('utf8') : undefined;
      },
    };
  } catch {
    return undefined;
  }
}

/**
 * Where each part begins, and where the last ends (the end of the file), from the header's table of parts;
 * undefined when the table is not one of lengths that fit the file.
 */
function partStarts(table: unknown, fileLength: number): number[] | undefined {
  if (!Array.isArray(table)) return undefined;
  let total = 0;
  for (const entry of table as unknown[]) {
    const [length, digest] = Array.isArray(entry) ? (entry as unknown[]) : [];
    if (!Number.isSafeInteger(length) || (length as number) < 0 || typeof digest !== 'string') return undefined;
    total += length as number;
  }
  if (total > fileLength) return undefined;
  const starts = [fileLength - total];
  for (const [length] of table as [number][]) starts.push(starts.at(-1)! + length);
  return starts;
}

/** A short, stable file name for a key: the first 16 hex digits of its SHA-256. */
export const nameForKey = (prefix: string, key: string) => `${prefix}-${sha256(Buffer.from(key)).slice(0, 16)}.json`;
