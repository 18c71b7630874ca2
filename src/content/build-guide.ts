import type { AttributeSchema, Guide } from '../model/topic.js';
import { checkGuide, entriesOf, type Problem, type TopicEntry, type UnbuiltLinks } from './check-guide.js';

export { entriesOf };
import { parseTopic } from './parse-topic.js';
import type { WorkMeter } from './work-meter.js';

/** One file's text and where it came from; reading it is the caller's business. */
export interface SourceFile {
  file: string;
  text: string;
  pack?: string;
}

/** Parses topic files (in reading order) and checks them as one guide. Pure. */
export function buildGuide(
  files: SourceFile[],
  schema: AttributeSchema,
  earlier: TopicEntry[] = [],
  meter?: WorkMeter,
): { guide: Guide; problems: Problem[] } {
  const problems: Problem[] = [];
  const entries: TopicEntry[] = [...earlier];
  const unbuilt: UnbuiltLinks[] = [];
  for (const file of files) {
    const parsed = parseTopic(
      file.text,
      file.pack !== undefined ? { file: file.file, pack: file.pack } : { file: file.file },
      meter,
    );
    problems.push(...parsed.problems.map((p) => ({ ...p, file: file.file })));
    if (parsed.topic) entries.push({ topic: parsed.topic, lines: parsed.lines, overrides: parsed.overrides });
    else if (parsed.links) unbuilt.push({ file: file.file, lines: parsed.lines, ...parsed.links });
  }
  const checked = checkGuide(entries, schema, meter, unbuilt);
  return { guide: checked.guide, problems: [...problems, ...checked.problems] };
}
