import type { SearchHit } from '../catalog/search-index.js';
import { topicBodyText } from '../model/topic-text.js';
import { SCHEMA_VERSION } from './json.js';
import type { Theme } from './theme.js';
import { keepTogether, wrapText } from './text.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Marks every occurrence of the matched terms (case-insensitive) with the theme's match style. */
function highlight(text: string, terms: string[], theme: Theme): string {
  if (!terms.length || !theme.color) return text;
  const pattern = new RegExp(
    terms
      .map(escapeRegExp)
      .sort((a, b) => b.length - a.length)
      .join('|'),
    'gi',
  );
  return text.replace(pattern, (found) => theme.match(found));
}

/** The sentence of the page that best shows why it matched, cut to about `length` characters around the first hit. */
/** `hit.topic` carries its page (see Catalog.page). */
function snippet(hit: SearchHit, length = 160): string {
  const text = `${hit.topic.summary}\n${topicBodyText(hit.topic)}`;
  const lower = text.toLowerCase();
  const positions = hit.terms.map((term) => lower.indexOf(term.toLowerCase())).filter((at) => at >= 0);
  const first = positions.length ? Math.min(...positions) : 0;
  const lineStart = lower.lastIndexOf('\n', first) + 1;
  const start =
    first - lineStart > length / 2 ? Math.max(lineStart, text.lastIndexOf(' ', first - length / 3) + 1) : lineStart;
  const lineEnd = text.indexOf('\n', start);
  const stop = lineEnd === -1 ? text.length : lineEnd;
  // Cut at the last space before the length, so no word is split.
  const lastSpace = text.lastIndexOf(' ', start + length);
  const end = stop <= start + length ? stop : lastSpace > start ? lastSpace : start + length;
  const cut = text.slice(start, end).trim();
  return `${start > lineStart ? '…' : ''}${cut}${end < stop ? '…' : ''}`;
}

/** Search results on a terminal: title and id, then a short snippet with the matching words highlighted. */
export function renderSearchRich(hits: SearchHit[], theme: Theme, width: number): string {
  const lines = hits.flatMap((hit, index) => [
    ...(index > 0 ? [''] : []),
    ...wrapText(
      `${theme.title(highlight(hit.topic.title, hit.terms, theme))} ${keepTogether(theme.muted(`(virt explain ${hit.topic.id})`))}`,
      width,
    ),
    ...wrapText(highlight(snippet(hit), hit.terms, theme), width, '  '),
  ]);
  return `${lines.join('\n')}\n`;
}

/** For scripts: `id<TAB>title<TAB>summary`, best first. */
export function renderSearchPlain(hits: SearchHit[]): string {
  return hits.map((hit) => [hit.topic.id, hit.topic.title, hit.topic.summary].join('\t')).join('\n') + '\n';
}

export function searchJson(query: string, hits: SearchHit[]) {
  return {
    schemaVersion: SCHEMA_VERSION,
    query,
    results: hits.map((hit) => ({
      id: hit.topic.id,
      title: hit.topic.title,
      summary: hit.topic.summary,
      score: hit.score,
      ...(hit.exactMatch ? { exactMatch: true } : {}),
    })),
  };
}
