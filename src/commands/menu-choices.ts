import type { Catalog } from '../catalog/catalog.js';
import { canCompare } from '../model/comparison.js';
import type { Topic } from '../model/topic.js';
import { QUIT_ANSWER, type Choice } from '../prompts/prompts.js';
import { treeRows } from '../render/list.js';
import { displayWidth, wrapText } from '../render/text.js';

/** Cuts text to a display width at a word boundary, marking the cut, so a choice stays on one line. */
function fit(text: string, width: number, ellipsis = '…'): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(`${out}${char}${ellipsis}`) > width) break;
    out += char;
  }
  // Back to the last whole word, unless that leaves almost nothing (one very long word).
  const space = out.trimEnd().lastIndexOf(' ');
  const whole = space > width / 3 ? out.slice(0, space) : out;
  return `${whole.replace(/[\s,;:\u2014-]+$/, '')}${ellipsis}`;
}

/** `ascii`: for a terminal that may not draw "—" and "…". */
export function topicChoice(topic: Topic, width: number, indent = '', ascii = false): Choice {
  return {
    name: fit(`${indent}${topic.title} ${ascii ? '-' : '—'} ${topic.summary}`, width, ascii ? '...' : '…'),
    value: topic.id,
    // inquirer prints the description as it is, and the terminal would break its lines mid-word.
    description: wrapText(topic.summary, width).join('\n'),
    short: topic.title,
  };
}

/** Every topic in reading order, indented by depth: what the picker shows before anything is typed. */
export function allTopicChoices(catalog: Catalog, width: number, ascii = false): Choice[] {
  return treeRows(catalog.children).map((row) => topicChoice(row.topic, width, '  '.repeat(row.depth), ascii));
}

/** The picker's answer to what has been typed: the named topic first, then search hits. */
export function matchingChoices(
  catalog: Catalog,
  search: (query: string) => Topic[],
  term: string,
  width: number,
  ascii = false,
): Choice[] {
  const resolved = catalog.resolve(term);
  const first = resolved.kind === 'found' && resolved.via !== 'typo' ? [resolved.topic] : [];
  const rest = search(term).filter((topic) => !first.includes(topic));
  return [...first, ...rest].slice(0, 40).map((topic) => topicChoice(topic, width, '', ascii));
}

export const QUIT = QUIT_ANSWER;
export const FIND = 'find';
export const BROWSE = 'browse';
export const COMPARE_PICK = 'compare-pick';
/** Starts a quiz on the topic whose id follows. */
export const QUIZ = 'quiz:';

/** The related topic a comparison with this one says most about: the first sharing comparison attributes. */
function comparableWith(topic: Topic, related: Topic[]): Topic | undefined {
  const sharing = related.filter((other) => canCompare([topic, other]));
  return sharing.find((other) => other.kind === topic.kind) ?? sharing[0];
}

/**
 * What to do after reading a page: the next chapter of the guide is one Enter away, and a comparison with
 * the most comparable related topic two keys (Down, Enter); then the page's questions, if it has some, and
 * the related topics.
 */
export function nextStepChoices(
  topic: Topic,
  related: Topic[],
  width: number,
  next?: Topic,
  comparable = true,
  questions = 0,
): Choice[] {
  const partner = comparableWith(topic, related);
  return [
    ...(next ? [{ name: fit(`Next in the guide: ${next.title}`, width), value: `open:${next.id}` }] : []),
    ...(partner
      ? [{ name: fit(`Compare ${topic.title} with ${partner.title}`, width), value: `compare:${partner.id}` }]
      : []),
    ...(questions > 0
      ? [{ name: `Check yourself (${questions} question${questions === 1 ? '' : 's'})`, value: `${QUIZ}${topic.id}` }]
      : []),
    ...related
      .filter((other) => other !== next)
      .map((other) => ({ name: fit(`Read: ${other.title}`, width), value: `open:${other.id}` })),
    ...(comparable
      ? [{ name: `Compare ${fit(topic.title, Math.max(10, width - 30))} with other topics…`, value: COMPARE_PICK }]
      : []),
    { name: 'Search for another topic', value: FIND },
    { name: 'Browse the guide in order', value: BROWSE },
    { name: 'Quit', value: QUIT },
  ];
}
