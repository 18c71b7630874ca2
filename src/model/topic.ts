/** The typed shape of the guide: what the loader produces and every renderer consumes. */

export const TOPIC_KINDS = ['chapter', 'section', 'method', 'product', 'term'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

/** A run of inline text with one style; a paragraph is a list of spans. */
export type Span =
  { kind: 'text' | 'code' | 'strong' | 'emphasis'; text: string } | { kind: 'link'; text: string; href: string };

export interface ListItem {
  spans: Span[];
  /** 0 for a top-level item, 1 for an item nested in it, and so on. */
  depth: number;
}

/** A block of a page. Adding a kind here without a renderer is a compile error in render/blocks.ts. */
export type Block =
  | { kind: 'paragraph'; spans: Span[] }
  | { kind: 'list'; ordered: boolean; items: ListItem[] }
  | { kind: 'code'; lang: string; text: string }
  | { kind: 'quote'; spans: Span[] };

export interface Section {
  heading: string;
  /** Markdown heading level: 2 for `##`, 3 for `###`… */
  level: number;
  blocks: Block[];
}

export interface Source {
  title: string;
  url: string;
}

export interface AttributeValue {
  value: string;
  /** One line that justifies the value, shown under comparison tables. */
  why?: string;
}

/**
 * A topic of the guide. A pack topic restored from the pack cache reads its related topics, tags, sources,
 * attributes, intro and sections from its page file the first time one of them is asked for (see
 * content/pack-cache-entry.ts), so such a read may touch the disk, and throw PackCacheDamagedError if the
 * file is gone; cli/main.ts answers that by running the command again.
 */
export interface Topic {
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
  /** Blocks before the first heading. */
  intro: Block[];
  sections: Section[];
  /**
   * Where the topic was written, for error messages and `virt lint`. A topic of the compiled built-in guide
   * has an empty intro and sections and names the file holding them (`bodyFile`), read only when shown.
   * A pack topic's `stamp` changes whenever its file may have (size, change time and inode).
   */
  origin: { file: string; line: number; pack?: string; bodyFile?: string; stamp?: string };
}

export interface AttributeDef {
  key: string;
  label: string;
  set: string;
}

/** The attribute sets that topics are compared by (content/attributes.yaml). */
export interface AttributeSchema {
  sets: Record<string, AttributeDef[]>;
}

/** The whole guide after cross-checking: topics in reading order. */
export interface Guide {
  topics: Topic[];
  schema: AttributeSchema;
  /**
   * With packs: a token that changes whenever any pack's topics may have (see load-pack.ts), so caches
   * built from the whole guide can be keyed by it. Undefined when some pack is not cached.
   */
  revision?: string;
  /** The names of the packs loaded over the built-in guide, in order, as their topics' origin.pack gives them. */
  packs?: string[];
}
