import { createHash } from 'node:crypto';
import { MAX_CACHE_FILE_BYTES, readPrivateFile, writePrivateFile } from './private-file.js';

/**
 * A cache file is one line of header, then JSON: `{"format":1,"key":…,"sha256":…}\n{…}`. The header names
 * what the file was made for (`key`) and a checksum of the JSON after it, so a file for something else, an
 * older layout or a damaged file (a flipped bit, a cut-off write) reads as no file at all. What the JSON
 * holds is still checked by whoever reads it: a checksum proves the bytes are whole, not that they are right.
 */
const FORMAT = 1;
const NEWLINE = 0x0a;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function writeCheckedFile(folder: string, name: string, key: string, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  // A file too large to be read back is not worth writing.
  if (body.length > MAX_CACHE_FILE_BYTES) return;
  const header = Buffer.from(`${JSON.stringify({ format: FORMAT, key, sha256: sha256(body) })}\n`);
  writePrivateFile(folder, name, Buffer.concat([header, body]));
}

/** The JSON value of a checked file made for `key`, or undefined when there is none that is whole. */
export function readCheckedFile(folder: string, name: string, key: string): unknown {
  const bytes = readPrivateFile(folder, name);
  if (!bytes) return undefined;
  const end = bytes.indexOf(NEWLINE);
  if (end < 0) return undefined;
  try {
    const header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Record<string, unknown> | null;
    if (header?.format !== FORMAT || header.key !== key) return undefined;
    const body = bytes.subarray(end + 1);
    if (header.sha256 !== sha256(body)) return undefined;
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** A short, stable file name for a key: the first 16 hex digits of its SHA-256. */
export const nameForKey = (prefix: string, key: string) => `${prefix}-${sha256(Buffer.from(key)).slice(0, 16)}.json`;
