import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ContentError, type ContentProblem } from '../errors.js';
import type { Guide } from '../model/topic.js';
import { buildGuide, entriesOf } from './build-guide.js';
import type { Problem } from './check-guide.js';
import { parseSchema } from './parse-schema.js';
import { cleanText } from './sanitize.js';
import { builtinContentDir, compiledGuidePath } from './paths.js';
import { readGuideFolder, readText } from './read-files.js';

export interface LoadResult {
  guide: Guide;
  /** Warnings that do not stop loading (and errors, when loading was asked not to throw). */
  problems: Problem[];
}

/** Reads and checks a guide folder from Markdown: the built-in one, or any folder `virt lint` is given. */
export async function readGuideFromMarkdown(dir: string, options: { pack?: string; base?: Guide } = {}): Promise<LoadResult> {
  const problems: ContentProblem[] = [];
  const label = resolve(dir) === resolve(builtinContentDir()) ? 'content' : dir;
  let schema = options.base?.schema;
  if (!schema) {
    const schemaPath = join(builtinContentDir(), 'attributes.yaml');
    const text = await readText(schemaPath, problems);
    const parsed = parseSchema(text ?? '', 'content/attributes.yaml');
    problems.push(...parsed.problems);
    schema = parsed.schema;
  }
  const folder = await readGuideFolder(dir, { ...(options.pack !== undefined ? { pack: options.pack } : {}), label });
  problems.push(...folder.problems);
  const built = buildGuide(folder.files, schema, options.base ? entriesOf(options.base) : []);
  return { guide: built.guide, problems: [...problems.map((p): Problem => ({ ...p, severity: 'error' })), ...built.problems] };
}

/** The built-in guide: compiled JSON when built, else parsed from content/ (development with tsx). */
export async function loadBuiltinGuide(): Promise<LoadResult> {
  try {
    const guide = JSON.parse(await readFile(compiledGuidePath(), 'utf8')) as Guide;
    return { guide, problems: [] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return readGuideFromMarkdown(builtinContentDir());
}

/** The guide every command uses: built-in topics, then each pack in order. Throws ContentError on errors. */
export async function loadGuide(packs: string[] = []): Promise<Guide> {
  let { guide, problems } = await loadBuiltinGuide();
  failOnErrors(problems);
  for (const pack of packs) {
    ({ guide, problems } = await readGuideFromMarkdown(pack, { pack: cleanText(basename(resolve(pack))), base: guide }));
    failOnErrors(problems);
  }
  return guide;
}

function failOnErrors(problems: Problem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ContentError(errors);
}
