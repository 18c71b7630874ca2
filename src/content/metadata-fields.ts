import type { AttributeValue, Source } from '../model/topic.js';
import { cleanText } from './sanitize.js';

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

export function stringList(data: Record<string, unknown>, key: string, error: Report): string[] {
  const value = data[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.trim() !== '')) {
    error(key, `expected ${key} to be a list of strings (like [a, b]), found ${show(value)}`);
    return [];
  }
  return value.map((item: string) => item.trim());
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
      sources.push({ title: cleanText(entry.title), url: cleanText(entry.url) });
    }
  });
  return sources;
}

export function parseAttributes(value: unknown, error: (message: string) => void): Record<string, AttributeValue> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    error(`expected attributes to be a map of attribute keys, found ${show(value)}`);
    return {};
  }
  const attributes: Record<string, AttributeValue> = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (typeof raw === 'string') {
      attributes[key] = { value: cleanText(raw) };
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
      value: cleanText(entry.value as string),
      ...(typeof entry.why === 'string' ? { why: cleanText(entry.why) } : {}),
    };
  }
  return attributes;
}

/** A short, single-line picture of a found value for error messages. */
export function show(value: unknown): string {
  const text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  const clean = cleanText(text);
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}
