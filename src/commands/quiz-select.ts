import type { Catalog } from '../catalog/catalog.js';
import type { Context } from '../context/context.js';
import { UsageError } from '../errors.js';
import type { Question } from '../model/question.js';
import type { Topic } from '../model/topic.js';
import { treeRows } from '../render/list.js';
import { resolveTopic } from './resolve-topic.js';

/**
 * The questions `virt quiz` works on: those of the topics and groups named (`kvm`, `@methods`), or of the
 * whole guide when none is, in the guide's reading order (as `virt list` shows it), each topic once. An
 * unknown topic exits 1, as `virt explain` does; an unknown group 2, as `virt compare` does.
 */
export async function selectQuestions(
  ctx: Context,
  names: string[],
): Promise<{ topics: Topic[]; questions: Question[] }> {
  const catalog = await ctx.catalog();
  const ordered = treeRows(catalog.children).map((row) => row.topic);
  const topics = names.length === 0 ? ordered : inGuideOrder(ordered, namedTopics(catalog, names, ctx));
  return { topics, questions: catalog.questions(topics) };
}

function namedTopics(catalog: Catalog, names: string[], ctx: Context): Set<Topic> {
  const named = new Set<Topic>();
  for (const name of names) {
    if (name.startsWith('@')) {
      const members = catalog.group(name);
      // As in `virt compare`: the groups are a closed list, so a name outside it is a usage error.
      if (!members)
        throw new UsageError(
          `no group "${name}"; a group is a kind in the plural (@methods, @products, @terms) or a tag (${catalog
            .comparableGroupNames()
            .slice(0, 3)
            .map((group) => `@${group}`)
            .join(', ')}…)`,
        );
      for (const topic of members) named.add(topic);
    } else {
      named.add(resolveTopic(catalog, name, ctx));
    }
  }
  return named;
}

const inGuideOrder = (ordered: Topic[], named: Set<Topic>) => ordered.filter((topic) => named.has(topic));
