import { join, resolve } from 'node:path';
import type { ContentProblem } from '../errors.js';
import type { Guide } from '../model/topic.js';
import { buildGuide, entriesOf } from './build-guide.js';
import type { Problem } from './check-guide.js';
import { parseSchema } from './parse-schema.js';
import { builtinContentDir } from './paths.js';
import { readGuideFolder, readText } from './read-files.js';

export interface LoadResult {
  guide: Guide;
  /** Warnings that do not stop loading (and errors, when loading was asked not to throw). */
  problems: Problem[];
}

/** Reads and checks a guide folder from Markdown: the built-in one, or any folder `virt lint` is given. */
export async function readGuideFromMarkdown(
  dir: string,
  options: { pack?: string; base?: Guide } = {},
): Promise<LoadResult> {
  const problems: ContentProblem[] = [];
  const label = resolve(dir) === resolve(builtinContentDir()) ? 'content' : dir;
  let schema = options.base?.schema;
  if (!schema) {
    const schemaPath = join(builtinContentDir(), 'attributes.yaml');
    const text = readText(schemaPath, problems);
    const parsed = parseSchema(text ?? '', 'content/attributes.yaml');
    problems.push(...parsed.problems);
    schema = parsed.schema;
  }
  const folder = readGuideFolder(dir, { ...(options.pack !== undefined ? { pack: options.pack } : {}), label });
  problems.push(...folder.problems);
  const built = buildGuide(folder.files, schema, options.base ? entriesOf(options.base) : []);
  return {
    guide: built.guide,
    problems: [...problems.map((p): Problem => ({ ...p, severity: 'error' })), ...built.problems],
  };
}
