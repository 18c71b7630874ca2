import type { Topic } from '../model/topic.js';
import { normalizeName } from '../model/normalize.js';

/** Every name a topic answers to (id, title, aliases), normalized, sorted for prefix lookups. */
export interface NameIndex {
  exact: Map<string, Topic>;
  names: { name: string; topic: Topic }[];
}

export function buildNameIndex(topics: Topic[]): NameIndex {
  const exact = new Map<string, Topic>();
  const names: { name: string; topic: Topic }[] = [];
  for (const topic of topics) {
    for (const raw of [topic.id, topic.title, ...topic.aliases]) {
      const name = normalizeName(raw);
      if (!name || exact.has(name)) continue;
      exact.set(name, topic);
      names.push({ name, topic });
    }
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { exact, names };
}
