import type { Page } from '../content/cached-parse.js';
import type { Problem } from '../content/check-guide.js';
import { readCompiledGuide, readCompiledPage, readCompiledQuestions } from '../content/load-guide.js';
import type { ParseCache } from '../content/load-pack.js';
import type { CachedGuideKey } from '../store/search-cache.js';
import { builtinContentDir } from '../content/paths.js';
import { ContentError } from '../errors.js';
import type { Question } from '../model/question.js';
import type { Guide, Topic } from '../model/topic.js';

/** A guide ready for use, and where its topics' pages are when they are not in the topics themselves. */
export interface LoadedGuide {
  guide: Guide;
  /** The page of a topic whose page is kept apart (the compiled guide's, a cached pack's), else undefined. */
  pageOf(topic: Topic): Promise<Page> | undefined;
  /** The questions of a topic whose questions are kept apart (the compiled guide's), else undefined. */
  questionsOf(topic: Topic): Question[] | undefined;
  /** What the cache knows a guide with packs by; undefined without packs, or without a cache to tell them by. */
  cacheKey: CachedGuideKey | undefined;
}

/**
 * The guide every command uses: the built-in guide (compiled, or parsed from content/ when running the sources
 * before a build), then each pack in order. Throws ContentError on errors. `cache` keeps the parses of pack
 * files between runs; without it every pack is parsed. The parsers load only when something must be parsed.
 */
export async function loadGuide(packs: string[] = [], cache?: ParseCache): Promise<LoadedGuide> {
  const compiled = readCompiledGuide();
  let guide = compiled?.guide ?? (await parsedBuiltinGuide());
  let identity = compiled?.identity;
  const packPages = new Map<string, () => Promise<Page>>();
  const folders: string[] = [];
  if (packs.length > 0) {
    const { loadPack } = await import('../lazy/packs.js');
    const parser = async () => (await import('../lazy/markdown.js')).parseTopic;
    for (const pack of packs) {
      const loaded = await loadPack(pack, guide, { cache, parser, baseIdentity: identity });
      failOnErrors(loaded.problems);
      guide = loaded.guide;
      identity = loaded.identity;
      if (loaded.folder !== undefined) folders.push(loaded.folder);
      for (const [id, page] of loaded.pages) packPages.set(id, page);
    }
  }
  let compiledQuestions: Map<string, Question[]> | undefined;
  return {
    guide,
    cacheKey: packs.length > 0 && identity !== undefined ? { folders, identity } : undefined,
    questionsOf: (topic) =>
      compiled && topic.origin.from === 'guide'
        ? ((compiledQuestions ??= readCompiledQuestions()).get(topic.id) ?? [])
        : undefined,
    pageOf: (topic) =>
      topic.origin.from === 'pack'
        ? packPages.get(topic.id)?.()
        : compiled
          ? Promise.resolve(readCompiledPage(topic))
          : undefined,
  };
}

async function parsedBuiltinGuide(): Promise<Guide> {
  const { readGuideFromMarkdown } = await import('../lazy/markdown.js');
  const { guide, problems } = await readGuideFromMarkdown(builtinContentDir());
  failOnErrors(problems);
  return guide;
}

function failOnErrors(problems: Problem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ContentError(errors);
}
