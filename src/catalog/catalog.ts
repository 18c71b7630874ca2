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
  /** The topic with its intro and sections, read on demand for compiled topics. */
  page(topic: Topic): Topic;
  /** Members of a group: a tag (`hypervisors`) or a kind in the plural (`methods`, `products`). */
  group(name: string): Topic[] | undefined;
  groupNames(): string[];
}

export interface CatalogOptions {
  /** Reads the body of a compiled topic (one whose origin names a bodyFile). */
  loadBody?: (topic: Topic) => Pick<Topic, 'intro' | 'sections'>;
}

export function createCatalog(guide: Guide, options: CatalogOptions = {}): Catalog {
  const pages = new Map<string, Topic>();
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
    page: (topic) => {
      if (topic.origin.bodyFile === undefined || !options.loadBody) return topic;
      let page = pages.get(topic.id);
      if (!page) pages.set(topic.id, (page = withPage(topic, options.loadBody(topic))));
      return page;
    },
    resolve: (name) => {
      // An exact id needs no index of every name: the common case in scripts and links stays cheap.
      const byExactId = byId.get(name);
      return byExactId
        ? { kind: 'found', topic: byExactId, via: 'name' }
        : resolveName((index ??= buildNameIndex(guide.topics)), name);
    },
    group: (name) => groups().get(name.toLowerCase().replace(/^@/, '')),
    groupNames: () => [...groups().keys()].sort(),
  };
}

/**
 * The topic with its page. Every field is named, not spread: a pack topic restored from the cache keeps
 * its page fields as getters (see content/pack-cache-entry.ts), which a spread would leave behind.
 */
function withPage(topic: Topic, page: Pick<Topic, 'intro' | 'sections'>): Topic {
  const { id, title, kind, aliases, tags, summary, related, sources, attributes, origin } = topic;
  return {
    id,
    title,
    kind,
    ...(topic.parent !== undefined ? { parent: topic.parent } : {}),
    aliases,
    tags,
    summary,
    related,
    sources,
    attributes,
    intro: page.intro,
    sections: page.sections,
    origin,
  };
}

function groupTopics(topics: Topic[]): Map<string, Topic[]> {
  const map = new Map<string, Topic[]>();
  for (const topic of topics) {
    for (const name of new Set([`${topic.kind}s`, ...topic.tags])) map.set(name, [...(map.get(name) ?? []), topic]);
  }
  return map;
}
