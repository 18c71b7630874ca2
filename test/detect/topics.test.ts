import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectSystem } from '../../src/detect/detect.js';
import { fileSystemView } from '../../src/detect/fs-system-view.js';
import { detectTopics } from '../../src/detect/identifiers.js';
import { otherPlatformNote } from '../../src/detect/other-platforms.js';

/** The guide as `npm run build` compiled it (npm test builds first): the pages a user can actually open. */
const built = new Set(
  (JSON.parse(readFileSync('dist/guide.json', 'utf8')) as { topics: { id: string }[] }).topics.map((t) => t.id),
);

describe('the pages virt detect links to', () => {
  test('every topic it can link to exists in the built guide', () => {
    const missing = detectTopics().filter((id) => !built.has(id));
    expect(missing).toEqual([]);
    expect(detectTopics().length).toBeGreaterThan(15);
  });

  test('every finding on every fixture links to one of those topics', () => {
    const known = new Set(detectTopics());
    const fixtures = join(process.cwd(), 'test', 'fixtures', 'detect');
    for (const name of readdirSync(fixtures, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const report = detectSystem(fileSystemView(join(fixtures, name.name)));
      const topics = [
        ...(report.vm ? [report.vm.topic] : [report.noVm!.topic]),
        ...report.containers.map((layer) => layer.topic),
        ...(report.noContainer ? [report.noContainer.topic] : []),
        ...report.kvm.checks.map((check) => check.topic),
      ];
      expect([name.name, topics.filter((topic) => !known.has(topic))]).toEqual([name.name, []]);
    }
  });

  test('the notes for macOS, Windows and others name only topics that exist', () => {
    for (const platform of ['darwin', 'win32', 'freebsd', 'aix']) {
      const note = otherPlatformNote(platform)!;
      const named = [...note.matchAll(/virt explain ([a-z0-9-]+)/g)].map((match) => match[1]!);
      expect([platform, named.filter((id) => !built.has(id))]).toEqual([platform, []]);
    }
    expect(otherPlatformNote('darwin')).toMatch(/virt explain type-2-hypervisor/);
    expect(otherPlatformNote('win32')).toMatch(/virt explain hyper-v/);
    expect(otherPlatformNote('linux')).toBeUndefined();
  });
});
