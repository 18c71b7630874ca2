import type { AttributeValue, Source } from '../model/topic.js';
import { cleanLine, cleanName, cleanText, RESERVED_KEYS } from './sanitize.js';

/** Readers for the metadata fields, each reporting a wrongly shaped value with what was expected and found. */
export type Report = (key: string, message: string) => void;

export function optionalString(data: Record<string, unknown>, key: string, error: Report): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    error(key, `expected ${key} to be a non-empty string, found ${show(value)}`);
    return undefined;
  }
  return value.trim();
}

/** A name (a title, or a topic it links to), cleaned as names are (see cleanName). */
export function optionalName(data: Record<string, unknown>, key: string, error: Report): string | undefined {
  const value = optionalString(data, key, error);
  if (value === undefined) return undefined;
  const name = cleanName(value);
  if (name === '') error(key, `expected ${key} to be a non-empty string, found ${show(value)}`);
  return name || undefined;
}

/** A list of names (aliases, tags, related topics), each cleaned as names are (see cleanName). */
export function nameList(data: Record<string, unknown>, key: string, error: Report): string[] {
  const value = data[key];
  if (value === undefined || value === null) return [];
  const names = Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? cleanName(item) : '')) : [];
  if (!Array.isArray(value) || names.some((name) => name === '')) {
    error(key, `expected ${key} to be a list of strings (like [a, b]), found ${show(value)}`);
    return [];
  }
  return names;
}

export function parseSources(value: unknown, error: (message: string) => void): Source[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    error(`expected sources to be a list of {title, url}, found ${show(value)}`);
    return [];
  }
  const sources: Source[] = [];
  value.forEach((item: unknown, index) => {
    const entry = item as Record<string, unknown> | null;
    if (!entry || typeof entry !== 'object' || typeof entry.title !== 'string' || typeof entry.url !== 'string') {
      error(`expected sources[${index}] to have a title and a url, found ${show(item)}`);
    } else if (!/^https?:\/\/\S+$/.test(entry.url)) {
      error(`expected sources[${index}].url to be an http(s) address, found ${show(entry.url)}`);
    } else {
      sources.push({ title: cleanLine(entry.title), url: cleanLine(entry.url) });
    }
  });
  return sources;
}

/** Reads `attributes`; an error about one key passes that key as written, so it can be located. */
export function parseAttributes(
  value: unknown,
  error: (message: string, key?: string) => void,
): Record<string, AttributeValue> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    error(`expected attributes to be a map of attribute keys, found ${show(value)}`);
    return {};
  }
  const attributes: Record<string, AttributeValue> = {};
  for (const [written, raw] of Object.entries(value as Record<string, unknown>)) {
    const key = cleanName(written);
    if (RESERVED_KEYS.has(key)) {
      error(reservedKey(key, 'an attribute key'), written);
      continue;
    }
    if (key === '' || Object.hasOwn(attributes, key)) {
      error(
        key === ''
          ? `expected attribute keys to be names, found ${show(written)}`
          : `attribute "${key}" is given twice`,
        written,
      );
      continue;
    }
    if (typeof raw === 'string') {
      attributes[key] = { value: cleanLine(raw) };
      continue;
    }
    const entry = raw as Record<string, unknown> | null;
    const ok =
      entry !== null &&
      typeof entry === 'object' &&
      !Array.isArray(entry) &&
      typeof entry.value === 'string' &&
      (entry.why === undefined || typeof entry.why === 'string') &&
      Object.keys(entry).every((k) => k === 'value' || k === 'why');
    if (!ok) {
      error(
        `expected attribute "${key}" to be a string or {value, why} of strings (quote numbers and dates), found ${show(raw)}`,
      );
      continue;
    }
    attributes[key] = {
      value: cleanLine(entry.value as string),
      ...(typeof entry.why === 'string' ? { why: cleanLine(entry.why) } : {}),
    };
  }
  return attributes;
}

/** Why `__proto__` and its like are refused (see RESERVED_KEYS). */
export function reservedKey(key: string, what: string): string {
  return `"${key}" cannot be ${what}: it names a built-in of JavaScript objects and would be lost or misread; rename or remove it`;
}

/** A short, single-line picture of a found value for error messages. */
export function show(value: unknown): string {
  // JSON.stringify gives undefined only for functions and symbols, which YAML never makes.
  const text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? typeof value);
  // Written out, so the author sees the character that is not allowed (JSON has done so for C0 controls).
  const clean = cleanText(
    text.replace(/[\u0080-\u009f\p{Cf}]/gu, (c) => {
      const code = c.codePointAt(0) ?? 0;
      return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
    }),
  );
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}
