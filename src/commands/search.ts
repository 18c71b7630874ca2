import type { Context } from '../context/context.js';
import { onlyStopWords } from '../catalog/stop-words.js';
import { cleanLine } from '../content/sanitize.js';
import { NotFoundError, UsageError } from '../errors.js';
import * as render from '../render/search-results.js';
import { keepTogether, wrapText } from '../render/text.js';

/** `virt search <words…>`: ranked full-text search; no match exits 1 with nothing on stdout. */
export async function runSearch(ctx: Context, words: string[], options: { limit?: string }): Promise<void> {
  const query = cleanLine(words.join(' ')).trim();
  if (!query) throw new UsageError('search needs words to look for, for example `virt search hypercall`');
  if (onlyStopWords(query))
    throw new UsageError(
      `"${query}" has only words that search ignores (like "the" or "is"); add a more specific word`,
    );
  const limit = options.limit === undefined ? 10 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError(`--limit expects a whole number of results of at least 1, not "${options.limit}"`);
  const catalog = await ctx.catalog();
  const hits = (await ctx.search()).search(query);
  if (hits.length === 0) {
    throw new NotFoundError(`nothing matches "${query}"`, [
      'try fewer or different words, or browse the topics with `virt list`',
    ]);
  }
  const shown = ctx.out.mode === 'json' ? hits : hits.slice(0, limit);
  const more = shown.length < hits.length ? `showing ${shown.length} of ${hits.length} (use --limit)` : '';
  if (ctx.out.mode === 'json') ctx.write(`${JSON.stringify(render.searchJson(query, shown), null, 2)}\n`);
  else if (ctx.out.mode === 'plain') {
    ctx.write(render.renderSearchPlain(shown));
    // On stderr, so that scripts reading the results get only results.
    if (more) ctx.note(more);
  } else {
    // A near spelling of a topic's name is not an exact match; say which page it names.
    const named = catalog.resolve(query);
    const theme = await ctx.theme();
    const pointer =
      named.kind === 'found' && named.via !== 'prefix' && shown[0]?.topic !== named.topic
        ? `${wrapText(`${theme.muted(`"${query}" is a topic of its own:`)} ${keepTogether(theme.accent(`virt explain ${named.topic.id}`))}`, ctx.out.readingWidth).join('\n')}\n\n`
        : '';
    const withPages = await Promise.all(shown.map(async (hit) => ({ ...hit, topic: await catalog.page(hit.topic) })));
    const footer = more ? `\n${theme.muted(more)}\n` : '';
    await ctx.show(pointer + render.renderSearchRich(withPages, theme, ctx.out.readingWidth) + footer);
  }
}
