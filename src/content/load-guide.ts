import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { ContentError, EXIT, VirtError } from '../errors.js';
import type { Guide, Topic } from '../model/topic.js';
import { forgetPackCache } from './cache-files.js';
import type { Problem } from './check-guide.js';
import { builtinContentDir, compiledBodyPath, compiledGuidePath, compiledSearchIndexPath } from './paths.js';

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

/**
 * The guide every command uses: built-in topics, then each pack in order. Throws ContentError on errors.
 * `cacheDirectory` keeps parsed packs between runs (see load-pack.ts); undefined means no cache.
 */
export async function loadGuide(packs: string[] = [], cacheDirectory?: string): Promise<Guide> {
  let { guide, problems } = await loadBuiltinGuide();
  failOnErrors(problems);
  if (packs.length === 0) return guide;
  const { loadPack } = await import('../lazy/packs.js');
  const tokens: (string | undefined)[] = [];
  const names: string[] = [];
  for (const pack of packs) {
    let token: string | undefined;
    let name: string;
    // The packs beneath this one, by their tokens (each changes when its pack or what lies beneath does);
    // the first pack reads the built-in guide itself, which a rebuild may change under the same version.
    const revision =
      tokens.length > 0 && tokens.every((earlier) => earlier !== undefined) ? tokens.join('+') : undefined;
    ({ guide, problems, token, name } = await loadPack(pack, guide, cacheDirectory, {
      revision,
      folders: packs.slice(0, tokens.length),
    }));
    failOnErrors(problems);
    tokens.push(token);
    names.push(name);
  }
  // The guide's revision names the state of every pack, in order; without it, caches fall back to stamps.
  return {
    ...guide,
    packs: names,
    ...(tokens.every((token) => token !== undefined) ? { revision: tokens.join('+') } : {}),
  };
}

/**
 * The intro and sections of a compiled topic, read when the page is shown: from dist/ for the built-in
 * guide, or from the pack cache (an absolute path) for a pack's topic.
 */
export function readCompiledBody(topic: Topic): Pick<Topic, 'intro' | 'sections'> {
  const { bodyFile } = topic.origin;
  if (bodyFile === undefined) return topic;
  const packPage = isAbsolute(bodyFile);
  try {
    // A pack's page file holds more of the topic (see pack-cache.ts); the page is its intro and sections.
    const { intro, sections } = JSON.parse(
      readFileSync(packPage ? bodyFile : compiledBodyPath(bodyFile), 'utf8'),
    ) as Pick<Topic, 'intro' | 'sections'>;
    return { intro, sections };
  } catch {
    if (packPage) forgetPackCache(bodyFile, topic.origin.pack);
    throw new VirtError(`the page of "${topic.id}" is missing from dist/; run \`npm run build\``, EXIT.usage);
  }
}

/** The built-in guide's prebuilt search index (a snapshot, see search-snapshot.ts), if the build made one. */
export function readPrebuiltSearchIndex(): Buffer | undefined {
  try {
    return readFileSync(compiledSearchIndexPath());
  } catch {
    return undefined;
  }
}

function failOnErrors(problems: Problem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ContentError(errors);
}
