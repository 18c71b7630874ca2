import { buildGuide } from '../../src/content/build-guide.js';
import type { AttributeSchema, Guide } from '../../src/model/topic.js';
import { topicFile } from './topic-file.js';

export const fixtureSchema: AttributeSchema = {
  sets: {
    method: [
      { key: 'guest-modified', label: 'Guest OS modified?', set: 'method' },
      { key: 'isolation', label: 'Isolation', set: 'method' },
    ],
  },
};

/** A small guide with names chosen to exercise prefixes, aliases and typos. */
export function fixtureGuide(): Guide {
  const method = (id: string, title: string, aliases: string, guest: string, isolation: string) =>
    topicFile(id, [
      `aliases: [${aliases}]`,
      'parent: what-is-virtualization',
      'tags: [methods]',
      'attributes:',
      `  guest-modified: {value: "${guest}", why: "Because of ${id}."}`,
      `  isolation: {value: "${isolation}", why: "Isolation of ${id}."}`,
    ])
      .replace(/title: .*/, `title: ${title}`)
      .replace('kind: term', 'kind: method');
  const files: [string, string][] = [
    [
      '01.md',
      topicFile('what-is-virtualization')
        .replace(/title: .*/, 'title: What is virtualization')
        .replace('kind: term', 'kind: chapter'),
    ],
    ['02.md', method('full-virtualization', 'Full virtualization', 'full, hvm', 'No', 'Strong')],
    ['03.md', method('paravirtualization', 'Paravirtualization', 'para, pv, paravirtualisation', 'Yes', 'Strong')],
    ['04.md', topicFile('paravirtualized-devices', ['aliases: [virtio devices]'])],
    ['05.md', topicFile('type-2-hypervisor', ['aliases: [type 2, hosted hypervisor]'])],
    ['06.md', topicFile('type-1-hypervisor', ['aliases: [type 1]'])],
  ];
  const { guide, problems } = buildGuide(
    files.map(([file, text]) => ({ file, text })),
    fixtureSchema,
  );
  if (problems.length) throw new Error(JSON.stringify(problems));
  return guide;
}
