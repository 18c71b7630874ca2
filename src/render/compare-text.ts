import type { Comparison } from '../model/comparison.js';
import { SCHEMA_VERSION } from './json.js';
import type { Theme } from './theme.js';
import { wrapText } from './text.js';

/** Where a topic has no value: a dash on a terminal and in Markdown, a hyphen in tab-separated output. */
export const NO_VALUE = '–';
const NO_VALUE_TSV = '-';

/** When topics do not fit side by side: one block per attribute, each topic's value on its own line. */
export function renderComparisonStacked(comparison: Comparison, theme: Theme, width: number): string {
  const lines: string[] = [];
  for (const row of comparison.rows) {
    if (lines.length) lines.push('');
    lines.push(...wrapText(row.differs ? theme.different(`* ${row.label}`) : theme.heading(row.label), width));
    row.values.forEach((value, index) => {
      const title = comparison.topics[index]!.title;
      lines.push(...wrapText(`${theme.strong(`${title}:`)} ${value ?? theme.muted(NO_VALUE)}`, width, '  ', '      '));
    });
  }
  return `${lines.join('\n')}\n`;
}

/** The one-line justifications under a table, grouped by attribute. */
export function renderComparisonNotes(comparison: Comparison, theme: Theme, width: number): string {
  const lines: string[] = [];
  for (const row of comparison.rows) {
    const notes = row.whys.flatMap((why, index) => (why ? [{ why, title: comparison.topics[index]!.title }] : []));
    if (!notes.length) continue;
    lines.push('', ...wrapText(theme.heading(row.label), width));
    for (const note of notes)
      lines.push(...wrapText(`${theme.strong(note.title)}: ${note.why}`, width, theme.ascii ? '  - ' : '  • ', '    '));
  }
  return lines.length ? `${['', theme.heading('Why'), ...lines.slice(1)].join('\n')}\n` : '';
}

/** For scripts: a header `attribute<TAB>Title…`, then one tab-separated line per attribute. */
export function renderComparisonTsv(comparison: Comparison): string {
  const clean = (text: string) => text.replace(/[\t\n]/g, ' ');
  const header = ['attribute', ...comparison.topics.map((t) => clean(t.title))].join('\t');
  const rows = comparison.rows.map((row) =>
    [clean(row.label), ...row.values.map((value) => clean(value ?? NO_VALUE_TSV))].join('\t'),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

/** A GitHub-flavoured Markdown table, for pasting into notes. */
export function renderComparisonMarkdown(comparison: Comparison): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const header = `| Attribute | ${comparison.topics.map((t) => cell(t.title)).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(comparison.topics.length + 1)}`;
  const rows = comparison.rows.map(
    (row) => `| ${cell(row.label)} | ${row.values.map((value) => cell(value ?? NO_VALUE)).join(' | ')} |`,
  );
  return `${[header, rule, ...rows].join('\n')}\n`;
}

export function comparisonJson(comparison: Comparison) {
  return {
    schemaVersion: SCHEMA_VERSION,
    topics: comparison.topics.map((topic) => ({ id: topic.id, title: topic.title })),
    rows: comparison.rows.map((row) => ({
      key: row.key,
      attribute: row.label,
      values: row.values.map((value) => value ?? null),
      why: row.whys.map((why) => why ?? null),
      differs: row.differs,
    })),
  };
}
