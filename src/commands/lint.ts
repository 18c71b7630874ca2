import { basename, resolve } from 'node:path';
import type { Context } from '../context/context.js';
import { builtinContentDir } from '../content/paths.js';
import { cleanName, cleanText } from '../content/sanitize.js';
import { formatProblem, VirtError, EXIT } from '../errors.js';
import { SCHEMA_VERSION } from '../render/json.js';
import { counted } from '../render/text.js';

/**
 * `virt lint [dir…]`: checks a guide and reports every problem as file:line: message, not just the first.
 * Without folders it checks the built-in guide and the packs in use (--content, VIRT_CONTENT_PATH), so the
 * advice in a content error ("run `virt lint`") finds the problem; a folder given is checked as a pack on
 * top of the built-in guide.
 */
export async function runLint(
  ctx: Context,
  dirs: string[],
  activePacks: string[],
  options: { strict?: boolean } = {},
): Promise<void> {
  const { readGuideFromMarkdown } = await import('../lazy/markdown.js');
  const builtinDir = builtinContentDir();
  const builtin = await readGuideFromMarkdown(builtinDir);
  // The built-in folder named as a folder is the guide itself, not a pack that repeats every topic.
  const isBuiltin = (dir: string) => resolve(dir) === resolve(builtinDir);
  const asGuide = dirs.length === 0 || dirs.some(isBuiltin);
  const results = asGuide ? [{ name: dirs.find(isBuiltin) ?? 'content', builtin: true, ...builtin }] : [];
  for (const dir of dirs.length === 0 ? activePacks : dirs.filter((dir) => !isBuiltin(dir))) {
    results.push({
      name: dir,
      builtin: false,
      ...(await readGuideFromMarkdown(dir, { pack: cleanName(basename(resolve(dir))), base: builtin.guide })),
    });
  }
  // Errors first: they are what stops the guide from loading.
  const all = results.flatMap((result) => result.problems);
  const problems = [
    ...all.filter((problem) => problem.severity !== 'warning'),
    ...all.filter((problem) => problem.severity === 'warning'),
  ];
  const errors = problems.filter((problem) => problem.severity !== 'warning').length;
  const warnings = problems.length - errors;
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
  const files = counted(new Set(problems.map((p) => p.file)).size, 'file');
  if (errors > 0 || (warnings > 0 && options.strict)) {
    const found = [...(errors ? [counted(errors, 'error')] : []), ...(warnings ? [counted(warnings, 'warning')] : [])];
    throw new VirtError(`lint found ${found.join(' and ')} in ${files}`, EXIT.usage);
  }
  if (ctx.out.mode !== 'json') {
    const found = warnings ? `${counted(warnings, 'warning')} (--strict makes them fail)` : 'no problems';
    for (const result of results) {
      const own = result.guide.topics.filter((topic) => result.builtin || topic.origin.pack !== undefined).length;
      ctx.write(`virt lint: ${cleanText(result.name)}: ${counted(own, 'topic')}, ${found}\n`);
    }
  }
}
