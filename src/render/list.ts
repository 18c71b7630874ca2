import type { Topic } from '../model/topic.js';
import type { Theme } from './theme.js';
import { displayWidth, padEnd, wrapText } from './text.js';

export interface TreeRow {
  topic: Topic;
  depth: number;
  /** For each ancestor level, whether that ancestor was the last of its siblings (draws the tree's rails). */
  lastAt: boolean[];
}

/** Flattens the guide into reading order: each topic followed by its children. */
export function treeRows(children: (id: string | undefined) => Topic[]): TreeRow[] {
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | undefined, depth: number, lastAt: boolean[]) => {
    const kids = children(parent).filter((topic) => !seen.has(topic.id));
    for (let index = 0; index < kids.length; index++) {
      const topic = kids[index]!;
      seen.add(topic.id);
      const row = { topic, depth, lastAt: [...lastAt, index === kids.length - 1] };
      rows.push(row);
      walk(topic.id, depth + 1, row.lastAt);
    }
  };
  walk(undefined, 0, []);
  return rows;
}

/** The topics just before and after one in reading order: the guide's Previous and Next. */
export function guideNeighbours(rows: TreeRow[], id: string): { previous?: Topic; next?: Topic } {
  const at = rows.findIndex((row) => row.topic.id === id);
  if (at < 0) return {};
  const previous = rows[at - 1]?.topic;
  const next = rows[at + 1]?.topic;
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/** Chapter numbers for the rows, as a book numbers them: 1, 1.1, 1.2, 1.2.1, 2… */
function chapterNumbers(rows: TreeRow[]): string[] {
  const counters: number[] = [];
  return rows.map((row) => {
    counters.length = row.depth + 1;
    counters[row.depth] = (counters[row.depth] ?? 0) + 1;
    return counters.map((count) => count ?? 1).join('.');
  });
}

/** `virt list` on a terminal: the numbered table of contents as a tree, ids aligned in a dim column. */
export function renderTree(rows: TreeRow[], theme: Theme, width: number): string {
  const rail = theme.ascii
    ? { mid: '|-- ', end: '`-- ', bar: '|   ', none: '    ' }
    : { mid: '├─ ', end: '└─ ', bar: '│  ', none: '   ' };
  const numbers = chapterNumbers(rows);
  const lefts = rows.map((row, index) => {
    const title = `${theme.muted(numbers[index]!)} ${row.topic.title}`;
    return {
      row,
      prefix: theme.muted(rebuildPrefix(row, rail)),
      title: row.depth === 0 ? theme.heading(title) : title,
    };
  });
  const ids = rows.map((row) =>
    displayWidth(`${row.topic.id}${row.topic.origin.pack !== undefined ? ` [${row.topic.origin.pack}]` : ''}`),
  );
  // The column leaves room for the longest id, so every id can stand in it.
  const column = Math.min(
    Math.max(...lefts.map((l) => displayWidth(l.prefix + l.title))) + 2,
    Math.floor(width * 0.6),
    width - Math.max(...ids),
  );
  // The id is what `virt explain` takes, so it is never dropped: in its column when the title leaves room,
  // else on the next line, in the same column (or under the title when the column leaves no room), so the
  // ids always read down one column.
  const lines = lefts.flatMap(({ row, prefix, title }) => {
    const id = `${theme.muted(row.topic.id)}${row.topic.origin.pack !== undefined ? theme.muted(` [${row.topic.origin.pack}]`) : ''}`;
    const fitsColumn = column + displayWidth(id) <= width;
    const indent = ' '.repeat(displayWidth(prefix));
    const wrapped = wrapText(title, width, prefix, indent);
    const last = wrapped.at(-1)!;
    if (fitsColumn && displayWidth(last) + 2 <= column)
      return [...wrapped.slice(0, -1), `${padEnd(last, column)}${id}`];
    return [...wrapped, fitsColumn ? `${' '.repeat(column)}${id}` : `${indent}  ${id}`];
  });
  return `${lines.join('\n')}\n`;
}

function rebuildPrefix(row: TreeRow, rail: { mid: string; end: string; bar: string; none: string }): string {
  let prefix = '';
  for (let level = 1; level < row.lastAt.length; level++) {
    const last = row.lastAt[level];
    if (level === row.lastAt.length - 1) prefix += last ? rail.end : rail.mid;
    else prefix += last ? rail.none : rail.bar;
  }
  return prefix;
}

/** `virt list` in a pipe: one `id<TAB>title` line per topic, in reading order. */
export function renderListPlain(rows: TreeRow[]): string {
  return rows.map((row) => `${row.topic.id}\t${row.topic.title}`).join('\n') + (rows.length ? '\n' : '');
}
