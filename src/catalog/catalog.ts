import type { Guide, Topic } from '../model/topic.js';
import { resolveName, type Resolution } from './resolve.js';
import { buildNameIndex, type NameIndex } from './name-index.js';

/** Lookups over a checked guide: by id, by name, by parent, by group. */
export interface Catalog {
  guide: Guide;
  topics: Topic[];
  get(id: string): Topic | undefined;
  children(id: string | undefined): Topic[];
  resolve(name: string): Resolution;
  /** Members of a group: a tag (`hypervisors`) or a kind in the plural (`methods`, `products`). */
  group(name: string): Topic[] | undefined;
  groupNames(): string[];
}

export function createCatalog(guide: Guide): Catalog {
  const byId = new Map(guide.topics.map((topic) => [topic.id, topic]));
  const childrenOf = new Map<string | undefined, Topic[]>();
  for (const topic of guide.topics) {
    const parent = topic.parent !== undefined && byId.has(topic.parent) ? topic.parent : undefined;
    const list = childrenOf.get(parent) ?? [];
    list.push(topic);
    childrenOf.set(parent, list);
  }
  let index: NameIndex | undefined;
  let groupMap: Map<string, Topic[]> | undefined;
  const groups = () => (groupMap ??= groupTopics(guide.topics));
  return {
    guide,
    topics: guide.topics,
    get: (id) => byId.get(id),
    children: (id) => childrenOf.get(id) ?? [],
    resolve: (name) => resolveName((index ??= buildNameIndex(guide.topics)), name),
    group: (name) => groups().get(name.toLowerCase().replace(/^@/, '')),
    groupNames: () => [...groups().keys()].sort(),
  };
}

function groupTopics(topics: Topic[]): Map<string, Topic[]> {
  const map = new Map<string, Topic[]>();
  for (const topic of topics) {
    for (const name of new Set([`${topic.kind}s`, ...topic.tags])) map.set(name, [...(map.get(name) ?? []), topic]);
  }
  return map;
}
