import type { Catalog } from '../catalog/catalog.js';
import { stripQuestion } from '../catalog/phrasing.js';
import { NotFoundError } from '../errors.js';
import type { Topic } from '../model/topic.js';
import type { Context } from '../context/context.js';

/** Resolves a name the way every command does, turning "not found" and "ambiguous" into exit-1 errors with hints. */
export function resolveTopic(catalog: Catalog, name: string, ctx: Context): Topic {
  // A name as given wins; failing that, the name inside a question ("what is a hypervisor").
  const asked = catalog.resolve(name);
  const bare = stripQuestion(name);
  const found = asked.kind === 'found' || bare === name || !bare ? asked : catalog.resolve(bare);
  if (found.kind === 'found') {
    if (found.via === 'typo') ctx.note(`virt: no topic "${name}"; showing "${found.topic.title}" (${found.topic.id})`);
    return found.topic;
  }
  if (found.kind === 'ambiguous') {
    const candidates = found.candidates.slice(0, 8);
    const idWidth = Math.max(...candidates.map((topic) => topic.id.length));
    throw new NotFoundError(`"${name}" matches ${found.candidates.length} topics; say which one`, [
      ...candidates.map((topic) => `  ${topic.id.padEnd(idWidth)}  ${topic.title}`),
    ]);
  }
  const suggestions = found.suggestions.map((topic) => `${topic.id} (${topic.title})`);
  throw new NotFoundError(`no topic named "${name}"`, [
    suggestions.length
      ? `did you mean ${suggestions.join(', ')}?`
      : `try \`virt search ${name.split(/\s+/)[0] ?? ''}\` or \`virt list\``,
  ]);
}
