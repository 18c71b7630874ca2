import { closest, distance } from 'fastest-levenshtein';
import type { ContentProblem } from '../errors.js';
import type { AttributeSchema, Guide, Topic } from '../model/topic.js';
import { normalizeName } from '../model/normalize.js';
import { allAttributeDefs } from '../model/attributes.js';
import type { WorkMeter } from './work-meter.js';

/** A parsed topic and what cross-topic checks need to point at its lines. */
export interface TopicEntry {
  topic: Topic;
  lines: Record<string, number>;
  overrides: boolean;
}

export interface Problem extends ContentProblem {
  severity: 'error' | 'warning';
}

/**
 * Checks the topics as one guide, in reading order: ids and names unique, links resolving, attribute sets
 * complete. A later topic (from a pack) may replace an earlier one of the same id only with `overrides: true`.
 */
/** The links of a file whose topic could not be built: checked all the same, so every problem is reported. */
export interface UnbuiltLinks {
  file: string;
  lines: Record<string, number>;
  related: string[];
  parent?: string;
}

export function checkGuide(
  entries: TopicEntry[],
  schema: AttributeSchema,
  meter: WorkMeter = { steps: 0 },
  unbuilt: UnbuiltLinks[] = [],
): { guide: Guide; problems: Problem[] } {
  const problems: Problem[] = [];
  const where = (entry: TopicEntry, key: string) => ({
    file: entry.topic.origin.file,
    line: entry.lines[key] ?? entry.topic.origin.line,
  });
  const error = (entry: TopicEntry, key: string, message: string) =>
    problems.push({ ...where(entry, key), message, severity: 'error' });
  const warn = (entry: TopicEntry, key: string, message: string) =>
    problems.push({ ...where(entry, key), message, severity: 'warning' });

  const byId = new Map<string, TopicEntry>();
  const order: string[] = [];
  for (const entry of entries) {
    const previous = byId.get(entry.topic.id);
    if (!previous) {
      byId.set(entry.topic.id, entry);
      order.push(entry.topic.id);
    } else if (entry.overrides && entry.topic.origin.pack !== undefined) {
      byId.set(entry.topic.id, entry);
    } else {
      const at = where(previous, 'id');
      error(
        entry,
        'id',
        `duplicate id "${entry.topic.id}": already used by ${at.file}:${at.line}${entry.topic.origin.pack !== undefined ? ' (add "overrides: true" to replace it)' : ''}`,
      );
    }
  }
  const kept = order.map((id) => byId.get(id)!);

  const owners = new Map<string, TopicEntry>();
  for (const entry of kept) {
    const names: [string, string][] = [
      ['id', entry.topic.id],
      ['title', entry.topic.title],
      ...entry.topic.aliases.map((a): [string, string] => ['aliases', a]),
    ];
    const own = new Set<string>();
    for (const [key, name] of names) {
      meter.steps += 1;
      const normal = normalizeName(name);
      if (!normal || own.has(normal)) continue;
      own.add(normal);
      const owner = owners.get(normal);
      if (owner && owner !== entry) {
        const at = where(owner, 'id');
        error(
          entry,
          key,
          `name "${name}" of "${entry.topic.id}" is already claimed by "${owner.topic.id}" (${at.file}:${at.line}); drop or change one of them`,
        );
      } else {
        owners.set(normal, entry);
      }
    }
  }

  for (const links of unbuilt) {
    const at = (key: string) => ({ file: links.file, line: links.lines[key] ?? 1, severity: 'error' as const });
    for (const id of links.related) {
      meter.steps += 1;
      if (!byId.has(id))
        problems.push({ ...at('related'), message: `related topic "${id}" does not exist${suggest(id, byId)}` });
    }
    if (links.parent !== undefined && !byId.has(links.parent))
      problems.push({
        ...at('parent'),
        message: `parent topic "${links.parent}" does not exist${suggest(links.parent, byId)}`,
      });
  }

  const defs = new Set(allAttributeDefs(schema).map((def) => def.key));
  for (const entry of kept) {
    const { topic } = entry;
    for (const id of topic.related) {
      meter.steps += 1;
      if (!byId.has(id)) error(entry, 'related', `related topic "${id}" does not exist${suggest(id, byId)}`);
      else if (id === topic.id) warn(entry, 'related', `"${id}" lists itself as related`);
    }
    if (topic.parent !== undefined && !byId.has(topic.parent))
      error(entry, 'parent', `parent topic "${topic.parent}" does not exist${suggest(topic.parent, byId)}`);
    for (const key of Object.keys(topic.attributes)) {
      if (!defs.has(key))
        warn(
          entry,
          'attributes',
          `attribute "${key}" is not in the shared attribute set (content/attributes.yaml); expected one of ${[...defs].join(', ')}`,
        );
    }
    const set = schema.sets[topic.kind];
    for (const def of set ?? []) {
      const value = topic.attributes[def.key];
      if (!value) warn(entry, 'attributes', `a ${topic.kind} needs attribute "${def.key}" (${def.label})`);
      else if (topic.kind === 'method' && !value.why)
        warn(entry, 'attributes', `attribute "${def.key}" of a method needs a one-line "why"`);
    }
    if (topic.sources.length === 0 && entry.lines.sources !== undefined)
      warn(entry, 'sources', 'expected at least one source, found an empty list');
  }
  return { guide: { topics: kept.map((entry) => entry.topic), schema }, problems };
}

function suggest(id: string, byId: Map<string, TopicEntry>): string {
  if (byId.size === 0) return '';
  const close = closest(id, [...byId.keys()]);
  return distance(id, close) <= Math.max(2, Math.floor(id.length / 3)) ? ` (did you mean "${close}"?)` : '';
}

/** Turns an already checked guide back into entries, so packs can be checked against it. */
export function entriesOf(guide: Guide): TopicEntry[] {
  return guide.topics.map((topic) => ({ topic, lines: {}, overrides: false }));
}
