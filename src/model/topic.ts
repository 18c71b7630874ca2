/** The typed shape of the guide: what the loader produces and every renderer consumes. */

import type { Question } from './question.js';

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
  /** Drawn in Unicode box drawing (see diagram.ts); the caption is its one-line text alternative. */
  | { kind: 'diagram'; caption: string; text: string }
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
 * Where a topic was written, for error messages, `virt lint` and the page's "from the pack" line: the
 * built-in guide or a content pack, told apart by `from`.
 */
type TopicOrigin =
  | { from: 'guide'; file: string; line: number; pack?: undefined }
  | { from: 'pack'; pack: string; file: string; line: number };

/** A topic of the guide: plain data, whatever it was read from. */
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
  /** The questions of its "Check yourself" section, in the order written; empty when it has none. */
  questions: Question[];
  origin: TopicOrigin;
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
}
