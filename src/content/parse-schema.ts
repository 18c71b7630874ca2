import { parse } from 'yaml';
import type { AttributeDef, AttributeSchema } from '../model/topic.js';
import type { ContentProblem } from '../errors.js';
import { show } from './metadata-fields.js';

/** Parses content/attributes.yaml: `sets: {<set>: [{key, label}]}`. */
export function parseSchema(source: string, file: string): { schema: AttributeSchema; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const schema: AttributeSchema = { sets: {} };
  let data: unknown;
  try {
    data = parse(source);
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1;
    problems.push({ file, line, message: `malformed attribute schema: ${(error as Error).message.split('\n')[0]}` });
    return { schema, problems };
  }
  const sets = (data as { sets?: unknown } | null)?.sets;
  if (!sets || typeof sets !== 'object' || Array.isArray(sets)) {
    problems.push({
      file,
      line: 1,
      message: `expected "sets:" mapping set names to lists of {key, label}, found ${show(sets)}`,
    });
    return { schema, problems };
  }
  for (const [set, defs] of Object.entries(sets as Record<string, unknown>)) {
    if (!Array.isArray(defs)) {
      problems.push({
        file,
        line: 1,
        message: `expected set "${set}" to be a list of {key, label}, found ${show(defs)}`,
      });
      continue;
    }
    schema.sets[set] = defs.flatMap((def: unknown): AttributeDef[] => {
      const entry = def as { key?: unknown; label?: unknown } | null;
      if (typeof entry?.key === 'string' && typeof entry.label === 'string')
        return [{ key: entry.key, label: entry.label, set }];
      problems.push({
        file,
        line: 1,
        message: `expected each attribute of set "${set}" to have a key and a label, found ${show(def)}`,
      });
      return [];
    });
  }
  return { schema, problems };
}
