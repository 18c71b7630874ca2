import type { Catalog } from '../catalog/catalog.js';
import { NotFoundError } from '../errors.js';
import type { Topic } from '../model/topic.js';
import type { Context } from '../context/context.js';

/** Resolves a name the way every command does, turning "not found" and "ambiguous" into exit-1 errors with hints. */
export function resolveTopic(catalog: Catalog, name: string, ctx: Context): Topic {
  const found = catalog.resolve(name);
  if (found.kind === 'found') {
    if (found.via === 'typo') ctx.note(`virt: no topic "${name}"; showing "${found.topic.title}" (${found.topic.id})`);
    return found.topic;
  }
  if (found.kind === 'ambiguous') {
    throw new NotFoundError(`"${name}" matches ${found.candidates.length} topics; say which one`, [
      ...found.candidates.slice(0, 8).map((topic) => `  ${topic.id}  (${topic.title})`),
    ]);
  }
  const suggestions = found.suggestions.map((topic) => `${topic.id} (${topic.title})`);
  throw new NotFoundError(`no topic named "${name}"`, [
    suggestions.length
      ? `did you mean ${suggestions.join(', ')}?`
      : `try \`virt search ${name.split(/\s+/)[0] ?? ''}\` or \`virt list\``,
  ]);
}
