import type { AttributeDef, AttributeSchema } from './topic.js';

/** Every attribute any set defines, once each, in schema order. */
export function allAttributeDefs(schema: AttributeSchema): AttributeDef[] {
  const seen = new Set<string>();
  return Object.values(schema.sets)
    .flat()
    .filter((def) => !seen.has(def.key) && (seen.add(def.key), true));
}
