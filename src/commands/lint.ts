import { basename, resolve } from 'node:path';
import type { Context } from '../context/context.js';
import { builtinContentDir } from '../content/paths.js';
import { cleanName, cleanText } from '../content/sanitize.js';
import { formatProblem, VirtError, EXIT } from '../errors.js';
import { SCHEMA_VERSION } from '../render/json.js';

/**
 * `virt lint [dir…]`: checks a guide and reports every problem as file:line: message, not just the first.
 * Without folders it checks the built-in guide and the packs in use (--content, VIRT_CONTENT_PATH), so the
 * advice in a content error ("run `virt lint`") finds the problem; a folder given is checked as a pack on
 * top of the built-in guide.
 */
export async function runLint(ctx: Context, dirs: string[], activePacks: string[]): Promise<void> {
  const { readGuideFromMarkdown } = await import('../lazy/markdown.js');
  const builtin = await readGuideFromMarkdown(builtinContentDir());
  const results = dirs.length === 0 ? [{ name: 'content', ...builtin }] : [];
  for (const dir of dirs.length === 0 ? activePacks : dirs) {
    results.push({
      name: dir,
      ...(await readGuideFromMarkdown(dir, { pack: cleanName(basename(resolve(dir))), base: builtin.guide })),
    });
  }
  const problems = results.flatMap((result) => result.problems);
  if (ctx.out.mode === 'json') {
    ctx.write(
      `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, problems, guides: results.map((r) => ({ path: cleanText(r.name), topics: r.guide.topics.length })) }, null, 2)}\n`,
    );
  } else {
    ctx.write(
      problems
        .map((problem) => `${cleanText(formatProblem(problem))}${problem.severity === 'warning' ? ' (warning)' : ''}\n`)
        .join(''),
    );
  }
  if (problems.length > 0) {
    const files = new Set(problems.map((p) => p.file)).size;
    throw new VirtError(`lint found ${problems.length} problem(s) in ${files} file(s)`, EXIT.usage);
  }
  if (ctx.out.mode !== 'json') {
    for (const result of results) {
      const own = result.guide.topics.filter(
        (topic) => (result.name === 'content' && dirs.length === 0) || topic.origin.pack !== undefined,
      ).length;
      ctx.write(`virt lint: ${cleanText(result.name)}: ${own} topic(s), no problems\n`);
    }
  }
}
