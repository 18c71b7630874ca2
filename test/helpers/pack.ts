import { afterAll } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The temporary folders made by this test file, removed when its tests are done, passed or failed. */
const made: string[] = [];
afterAll(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after this test file's tests. */
export function makeTemporaryFolder(prefix = 'virt-test-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  made.push(folder);
  return folder;
}

/** Writes a content pack (file name → text or bytes) into a fresh temporary folder named `name`. */
export function makePack(files: Record<string, string | Buffer>, name = 'pack'): string {
  const dir = join(makeTemporaryFolder('virt-pack-'), name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

/** A pack topic in the guide's format. */
export function packTopic(
  id: string,
  options: {
    title?: string;
    aliases?: string[];
    related?: string[];
    parent?: string;
    extra?: string[];
    body?: string;
  } = {},
): string {
  return [
    '---',
    `id: ${id}`,
    `title: ${options.title ?? `Pack topic ${id}`}`,
    'kind: section',
    `summary: A topic an instructor added about ${id}`,
    ...(options.aliases ? [`aliases: [${options.aliases.join(', ')}]`] : []),
    ...(options.related ? [`related: [${options.related.join(', ')}]`] : []),
    ...(options.parent ? [`parent: ${options.parent}`] : []),
    'sources:',
    '  - title: Course notes',
    '    url: https://example.org/course',
    ...(options.extra ?? []),
    '---',
    '',
    options.body ?? `What the course says about ${id}.\n\n## Lab\n\nRun the lab.\n`,
  ].join('\n');
}
