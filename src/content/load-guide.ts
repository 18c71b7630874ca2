import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { EXIT, VirtError } from '../errors.js';
import type { Question } from '../model/question.js';
import type { Guide, Topic } from '../model/topic.js';
import type { Page } from './cached-parse.js';
import { compiledGuidePath, compiledPagePath, compiledQuestionsPath, compiledSearchDataPath } from './paths.js';

/**
 * The built-in guide as compiled at build time, so the common path reads one small file and loads no Markdown
 * or YAML parser; undefined when there is none (running the sources with tsx before a build). Its pages are
 * kept apart (see readCompiledPage). Synchronous on purpose: one small file, and promise-based reads cost
 * more at startup. `identity` tells this build of the guide from another (the file's size, change time and
 * inode), for what is cached about packs over it.
 */
export function readCompiledGuide(): { guide: Guide; identity: string } | undefined {
  let fd: number;
  try {
    fd = openSync(compiledGuidePath(), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return undefined;
  }
  try {
    const { size, ctimeMs, ino } = fstatSync(fd);
    return { guide: JSON.parse(readFileSync(fd, 'utf8')) as Guide, identity: `guide ${size} ${ctimeMs} ${ino}` };
  } finally {
    closeSync(fd);
  }
}

/**
 * The intro, sections, sources and questions of a topic of the compiled built-in guide, read from dist/ when
 * the page is shown: the sources are most of the guide's metadata, and only a topic's own page shows them. A
 * page file holds `questions` only when the topic has some.
 */
export function readCompiledPage(topic: Topic): Page {
  try {
    const { intro, sections, sources, questions } = JSON.parse(
      readFileSync(compiledPagePath(topic.id), 'utf8'),
    ) as Page;
    return { intro, sections, sources: sources ?? topic.sources, questions: questions ?? [] };
  } catch {
    throw new VirtError(`the page of "${topic.id}" is missing from dist/; run \`npm run build\``, EXIT.usage);
  }
}

/** Every question of the compiled built-in guide, by topic id, in the order written. */
export function readCompiledQuestions(): Map<string, Question[]> {
  let questions: Question[];
  try {
    questions = JSON.parse(readFileSync(compiledQuestionsPath(), 'utf8')) as Question[];
  } catch {
    throw new VirtError('the questions are missing from dist/; run `npm run build`', EXIT.usage);
  }
  const byTopic = new Map<string, Question[]>();
  for (const question of questions) {
    const list = byTopic.get(question.topic);
    if (list) list.push(question);
    else byTopic.set(question.topic, [question]);
  }
  return byTopic;
}

/** The built-in guide's search data, made at build time (see catalog/search-index.ts), if there is some. */
export function readPrebuiltSearchData(): unknown {
  try {
    return JSON.parse(readFileSync(compiledSearchDataPath(), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
