import type { Question } from '../model/question.js';
import type { Topic } from '../model/topic.js';
import { splitFrontMatter } from './front-matter.js';
import { MarkdownLimitError } from './markdown-limits.js';
import { parseBody } from './parse-body.js';
import { resolveQuestions } from './parse-questions.js';
import { parseMetadata, type MetaProblem, type TopicLinks, type TopicMeta } from './parse-metadata.js';
import { cleanText } from './sanitize.js';
import type { WorkMeter } from './work-meter.js';

export interface ParsedTopic {
  topic?: Topic;
  /** Kept for cross-topic checks: the line each metadata key was written on. */
  lines: Record<string, number>;
  overrides: boolean;
  problems: MetaProblem[];
  /** When the topic could not be built: its links, still checked against the guide. */
  links?: TopicLinks;
}

/** Parses one topic file's text. Pure: the caller reads the file and says where it came from. */
export function parseTopic(source: string, origin: { file: string; pack?: string }, meter?: WorkMeter): ParsedTopic {
  if (source.trim() === '') {
    return {
      lines: {},
      overrides: false,
      problems: [
        {
          line: 1,
          severity: 'error',
          message: 'expected a topic (a "---" metadata block, then Markdown), found an empty file',
        },
      ],
    };
  }
  const split = splitFrontMatter(source);
  if (!split.ok)
    return { lines: {}, overrides: false, problems: [{ line: split.line, message: split.message, severity: 'error' }] };
  const { document, lineCounter, metadataLine, body, bodyLine } = split.value;
  const { meta, problems, links, lines } = parseMetadata(document, lineCounter, metadataLine);
  let parsedBody: ReturnType<typeof parseBody>;
  try {
    parsedBody = parseBody(body, bodyLine, meter);
  } catch (error) {
    // Markdown over a limit (see markdown-limits.ts), or anything else the parser throws, is this file's
    // error: it must not take the whole guide down.
    if (error instanceof MarkdownLimitError)
      problems.push({ line: error.line, severity: 'error', message: error.message });
    else {
      const reason =
        (error as Error)?.name === 'RangeError' ? 'it nests too deeply' : cleanText(String((error as Error)?.message));
      problems.push({
        line: bodyLine,
        severity: 'error',
        message: `could not read the Markdown body: ${reason}; simplify it`,
      });
    }
    return { lines: {}, overrides: false, problems };
  }
  problems.push(...parsedBody.problems);
  if (!meta) return { lines: lines ?? {}, overrides: false, problems, ...(links ? { links } : {}) };
  const questions = resolveQuestions(parsedBody.questions, meta.id, meta.attributes, problems);
  return {
    topic: toTopic(meta, parsedBody, questions, origin),
    lines: meta.lines,
    overrides: meta.overrides,
    problems,
  };
}

function toTopic(
  meta: TopicMeta,
  body: ReturnType<typeof parseBody>,
  questions: Question[],
  origin: { file: string; pack?: string },
): Topic {
  return {
    id: meta.id,
    title: meta.title,
    kind: meta.kind,
    ...(meta.parent !== undefined ? { parent: meta.parent } : {}),
    aliases: meta.aliases,
    tags: meta.tags,
    summary: meta.summary,
    related: meta.related,
    sources: meta.sources,
    attributes: meta.attributes,
    intro: body.intro,
    sections: body.sections,
    questions,
    origin:
      origin.pack === undefined
        ? { from: 'guide', file: origin.file, line: meta.lines.id ?? 1 }
        : { from: 'pack', pack: origin.pack, file: origin.file, line: meta.lines.id ?? 1 },
  };
}
