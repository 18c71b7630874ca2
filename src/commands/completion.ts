import type { Context } from '../context/context.js';
import { UsageError } from '../errors.js';
import { renderCompletion, SHELLS, type Shell } from '../render/completion.js';
import type { CliSpec } from '../render/program-spec.js';

/** `virt completion bash|zsh|fish`: prints the script; installing it is the user's choice (see the README). */
export async function runCompletion(ctx: Context, shell: string, spec: CliSpec): Promise<void> {
  if (!(SHELLS as readonly string[]).includes(shell))
    throw new UsageError(`completion supports ${SHELLS.join(', ')}, not "${shell}"`);
  const catalog = await ctx.catalog();
  const oneWord = (name: string) => (/^[A-Za-z0-9@._/+-]+$/.test(name) ? [name.toLowerCase()] : []);
  const topics = [...new Set(catalog.topics.flatMap((topic) => [topic.id, ...topic.aliases.flatMap(oneWord)]))];
  const groups = catalog.comparableGroupNames().map((name) => `@${name}`);
  ctx.write(renderCompletion(shell as Shell, spec, { topics, groups }));
}
