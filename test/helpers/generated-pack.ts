import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceFile } from '../../src/content/build-guide.js';

const WORDS = ['vcpu', 'ring', 'queue', 'page', 'table', 'trap', 'exit', 'device', 'driver', 'kernel', 'memory', 'bridge', 'volume', 'image', 'label'];

/** `count` generated topics in chapters of 50, each linking to its neighbours and to a built-in topic. */
export function generatedTopics(count: number): SourceFile[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `gen-${String(i).padStart(5, '0')}`;
    const chapter = `gen-${String(i - (i % 50)).padStart(5, '0')}`;
    const words = Array.from({ length: 60 }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]).join(' ');
    return {
      file: `${id}.md`,
      pack: 'generated',
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

/** Writes generated topics into a pack folder and returns its path. */
export function writeGeneratedPack(count: number): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'virt-gen-')), 'generated');
  mkdirSync(dir);
  for (const file of generatedTopics(count)) writeFileSync(join(dir, file.file), file.text);
  return dir;
}
