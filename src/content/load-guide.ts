import { readFileSync } from 'node:fs';
import { ContentError, EXIT, VirtError } from '../errors.js';
import type { Guide, Topic } from '../model/topic.js';
import type { Problem } from './check-guide.js';
import type { Page } from './cached-parse.js';
import type { ParseCache } from './load-pack.js';
import { builtinContentDir, compiledGuidePath, compiledPagePath, compiledSearchDataPath } from './paths.js';

/**
 * The built-in guide: the index compiled at build time when there is one, so the common path reads one
 * small file and loads no Markdown or YAML parser; else (running the sources with tsx) parsed from content/.
 * `compiled` says whether its pages are kept apart (see readCompiledPage).
 * Synchronous reads on purpose: one small file, and promise-based reads cost more at startup.
 */
export async function loadBuiltinGuide(): Promise<{ guide: Guide; problems: Problem[]; compiled: boolean }> {
  try {
    return { guide: JSON.parse(readFileSync(compiledGuidePath(), 'utf8')) as Guide, problems: [], compiled: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { readGuideFromMarkdown } = await import('../lazy/markdown.js');
  return { ...(await readGuideFromMarkdown(builtinContentDir())), compiled: false };
}

/** A guide ready for use, and where its topics' pages are when they are not in the topics themselves. */
export interface LoadedGuide {
  guide: Guide;
  /** The page of a topic whose page is kept apart (the compiled guide's, a cached pack's), else undefined. */
  pageOf(topic: Topic): Promise<Page> | undefined;
}

/**
 * The guide every command uses: built-in topics, then each pack in order. Throws ContentError on errors.
 * `cache` keeps the parses of pack files between runs; without it every pack is parsed.
 */
export async function loadGuide(packs: string[] = [], cache?: ParseCache): Promise<LoadedGuide> {
  const builtin = await loadBuiltinGuide();
  failOnErrors(builtin.problems);
  let guide = builtin.guide;
  const packPages = new Map<string, () => Promise<Page>>();
  if (packs.length > 0) {
    const { loadPack } = await import('../lazy/packs.js');
    for (const pack of packs) {
      const loaded = await loadPack(pack, guide, cache);
      failOnErrors(loaded.problems);
      guide = loaded.guide;
      for (const [id, page] of loaded.pages) packPages.set(id, page);
    }
  }
  return {
    guide,
    pageOf: (topic) =>
      topic.origin.from === 'pack'
        ? packPages.get(topic.id)?.()
        : builtin.compiled
          ? Promise.resolve(readCompiledPage(topic))
          : undefined,
  };
}

/** The intro and sections of a topic of the compiled built-in guide, read from dist/ when the page is shown. */
function readCompiledPage(topic: Topic): Page {
  try {
    const { intro, sections } = JSON.parse(readFileSync(compiledPagePath(topic.id), 'utf8')) as Pick<
      Topic,
      'intro' | 'sections'
    >;
    return { intro, sections };
  } catch {
    throw new VirtError(`the page of "${topic.id}" is missing from dist/; run \`npm run build\``, EXIT.usage);
  }
}

/** The built-in guide's search data, made at build time (see catalog/search-index.ts), if there is some. */
export function readPrebuiltSearchData(): unknown {
  try {
    return JSON.parse(readFileSync(compiledSearchDataPath(), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function failOnErrors(problems: Problem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ContentError(errors);
}
