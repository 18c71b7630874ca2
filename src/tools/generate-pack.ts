import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = [
  'vcpu',
  'ring',
  'queue',
  'page',
  'table',
  'trap',
  'exit',
  'device',
  'driver',
  'kernel',
  'memory',
  'bridge',
  'volume',
  'image',
  'label',
];

export interface GeneratedFile {
  file: string;
  text: string;
}

/** `count` topics in chapters of 50, each linking to its neighbour and to a built-in topic: a large pack for tests and the bench. */
export function generatedTopics(count: number): GeneratedFile[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `gen-${String(i).padStart(5, '0')}`;
    const chapter = `gen-${String(i - (i % 50)).padStart(5, '0')}`;
    const words = Array.from({ length: 60 }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]).join(' ');
    return {
      file: `${id}.md`,
      text: [
        '---',
        `id: ${id}`,
        `title: Generated topic ${i}`,
        'kind: section',
        `aliases: [generated ${i}]`,
        ...(i % 50 === 0 ? [] : [`parent: ${chapter}`]),
        `summary: Topic number ${i} of a generated pack about ${WORDS[i % WORDS.length]}`,
        `related: [${i > 0 ? `gen-${String(i - 1).padStart(5, '0')}, ` : ''}kvm]`,
        'sources:',
        '  - title: Generator',
        '    url: https://example.org/generated',
        '---',
        '',
        `Intro about ${words}.`,
        '',
        '## Details',
        '',
        `- first ${words}`,
        `- second point ${i}`,
        '',
      ].join('\n'),
    };
  });
}

/** Writes a generated pack into `dir` (created if needed). */
export function writeGeneratedPack(dir: string, count: number): string {
  mkdirSync(dir, { recursive: true });
  for (const file of generatedTopics(count)) writeFileSync(join(dir, file.file), file.text);
  return dir;
}
