import type { Catalog } from '../catalog/catalog.js';
import type { Context } from '../context/context.js';
import { UsageError } from '../errors.js';
import { buildComparison, canCompare } from '../model/comparison.js';
import { NotFoundError } from '../errors.js';
import type { Topic } from '../model/topic.js';
import * as text from '../render/compare-text.js';
import { resolveTopic } from './resolve-topic.js';
import { wrapText } from '../render/text.js';

export interface CompareOptions {
  diff?: boolean;
  why?: boolean;
  markdown?: boolean;
}

/** `virt compare <topic> <topic>…` (or `@group`): one column per topic, one row per attribute. */
export async function runCompare(ctx: Context, names: string[], options: CompareOptions): Promise<void> {
  const catalog = await ctx.catalog();
  const topics: Topic[] = [];
  for (const name of names) {
    if (name.startsWith('@')) {
      const members = catalog.group(name);
      const groups = catalog
        .comparableGroupNames()
        .map((g) => `@${g}`)
        .join(', ');
      if (!members) throw new UsageError(`no group "${name}"; groups are ${groups}`);
      if (!canCompare(members))
        throw new UsageError(
          `the topics of ${name} share no attribute to compare by; groups that compare are ${groups}`,
        );
      topics.push(...members);
    } else {
      topics.push(resolveTopic(catalog, name, ctx));
    }
  }
  const distinct = [...new Set(topics)];
  if (distinct.length < 2) {
    throw new UsageError(
      `compare needs at least two different topics (got ${distinct.length}), for example \`virt compare full para\` or \`virt compare @methods\``,
    );
  }
  if (!canCompare(distinct)) throw notComparable(distinct, catalog);
  const comparison = buildComparison(distinct, catalog.guide.schema);
  if (options.diff) comparison.rows = comparison.rows.filter((row) => row.differs);
  if (comparison.rows.length === 0) {
    // Only --diff can empty a comparison; an empty table would say nothing.
    ctx.note('virt: these topics do not differ on any attribute they share');
    return;
  }
  if (ctx.out.mode === 'json') {
    ctx.write(`${JSON.stringify(text.comparisonJson(comparison), null, 2)}\n`);
  } else if (options.markdown) {
    ctx.write(text.renderComparisonMarkdown(comparison));
  } else if (ctx.out.mode === 'plain') {
    ctx.write(text.renderComparisonTsv(comparison));
  } else {
    const theme = await ctx.theme();
    const { DIFFERS_MARK, renderComparisonTable, tableLayout } = await import('../lazy/table.js');
    const layout = tableLayout(comparison, ctx.out.width);
    const body = layout
      ? renderComparisonTable(comparison, theme, layout)
      : text.renderComparisonStacked(comparison, theme, ctx.out.width);
    // The mark, not only the colour, shows which rows differ, so the legend is there with NO_COLOR too.
    const legendText = `${DIFFERS_MARK} marks ${layout?.transposed ? 'attributes' : 'rows'} that differ; --diff shows only those${options.why ? '' : ', --why explains each value'}.`;
    const legend = comparison.rows.some((row) => row.differs)
      ? `${wrapText(legendText, ctx.out.width).map(theme.muted).join('\n')}\n`
      : '';
    const notes = options.why ? text.renderComparisonNotes(comparison, theme, ctx.out.readingWidth) : '';
    await ctx.show(body + legend + notes);
  }
}

/** Topics that share no attribute: say so, and name what each one does compare with. */
function notComparable(topics: Topic[], catalog: Catalog): NotFoundError {
  const titles = topics.map((topic) => topic.title);
  const names = `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)!}`;
  const hints = topics.flatMap((topic) => {
    const partners = catalog.comparableWith(topic).slice(0, 4);
    return partners.length ? [`${topic.id} compares with ${partners.map((other) => other.id).join(', ')}`] : [];
  });
  return new NotFoundError(`${names} have no attribute in common to compare`, [
    ...hints,
    ...(hints.length
      ? []
      : [
          `try ${catalog
            .comparableGroupNames()
            .map((group) => `virt compare @${group}`)
            .join(', ')}`,
        ]),
  ]);
}
