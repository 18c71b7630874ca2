import type { AttributeDef, AttributeSchema, Topic } from './topic.js';

/** Every attribute any set defines, once each, in schema order. */
export function allAttributeDefs(schema: AttributeSchema): AttributeDef[] {
  const seen = new Set<string>();
  return Object.values(schema.sets)
    .flat()
    .filter((def) => !seen.has(def.key) && (seen.add(def.key), true));
}

/** One of a topic's attributes, as its page shows it: a label, a value, and the one-line reason. */
export interface KeyFact {
  label: string;
  value: string;
  why?: string;
}

/** The attributes a topic gives, in schema order, labelled: the page's key facts. */
export function keyFacts(topic: Topic, schema: AttributeSchema): KeyFact[] {
  return allAttributeDefs(schema).flatMap((def) => {
    const attribute = topic.attributes[def.key];
    if (!attribute) return [];
    return [{ label: def.label, value: attribute.value, ...(attribute.why ? { why: attribute.why } : {}) }];
  });
}
