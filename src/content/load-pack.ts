import { realpathSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ContentProblem } from '../errors.js';
import type { Guide, Topic } from '../model/topic.js';
import { checkGuide, entriesOf, type Problem, type TopicEntry } from './check-guide.js';
import { fileStamp, type CachedTopic } from './pack-cache-entry.js';
import { describeBase, readPackCache, writeCachedBody, writePackCache, type PackCacheKey } from './pack-cache.js';
import type { ParsedTopic } from './parse-topic.js';
import { cleanText } from './sanitize.js';
import { listGuideFiles, readFoundFile } from './read-files.js';

declare const VIRT_VERSION: string | undefined;
const cacheVersion = typeof VIRT_VERSION === 'string' ? VIRT_VERSION : 'sources';

/**
 * Loads a content pack on top of a guide. Packs are parsed at run time, but each file's parse is kept in a
 * cache and reused while the file's size, change time and inode are unchanged, so a large pack costs its
 * parse once, not at every command; the checks across topics run again only when something changed. `token` is made afresh each
 * time the pack's cache is saved after a change in the pack or beneath it, so it names this state of the
 * pack; it is undefined when there is no cache to keep it in. `below` names the packs beneath: by their
 * tokens (see describeBase), when all have one, and by their folders as the command named them.
 */
export async function loadPack(
  dir: string,
  base: Guide,
  cacheDirectory: string | undefined,
  below: { revision?: string | undefined; folders: string[] } = { folders: [] },
): Promise<{ guide: Guide; problems: Problem[]; token: string | undefined; name: string }> {
  const pack = cleanText(basename(resolve(dir)));
  const problems: ContentProblem[] = [];
  const listed = listGuideFiles(dir);
  problems.push(...listed.problems);
  let real = resolve(dir);
  try {
    real = realpathSync(dir);
  } catch {
    /* listing has already said the folder is missing */
  }
  // Undefined when there is no folder, and so nothing to keep: the listing has said so.
  const key = cacheKey(real);
  const cache = readPackCache(cacheDirectory, key);
  const kept = new Map<string, CachedTopic>();
  let parseTopic: ((source: string, origin: { file: string; pack?: string }) => ParsedTopic) | undefined;
  let changed = false;
  const entries: TopicEntry[] = [];
  const fileProblems: Problem[] = [];
  for (const file of listed.files) {
    let parsed = cache.entry(file.relativePath, file.display, pack);
    if (!parsed || parsed.size !== file.size || parsed.changedMs !== file.changedMs || parsed.ino !== file.ino) {
      const text = readFoundFile(file, problems);
      if (text === undefined) continue;
      parseTopic ??= (await import('../lazy/markdown.js')).parseTopic;
      const fresh = parseTopic(text, { file: file.display, pack });
      if (fresh.topic) fresh.topic.origin.stamp = fileStamp(file);
      parsed = {
        size: file.size,
        changedMs: file.changedMs,
        ino: file.ino,
        parsed: withBodyApart(fresh, cacheDirectory, key, file.relativePath),
      };
      changed = true;
    }
    kept.set(file.relativePath, parsed);
    const entry = parsed.parsed;
    if (entry.problems.length)
      for (const problem of entry.problems) fileProblems.push({ ...problem, file: file.display });
    // The parse itself serves as the entry: a cached one reads its lines only if the pack is checked again.
    if (entry.topic) entries.push(entry as TopicEntry);
  }
  const readProblems = problems.map((p): Problem => ({ ...p, severity: 'error' }));
  const baseFingerprint = describeBase(base.topics, below.revision);
  const foldersAsNamed = [...below.folders, dir].join('\n');
  let cacheIsStale = changed || kept.size !== cache.size || cache.checked?.base !== baseFingerprint;
  // The checks' messages name files as the pack folders were written (`big/a.md`, `../x/big/a.md`): when
  // there are any and the folders are named otherwise this time, the pack is checked again, with the parses
  // from the cache, and the cache is left as it is.
  const sameMessages = cache.checked?.problems.length === 0 || cache.checked?.foldersAsNamed === foldersAsNamed;
  if (!cacheIsStale && readProblems.length === 0 && sameMessages) {
    // Nothing changed beneath or in the pack since it was last checked: the same topics in the same order,
    // which the cache keeps as places in [the guide's topics…, the pack's topics in listing order…].
    const topics = inCheckedOrder(cache.checked?.order, base.topics, entries);
    if (topics)
      return {
        guide: { ...base, topics },
        problems: [...fileProblems, ...(cache.checked?.problems ?? [])],
        token: cache.checked?.token,
        name: pack,
      };
    cacheIsStale = true;
  }
  const checked = checkGuide([...entriesOf(base), ...entries], base.schema);
  let token = cacheIsStale ? undefined : cache.checked?.token;
  if (cacheIsStale) {
    const place = new Map<Topic, number>(
      [...base.topics, ...entries.map((entry) => entry.topic)].map((topic, index) => [topic, index]),
    );
    const fresh = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    if (
      writePackCache(cacheDirectory, key, kept, {
        base: baseFingerprint,
        foldersAsNamed,
        order: checked.guide.topics.map((topic) => place.get(topic)!),
        problems: checked.problems,
        token: fresh,
      })
    )
      token = fresh;
  }
  return { guide: checked.guide, problems: [...readProblems, ...fileProblems, ...checked.problems], token, name: pack };
}

/** The checked guide's topics from their places; undefined if a place is not there (a damaged cache). */
function inCheckedOrder(order: number[] | undefined, baseTopics: Topic[], entries: TopicEntry[]): Topic[] | undefined {
  if (!Array.isArray(order)) return undefined;
  const topics: Topic[] = [];
  for (const place of order) {
    const topic = place < baseTopics.length ? baseTopics[place] : entries[place - baseTopics.length]?.topic;
    if (!topic) return undefined;
    topics.push(topic);
  }
  return topics;
}

/** The pack's cache key (see PackCacheKey); undefined when the folder cannot be found. */
function cacheKey(real: string): PackCacheKey | undefined {
  try {
    const { dev, ino } = statSync(real);
    return { name: `${dev}-${ino}`, text: JSON.stringify([cacheVersion, real]) };
  } catch {
    return undefined;
  }
}

/** Moves a parsed page, with what only the page shows, into a cache file of its own (see pack-cache.ts). */
function withBodyApart(
  parsed: ParsedTopic,
  cacheDirectory: string | undefined,
  key: PackCacheKey | undefined,
  relativePath: string,
): ParsedTopic {
  if (!parsed.topic) return parsed;
  const { intro, sections, tags, related, sources, attributes } = parsed.topic;
  const bodyFile = writeCachedBody(cacheDirectory, key, relativePath, {
    intro,
    sections,
    tags,
    related,
    sources,
    attributes,
    lines: parsed.lines,
    problems: parsed.problems,
  });
  if (!bodyFile) return parsed;
  return {
    ...parsed,
    topic: { ...parsed.topic, intro: [], sections: [], origin: { ...parsed.topic.origin, bodyFile } },
  };
}
