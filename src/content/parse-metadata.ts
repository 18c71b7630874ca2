import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import { TOPIC_KINDS, type Topic, type TopicKind } from '../model/topic.js';
import {
  nameList,
  optionalName,
  optionalString,
  parseAttributes,
  parseSources,
  reservedKey,
  show,
} from './metadata-fields.js';
import { METADATA_KEYS } from './metadata-keys.js';
import { cleanLine, cleanText, RESERVED_KEYS } from './sanitize.js';

/** The metadata block of one topic, checked for shape. */
/** A topic's metadata block: the topic without its page and origin, and what the checks across topics need. */
export type TopicMeta = Omit<Topic, 'intro' | 'sections' | 'questions' | 'origin'> & {
  /** A pack topic may replace a built-in one of the same id only when it says so. */
  overrides: boolean;
  /** Line of each metadata key, for later cross-topic checks. */
  lines: Record<string, number>;
};

/** The links of a topic that could not be built, for the guide's check of links. */
export interface TopicLinks {
  related: string[];
  parent?: string;
}

export interface MetaProblem {
  line: number;
  message: string;
  /** Warnings fail `virt lint` but do not stop the guide from loading. */
  severity: 'error' | 'warning';
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseMetadata(
  document: Document,
  lineCounter: LineCounter,
  firstLine: number,
): { meta?: TopicMeta; problems: MetaProblem[]; links?: TopicLinks; lines?: Record<string, number> } {
  const problems: MetaProblem[] = [];
  const keyLines = (node: unknown) => {
    const found = new Map<string, number>();
    if (isMap(node))
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        const offset = isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0;
        if (!found.has(key)) found.set(key, firstLine + lineCounter.linePos(offset).line - 1);
      }
    return found;
  };
  // No prototype: a key "__proto__" must not reach one (it is refused below, with its line).
  const lines = Object.create(null) as Record<string, number>;
  for (const [key, line] of keyLines(document.contents)) {
    if (RESERVED_KEYS.has(key)) problems.push({ line, severity: 'error', message: reservedKey(key, 'a metadata key') });
    else lines[key] = line;
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
    if (!RESERVED_KEYS.has(key) && !(METADATA_KEYS as readonly string[]).includes(key))
      error(key, `unknown metadata key ${show(key)}; expected one of ${METADATA_KEYS.join(', ')}`);
  }

  const id = data.id;
  if (id === undefined) error('id', 'missing id: expected for example "id: paravirtualization"');
  else if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    error(
      'id',
      `expected id to be lowercase letters, digits and hyphens (like "full-virtualization"), found ${show(id)}`,
    );
  }
  const title = optionalName(data, 'title', error);
  if (title === undefined && data.title === undefined)
    error('title', 'missing title: expected for example "title: Paravirtualization"');
  const kind = data.kind;
  if (kind === undefined) error('kind', `missing kind: expected one of ${TOPIC_KINDS.join(', ')}`);
  else if (!(TOPIC_KINDS as readonly unknown[]).includes(kind))
    error('kind', `expected kind to be one of ${TOPIC_KINDS.join(', ')}, found ${show(kind)}`);
  const parent = optionalName(data, 'parent', error);
  const summary = optionalString(data, 'summary', error);
  if (summary === undefined && data.summary === undefined)
    warn('summary', 'missing summary: every topic needs a one-line summary');
  const aliases = nameList(data, 'aliases', error);
  const tags = nameList(data, 'tags', error);
  const related = nameList(data, 'related', error);
  const sources = parseSources(data.sources, (message) => error('sources', message));
  if (data.sources === undefined)
    warn('sources', 'missing sources: every topic lists at least one source (title and url)');
  const attributeLines = keyLines(document.get('attributes', true));
  const attributes = parseAttributes(data.attributes, (message, key) =>
    problems.push({
      line: (key !== undefined ? attributeLines.get(key) : undefined) ?? lineOf('attributes'),
      message,
      severity: 'error',
    }),
  );
  const overrides = data.overrides ?? false;
  if (typeof overrides !== 'boolean')
    error('overrides', `expected overrides to be true or false, found ${show(overrides)}`);

  // A topic with an error is not built, but its links are still checked, so that lint reports every
  // problem of the file at once.
  if (problems.some((p) => p.severity === 'error'))
    return { problems, links: { related, ...(typeof parent === 'string' ? { parent } : {}) }, lines };
  return {
    problems,
    meta: {
      id: id as string,
      title: title ?? '',
      kind: kind as TopicKind,
      ...(parent !== undefined ? { parent } : {}),
      aliases,
      tags,
      summary: cleanLine(summary ?? ''),
      related,
      sources,
      attributes,
      overrides: overrides === true,
      lines,
    },
  };
}
