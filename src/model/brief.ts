import type { Block, ListItem, Section, Topic } from './topic.js';

const TRY_IT = /^try it$/i;

/**
 * The brief form of a page (`virt explain --brief`), for someone who knows the concept and wants the
 * essentials, as tldr gives them: the summary stays in the header, the key facts are added by the page,
 * and of the body only the diagrams' captions (what each picture shows) and the Try-it commands remain.
 */
export function briefTopic(topic: Topic): Topic {
  const blocks = [...topic.intro, ...topic.sections.flatMap((section) => section.blocks)];
  const captions = blocks.flatMap((block) => (block.kind === 'diagram' ? [block.caption] : []));
  const items = captions.map((text): ListItem => ({ spans: [{ kind: 'text', text }], depth: 0 }));
  const isCode = (block: Block): block is Extract<Block, { kind: 'code' }> => block.kind === 'code';
  const commands = topic.sections
    .filter((section) => TRY_IT.test(section.heading.trim()))
    .flatMap((section) => section.blocks.filter(isCode));
  const sections: Section[] = [];
  if (items.length)
    sections.push({
      heading: items.length === 1 ? 'Diagram' : 'Diagrams',
      level: 2,
      blocks: [{ kind: 'list', ordered: false, items }],
    });
  if (commands.length) sections.push({ heading: 'Try it', level: 2, blocks: commands });
  return { ...topic, intro: [], sections, related: [], sources: [] };
}
