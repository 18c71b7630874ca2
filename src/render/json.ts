import type { AttributeSchema, Block, Topic } from '../model/topic.js';
import { allAttributeDefs } from '../model/attributes.js';
import { asciiDiagram } from '../model/diagram.js';
import { spansText } from './spans.js';

/** Bumped when a field is removed or changes meaning; new fields may appear without a bump. */
export const SCHEMA_VERSION = 1;

type BlockJson =
  | { kind: 'paragraph' | 'quote'; text: string }
  | { kind: 'list'; ordered: boolean; items: { text: string; depth: number }[] }
  | { kind: 'code'; lang: string; text: string }
  | { kind: 'diagram'; caption: string; text: string; ascii: string };

function blockJson(block: Block): BlockJson {
  switch (block.kind) {
    case 'paragraph':
    case 'quote':
      return { kind: block.kind, text: spansText(block.spans) };
    case 'list':
      return {
        kind: 'list',
        ordered: block.ordered,
        items: block.items.map((item) => ({ text: spansText(item.spans), depth: item.depth })),
      };
    case 'code':
      return { kind: 'code', lang: block.lang, text: block.text };
    case 'diagram':
      return { kind: 'diagram', caption: block.caption, text: block.text, ascii: asciiDiagram(block.text) };
  }
}

/** The `virt explain --json` document: an explicit shape, so refactoring the model does not break scripts. */
export function topicJson(
  topic: Topic,
  related: Topic[],
  schema: AttributeSchema,
  guide: { next?: Topic; previous?: Topic } = {},
) {
  const link = (other: Topic | undefined) => (other ? { id: other.id, title: other.title } : null);
  const labels = new Map(allAttributeDefs(schema).map((def) => [def.key, def.label]));
  return {
    schemaVersion: SCHEMA_VERSION,
    id: topic.id,
    title: topic.title,
    kind: topic.kind,
    parent: topic.parent ?? null,
    summary: topic.summary,
    aliases: topic.aliases,
    tags: topic.tags,
    intro: topic.intro.map(blockJson),
    sections: topic.sections.map((section) => ({
      heading: section.heading,
      level: section.level,
      blocks: section.blocks.map(blockJson),
    })),
    related: related.map((other) => ({ id: other.id, title: other.title })),
    next: link(guide.next),
    previous: link(guide.previous),
    sources: topic.sources,
    attributes: Object.entries(topic.attributes).map(([key, value]) => ({
      key,
      label: labels.get(key) ?? key,
      value: value.value,
      why: value.why ?? null,
    })),
    /** How many questions `virt quiz <id>` asks; `virt quiz --list <id> --json` gives them. */
    questionCount: topic.questions.length,
    ...(topic.origin.pack !== undefined ? { pack: topic.origin.pack } : {}),
  };
}

export function toJson(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
