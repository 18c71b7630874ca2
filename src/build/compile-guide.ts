/**
 * Build step: parses the built-in guide once and writes dist/guide.json, so that running virt never
 * parses Markdown or YAML for the built-in content (packs are still parsed at run time).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatProblem } from '../errors.js';
import { readGuideFromMarkdown } from '../content/load-guide.js';
import { builtinContentDir, compiledGuidePath } from '../content/paths.js';

const { guide, problems } = await readGuideFromMarkdown(builtinContentDir());
const errors = problems.filter((p) => p.severity === 'error');
for (const problem of errors) process.stderr.write(`${formatProblem(problem)}\n`);
if (errors.length > 0) {
  process.stderr.write(`compile-guide: ${errors.length} error(s) in content/; nothing written\n`);
  process.exitCode = 2;
} else {
  await mkdir(dirname(compiledGuidePath()), { recursive: true });
  await writeFile(compiledGuidePath(), JSON.stringify(guide));
  process.stdout.write(`compile-guide: ${guide.topics.length} topics → dist/guide.json\n`);
}
