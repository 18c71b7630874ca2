import { hash } from 'node:crypto';
import { asciiJson } from './ascii-json.js';
import { MAX_CACHE_FILE_BYTES, readFromPrivateFile, writePrivateFile, type OpenFile } from './private-file.js';

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

/** A checked file as read: its JSON value, and its parts, each checked when read. */
export interface CheckedFile {
  value: unknown;
  /** The text of part `index`, or undefined when there is no such part or it is damaged. */
  part(index: number): string | undefined;
  /** The text of every part, in one read, each undefined when damaged. */
  parts(): (string | undefined)[];
}

export function writeCheckedFile(
  folder: string,
  name: string,
  key: string,
  value: unknown,
  parts: string[] = [],
): void {
  const body = Buffer.from(asciiJson(value));
  const partBytes = parts.map((part) => Buffer.from(part));
  // A file too large to be read back is not worth writing.
  if (body.length + partBytes.reduce((sum, part) => sum + part.length, 0) > MAX_CACHE_FILE_BYTES) return;
  const table = partBytes.map((part) => [part.length, partDigest(part)]);
  const header = Buffer.from(`${JSON.stringify({ format: FORMAT, key, sha256: sha256(body), parts: table })}\n`);
  writePrivateFile(folder, name, Buffer.concat([header, body, ...partBytes]));
}

/**
 * The checked file made for `key`, or undefined when there is none whose header and JSON are whole. Only the
 * header and the JSON are read here; each part is read from the file when asked for.
 */
export function readCheckedFile(folder: string, name: string, key: string): CheckedFile | undefined {
  return readFromPrivateFile(folder, name, (file) => {
    const header = readHeader(file);
    if (header?.fields.format !== FORMAT || header.fields.key !== key) return undefined;
    const starts = partStarts(header.fields.parts, file.size);
    if (!starts || starts[0]! < header.end) return undefined;
    const body = file.bytes(header.end, starts[0]! - header.end);
    if (!body || header.fields.sha256 !== sha256(body)) return undefined;
    const table = header.fields.parts as [number, string][];
    // Parts are read again by place: a file replaced since then fails their checksums, and they are misses.
    const readAgain = (start: number, length: number) =>
      readFromPrivateFile(folder, name, (again) => (again.size === file.size ? again.bytes(start, length) : undefined));
    const checked = (bytes: Buffer | undefined, index: number) =>
      bytes && partDigest(bytes) === table[index]![1] ? bytes.toString('utf8') : undefined;
    return {
      value: JSON.parse(body.toString('utf8')) as unknown,
      part: (index) =>
        Number.isInteger(index) && index >= 0 && index < table.length
          ? checked(readAgain(starts[index]!, table[index]![0]), index)
          : undefined,
      parts: () => {
        const all = readAgain(starts[0]!, file.size - starts[0]!);
        return table.map((_, index) =>
          checked(all?.subarray(starts[index]! - starts[0]!, starts[index + 1]! - starts[0]!), index),
        );
      },
    };
  });
}

/**
 * The header line of a checked file, parsed, and where the JSON after it begins. Read in growing pieces: the
 * header holds the table of parts, as long as a pack has files.
 */
function readHeader(file: OpenFile): { fields: Record<string, unknown>; end: number } | undefined {
  for (let length = 64 * 1024; ; length *= 4) {
    const piece = file.bytes(0, Math.min(length, file.size));
    const newline = piece?.indexOf(NEWLINE) ?? -1;
    if (piece && newline >= 0) {
      const fields = JSON.parse(piece.subarray(0, newline).toString('utf8')) as Record<string, unknown> | null;
      return fields && typeof fields === 'object' ? { fields, end: newline + 1 } : undefined;
    }
    if (!piece || length >= file.size) return undefined;
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
