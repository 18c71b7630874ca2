import { allAttributeDefs } from './attributes.js';
import type { AttributeSchema, Topic } from './topic.js';

interface ComparisonRow {
  key: string;
  label: string;
  /** One per topic, in topic order; undefined where a topic has no value. */
  values: (string | undefined)[];
  whys: (string | undefined)[];
  differs: boolean;
}

export interface Comparison {
  topics: Topic[];
  rows: ComparisonRow[];
}

/**
 * Lines topics up attribute by attribute. Topics of one kind use that kind's attribute set in schema order;
 * mixed kinds use the union of the attributes any of them has, so nothing is hidden.
 */
export function buildComparison(topics: Topic[], schema: AttributeSchema): Comparison {
  const kinds = new Set(topics.map((topic) => topic.kind));
  const onlyKind = kinds.size === 1 ? [...kinds][0]! : undefined;
  const ownSet = onlyKind !== undefined ? schema.sets[onlyKind] : undefined;
  const defs = ownSet ?? allAttributeDefs(schema).filter((def) => topics.some((topic) => topic.attributes[def.key]));
  const rows = defs.map((def): ComparisonRow => {
    const values = topics.map((topic) => topic.attributes[def.key]?.value);
    const normalized = new Set(values.map((value) => value?.trim().toLowerCase() ?? ''));
    return {
      key: def.key,
      label: def.label,
      values,
      whys: topics.map((topic) => topic.attributes[def.key]?.why),
      differs: normalized.size > 1,
    };
  });
  return { topics, rows };
}

/** Whether the topics can be compared: some attribute every one of them has a value for. */
export function canCompare(topics: Topic[]): boolean {
  const [first, ...rest] = topics;
  if (!first) return false;
  return Object.keys(first.attributes).some((key) => rest.every((topic) => topic.attributes[key] !== undefined));
}
