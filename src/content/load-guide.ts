import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ContentError } from '../errors.js';
import type { Guide, Topic } from '../model/topic.js';
import type { Problem } from './check-guide.js';
import { builtinContentDir, compiledBodyPath, compiledGuidePath, compiledSearchIndexPath } from './paths.js';
import { cleanText } from './sanitize.js';

/**
 * The built-in guide: the index compiled at build time when there is one, so the common path reads one
 * small file and loads no Markdown or YAML parser; else (running the sources with tsx) parsed from content/.
 * Synchronous reads on purpose: one small file, and promise-based reads cost more at startup.
 */
export async function loadBuiltinGuide(): Promise<{ guide: Guide; problems: Problem[] }> {
  try {
    return { guide: JSON.parse(readFileSync(compiledGuidePath(), 'utf8')) as Guide, problems: [] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { readGuideFromMarkdown } = await import('../lazy/markdown.js');
  return readGuideFromMarkdown(builtinContentDir());
}

/** The guide every command uses: built-in topics, then each pack in order. Throws ContentError on errors. */
export async function loadGuide(packs: string[] = []): Promise<Guide> {
  let { guide, problems } = await loadBuiltinGuide();
  failOnErrors(problems);
  if (packs.length === 0) return guide;
  const { readGuideFromMarkdown } = await import('../lazy/markdown.js');
  for (const pack of packs) {
    ({ guide, problems } = await readGuideFromMarkdown(pack, { pack: cleanText(basename(resolve(pack))), base: guide }));
    failOnErrors(problems);
  }
  return guide;
}

/** The intro and sections of a compiled topic, read when the page is shown. */
export function readCompiledBody(topic: Topic): Pick<Topic, 'intro' | 'sections'> {
  if (topic.origin.bodyFile === undefined) return topic;
  return JSON.parse(readFileSync(compiledBodyPath(topic.origin.bodyFile), 'utf8')) as Pick<Topic, 'intro' | 'sections'>;
}

/** The built-in guide's prebuilt search index (MiniSearch JSON), if the build made one. */
export function readPrebuiltSearchIndex(): string | undefined {
  try {
    return readFileSync(compiledSearchIndexPath(), 'utf8');
  } catch {
    return undefined;
  }
}

function failOnErrors(problems: Problem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ContentError(errors);
}
