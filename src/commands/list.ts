import type { Context } from '../context/context.js';
import { SCHEMA_VERSION } from '../render/json.js';
import { renderListPlain, renderTree, treeRows } from '../render/list.js';

/** `virt list`: the guide's table of contents. */
export async function runList(ctx: Context): Promise<void> {
  const catalog = await ctx.catalog();
  const rows = treeRows(catalog.children);
  if (ctx.out.mode === 'json') {
    const topics = rows.map(({ topic }) => ({
      id: topic.id,
      title: topic.title,
      kind: topic.kind,
      parent: topic.parent ?? null,
      summary: topic.summary,
      ...(topic.origin.pack !== undefined ? { pack: topic.origin.pack } : {}),
    }));
    ctx.write(`${JSON.stringify({ schemaVersion: SCHEMA_VERSION, topics }, null, 2)}\n`);
  } else if (ctx.out.mode === 'plain') {
    ctx.write(renderListPlain(rows));
  } else {
    await ctx.show(renderTree(rows, await ctx.theme(), ctx.out.width));
  }
}
