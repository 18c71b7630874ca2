import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import { TOPIC_KINDS, type AttributeValue, type Source, type TopicKind } from '../model/topic.js';
import { cleanText } from './sanitize.js';

/** The metadata block of one topic, checked for shape. */
export interface TopicMeta {
  id: string;
  title: string;
  kind: TopicKind;
  parent?: string;
  aliases: string[];
  tags: string[];
  summary: string;
  related: string[];
  sources: Source[];
  attributes: Record<string, AttributeValue>;
  /** A pack topic may replace a built-in one of the same id only when it says so. */
  overrides: boolean;
  /** Line of each metadata key, for later cross-topic checks. */
  lines: Record<string, number>;
}

export interface MetaProblem {
  line: number;
  message: string;
  /** Warnings fail `virt lint` but do not stop the guide from loading. */
  severity: 'error' | 'warning';
}

const KEYS = ['id', 'title', 'kind', 'parent', 'aliases', 'tags', 'summary', 'related', 'sources', 'attributes', 'overrides'] as const;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseMetadata(
  document: Document,
  lineCounter: LineCounter,
  firstLine: number,
): { meta?: TopicMeta; problems: MetaProblem[] } {
  const problems: MetaProblem[] = [];
  const lines: Record<string, number> = {};
  const map = document.contents;
  if (isMap(map)) {
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      const offset = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0;
      lines[key] = firstLine + lineCounter.linePos(offset).line - 1;
    }
  }
  let data: Record<string, unknown>;
  try {
    data = document.toJS({ maxAliasCount: 50 }) as Record<string, unknown>;
  } catch (error) {
    // yaml reports unresolved aliases and alias bombs only when values are built.
    return { problems: [{ line: firstLine, severity: 'error', message: `malformed metadata: ${cleanText((error as Error).message)}` }] };
  }
  const lineOf = (key: string) => lines[key] ?? firstLine;
  const error = (key: string, message: string) => problems.push({ line: lineOf(key), message, severity: 'error' });
  const warn = (key: string, message: string) => problems.push({ line: lineOf(key), message, severity: 'warning' });

  for (const key of Object.keys(data)) {
    if (!(KEYS as readonly string[]).includes(key)) error(key, `unknown metadata key "${key}"; expected one of ${KEYS.join(', ')}`);
  }

  const id = data.id;
  if (id === undefined) error('id', 'missing id: expected for example "id: paravirtualization"');
  else if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    error('id', `expected id to be lowercase letters, digits and hyphens (like "full-virtualization"), found ${show(id)}`);
  }
  const title = optionalString(data, 'title', error);
  if (title === undefined && data.title === undefined) error('title', 'missing title: expected for example "title: Paravirtualization"');
  const kind = data.kind;
  if (kind === undefined) error('kind', `missing kind: expected one of ${TOPIC_KINDS.join(', ')}`);
  else if (!(TOPIC_KINDS as readonly unknown[]).includes(kind)) error('kind', `expected kind to be one of ${TOPIC_KINDS.join(', ')}, found ${show(kind)}`);
  const parent = optionalString(data, 'parent', error);
  const summary = optionalString(data, 'summary', error);
  if (summary === undefined && data.summary === undefined) warn('summary', 'missing summary: every topic needs a one-line summary');
  const aliases = stringList(data, 'aliases', error);
  const tags = stringList(data, 'tags', error);
  const related = stringList(data, 'related', error);
  const sources = parseSources(data.sources, (message) => error('sources', message));
  if (data.sources === undefined) warn('sources', 'missing sources: every topic lists at least one source (title and url)');
  const attributes = parseAttributes(data.attributes, (message) => error('attributes', message));
  const overrides = data.overrides ?? false;
  if (typeof overrides !== 'boolean') error('overrides', `expected overrides to be true or false, found ${show(overrides)}`);

  if (problems.some((p) => p.severity === 'error')) return { problems };
  return {
    problems,
    meta: {
      id: id as string,
      title: cleanText(title ?? ''),
      kind: kind as TopicKind,
      ...(parent !== undefined ? { parent } : {}),
      aliases: aliases.map((a) => cleanText(a)),
      tags,
      summary: cleanText(summary ?? ''),
      related,
      sources,
      attributes,
      overrides: overrides === true,
      lines,
    },
  };
}

type Report = (key: string, message: string) => void;

function optionalString(data: Record<string, unknown>, key: string, error: Report): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    error(key, `expected ${key} to be a non-empty string, found ${show(value)}`);
    return undefined;
  }
  return value.trim();
}

function stringList(data: Record<string, unknown>, key: string, error: Report): string[] {
  const value = data[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.trim() !== '')) {
    error(key, `expected ${key} to be a list of strings (like [a, b]), found ${show(value)}`);
    return [];
  }
  return value.map((item: string) => item.trim());
}

function parseSources(value: unknown, error: (message: string) => void): Source[] {
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

function parseAttributes(value: unknown, error: (message: string) => void): Record<string, AttributeValue> {
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
      error(`expected attribute "${key}" to be a string or {value, why} of strings (quote numbers and dates), found ${show(raw)}`);
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
  const text = value === undefined ? 'nothing' : JSON.stringify(value) ?? String(value);
  const clean = cleanText(text);
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}
