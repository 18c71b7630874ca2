import { comparedNames } from '../catalog/phrasing.js';
import type { Context } from '../context/context.js';
import { keyFacts } from '../model/attributes.js';
import { briefTopic } from '../model/brief.js';
import { NotFoundError, UsageError } from '../errors.js';
import { topicJson, toJson } from '../render/json.js';
import { guideNeighbours, treeRows } from '../render/list.js';
import { renderPlainPage } from '../render/page-plain.js';
import { runCompare } from './compare.js';
import { resolveTopic } from './resolve-topic.js';

export interface ExplainOptions {
  /** Each key fact with its one-line justification. */
  why?: boolean;
  /** Only the summary, key facts, diagram captions and Try-it commands. */
  brief?: boolean;
}

const shellWord = (word: string) => (/^[\w@.-]+$/.test(word) ? word : `"${word.replace(/(["\\$`])/g, '\\$1')}"`);

/**
 * `virt explain <topic…>`: one topic's page. Words are joined, so `virt explain type 2 hypervisor` works, and a
 * question works too (`what is a hypervisor`). A question that sets two topics side by side (`kvm vs xen`) is a
 * comparison: on a terminal it is shown; piped, the command to run goes to stderr, so a script's output stays
 * one kind of thing.
 */
export async function runExplain(ctx: Context, words: string[], options: ExplainOptions = {}): Promise<void> {
  const name = words.join(' ').trim();
  if (!name)
    throw new UsageError('explain needs a topic name, for example `virt explain paravirtualization` (see `virt list`)');
  const pair = comparedNames(name);
  if (pair) {
    if (ctx.out.mode === 'rich') return runCompare(ctx, pair, {});
    throw new NotFoundError(`"${name}" compares two topics; run \`virt compare ${pair.map(shellWord).join(' ')}\``);
  }
  const catalog = await ctx.catalog();
  const whole = await catalog.page(resolveTopic(catalog, name, ctx));
  const topic = options.brief ? briefTopic(whole) : whole;
  const related = topic.related.flatMap((id) => catalog.get(id) ?? []);
  const trail = ancestors(topic.parent, catalog.get);
  const page = {
    facts: keyFacts(topic, catalog.guide.schema),
    why: options.why ?? false,
    ...(options.brief ? {} : guideNeighbours(treeRows(catalog.children), topic.id)),
  };
  if (ctx.out.mode === 'json') {
    ctx.write(toJson(topicJson(topic, related, catalog.guide.schema, page)));
  } else if (ctx.out.mode === 'plain') {
    ctx.write(renderPlainPage(topic, related, trail, ctx.out.readingWidth, page));
  } else {
    const { renderRichPage } = await import('../lazy/rich.js');
    await ctx.show(renderRichPage(topic, related, trail, await ctx.theme(), ctx.out.readingWidth, page));
  }
}

function ancestors<T extends { parent?: string }>(parent: string | undefined, get: (id: string) => T | undefined): T[] {
  const trail: T[] = [];
  const seen = new Set<string>();
  for (let id = parent; id !== undefined && !seen.has(id);) {
    seen.add(id);
    const topic = get(id);
    if (!topic) break;
    trail.unshift(topic);
    id = topic.parent;
  }
  return trail;
}
