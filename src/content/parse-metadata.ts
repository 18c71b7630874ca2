import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import { TOPIC_KINDS, type AttributeValue, type Source, type TopicKind } from '../model/topic.js';
import { optionalString, parseAttributes, parseSources, show, stringList } from './metadata-fields.js';
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

const KEYS = [
  'id',
  'title',
  'kind',
  'parent',
  'aliases',
  'tags',
  'summary',
  'related',
  'sources',
  'attributes',
  'overrides',
] as const;
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
    return {
      problems: [
        { line: firstLine, severity: 'error', message: `malformed metadata: ${cleanText((error as Error).message)}` },
      ],
    };
  }
  const lineOf = (key: string) => lines[key] ?? firstLine;
  const error = (key: string, message: string) => problems.push({ line: lineOf(key), message, severity: 'error' });
  const warn = (key: string, message: string) => problems.push({ line: lineOf(key), message, severity: 'warning' });

  for (const key of Object.keys(data)) {
    if (!(KEYS as readonly string[]).includes(key))
      error(key, `unknown metadata key "${key}"; expected one of ${KEYS.join(', ')}`);
  }

  const id = data.id;
  if (id === undefined) error('id', 'missing id: expected for example "id: paravirtualization"');
  else if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    error(
      'id',
      `expected id to be lowercase letters, digits and hyphens (like "full-virtualization"), found ${show(id)}`,
    );
  }
  const title = optionalString(data, 'title', error);
  if (title === undefined && data.title === undefined)
    error('title', 'missing title: expected for example "title: Paravirtualization"');
  const kind = data.kind;
  if (kind === undefined) error('kind', `missing kind: expected one of ${TOPIC_KINDS.join(', ')}`);
  else if (!(TOPIC_KINDS as readonly unknown[]).includes(kind))
    error('kind', `expected kind to be one of ${TOPIC_KINDS.join(', ')}, found ${show(kind)}`);
  const parent = optionalString(data, 'parent', error);
  const summary = optionalString(data, 'summary', error);
  if (summary === undefined && data.summary === undefined)
    warn('summary', 'missing summary: every topic needs a one-line summary');
  const aliases = stringList(data, 'aliases', error);
  const tags = stringList(data, 'tags', error);
  const related = stringList(data, 'related', error);
  const sources = parseSources(data.sources, (message) => error('sources', message));
  if (data.sources === undefined)
    warn('sources', 'missing sources: every topic lists at least one source (title and url)');
  const attributes = parseAttributes(data.attributes, (message) => error('attributes', message));
  const overrides = data.overrides ?? false;
  if (typeof overrides !== 'boolean')
    error('overrides', `expected overrides to be true or false, found ${show(overrides)}`);

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
