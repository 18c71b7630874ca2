import { canCompare } from '../model/comparison.js';
import type { Question } from '../model/question.js';
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
  /**
   * The topic with what only its own page shows (its intro and sections, and for the compiled guide its
   * sources and questions), read when first asked for where the guide keeps pages apart.
   */
  page(topic: Topic): Promise<Topic>;
  /**
   * The questions of these topics, topic by topic in the order given (the guide's, for `catalog.topics`),
   * read in one go where the guide keeps them apart; `topic.questions` may be empty until then.
   */
  questions(topics: Topic[]): Question[];
  /** Members of a group: a tag (`hypervisors`) or a kind in the plural (`methods`, `products`). */
  group(name: string): Topic[] | undefined;
  /** The groups whose members can be compared (see canCompare); the others are not offered. */
  comparableGroupNames(): string[];
  /** The topics that share a comparison attribute with this one, those of its kind first. */
  comparableWith(topic: Topic): Topic[];
}

export interface CatalogOptions {
  /** The page of a topic whose page is kept apart (see content/load-guide.ts), else undefined. */
  pageOf?: (
    topic: Topic,
  ) => Promise<Pick<Topic, 'intro' | 'sections'> & Partial<Pick<Topic, 'questions' | 'sources'>>> | undefined;
  /** The questions of a topic whose questions are kept apart (see content/load-guide.ts), else undefined. */
  questionsOf?: (topic: Topic) => Question[] | undefined;
}

export function createCatalog(guide: Guide, options: CatalogOptions = {}): Catalog {
  const pages = new Map<string, Promise<Topic>>();
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
      let page = pages.get(topic.id);
      if (!page) {
        const apart = options.pageOf?.(topic);
        page = apart ? apart.then((found) => ({ ...topic, ...found })) : Promise.resolve(topic);
        pages.set(topic.id, page);
      }
      return page;
    },
    questions: (topics) => topics.flatMap((topic) => options.questionsOf?.(topic) ?? topic.questions),
    resolve: (name) => {
      // An exact id needs no index of every name: the common case in scripts and links stays cheap.
      const byExactId = byId.get(name);
      return byExactId
        ? { kind: 'found', topic: byExactId, via: 'name' }
        : resolveName((index ??= buildNameIndex(guide.topics)), name);
    },
    group: (name) => groups().get(name.toLowerCase().replace(/^@/, '')),
    comparableGroupNames: () =>
      [...groups()]
        .filter(([, members]) => members.length > 1 && canCompare(members))
        .map(([name]) => name)
        .sort(),
    comparableWith: (topic) => {
      const others = guide.topics.filter((other) => other !== topic && canCompare([topic, other]));
      return [...others.filter((other) => other.kind === topic.kind), ...others.filter((o) => o.kind !== topic.kind)];
    },
  };
}

function groupTopics(topics: Topic[]): Map<string, Topic[]> {
  const map = new Map<string, Topic[]>();
  for (const topic of topics) {
    // Tags are matched without regard to case, as `@Group` is typed.
    for (const name of new Set([`${topic.kind}s`, ...topic.tags.map((tag) => tag.toLowerCase())]))
      map.set(name, [...(map.get(name) ?? []), topic]);
  }
  return map;
}
