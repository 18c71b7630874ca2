/**
 * Markdown that makes parsers slow: the inputs of issue 14, the kinds of case in cmark's and commonmark.js's
 * pathological test suites (nested emphasis, brackets, block quotes, backticks, links, images), and a few
 * more of the same families. Each generator makes about `bytes` of text, so the tests and `npm run bench`
 * can make every case as large as a topic file may be. Used by the tests, the fuzz tests and the bench.
 */

/** `unit` repeated to fill about `bytes`. */
const repeat = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

/** `open` n times, `middle`, `close` n times: about `bytes` in all. */
const nested = (open: string, middle: string, close: string, bytes: number) => {
  const times = Math.max(1, Math.floor((bytes - middle.length) / (open.length + close.length)));
  return open.repeat(times) + middle + close.repeat(times);
};

/** Lines made by `line(i)` for i = 0, 1, 2… until about `bytes`. */
const lines = (line: (i: number) => string, bytes: number) => {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; ; i++) {
    const next = line(i);
    if (i > 0 && length + next.length > bytes) break;
    parts.push(next);
    length += next.length;
  }
  return parts.join('');
};

export const PATHOLOGICAL_MARKDOWN: Record<string, (bytes: number) => string> = {
  // Issue 14
  'strong around emphasis (**a *b* …)': (bytes) => repeat('**a *b* ', bytes),
  'unclosed emphasis (*a*a…)': (bytes) => repeat('*a', bytes),
  'image and link openers (![[…)': (bytes) => repeat('![[', bytes),
  // The families of cmark's and commonmark.js's pathological tests
  'nested strong emphasis': (bytes) => nested('*a **a ', 'b', ' a** a*', bytes),
  'emphasis closers without openers': (bytes) => repeat('a_ ', bytes),
  'emphasis openers without closers': (bytes) => repeat('_a ', bytes),
  'mismatched openers and closers': (bytes) => repeat('*a_ ', bytes),
  'closers in multiples of three': (bytes) => `a**b${repeat('c* ', bytes)}`,
  'link closers without openers': (bytes) => repeat('a] ', bytes),
  'link openers without closers': (bytes) => repeat('[a ', bytes),
  'link openers and emphasis closers': (bytes) => repeat('[ a_ ', bytes),
  'nested brackets': (bytes) => nested('[', 'a', ']', bytes),
  'nested block quotes': (bytes) => `${repeat('> ', bytes)}a\n`,
  'deeply nested lists': (bytes) => lines((i) => `${'  '.repeat(i)}* a\n`, bytes),
  'backtick runs of growing length': (bytes) => lines((i) => `e${'`'.repeat(i + 1)}`, bytes),
  'unclosed links with <destinations': (bytes) => repeat('[a](<b', bytes),
  'unclosed links': (bytes) => repeat('[a](b', bytes),
  'a bracket and backslashes': (bytes) => `[${'\\'.repeat(Math.max(1, bytes - 2))}\n`,
  'empty link openers ([](…)': (bytes) => `${repeat('[](', bytes)}\n`,
  'many reference definitions': (bytes) => lines((i) => `[${i + 1}]: u\n`, bytes / 2) + repeat('[0] ', bytes / 2),
  // More of the same families: images, underscores, ordered lists, quotes around lists, code spans
  'unclosed images': (bytes) => repeat('![a](', bytes),
  'nested images': (bytes) => nested('![', 'a', '](u)', bytes),
  'images with empty links (![[]()…)': (bytes) => repeat('![[]()', bytes),
  'nested underscore emphasis': (bytes) => nested('_a __a ', 'b', ' a__ a_', bytes),
  'nested links': (bytes) => nested('[a ', 'b', '](u)', bytes),
  'deeply nested ordered lists': (bytes) => lines((i) => `${'   '.repeat(i)}1. a\n`, bytes),
  'lists in block quotes': (bytes) => `${repeat('> - ', bytes)}a\n`,
  'unclosed code spans': (bytes) => repeat('`a ``b ', bytes),
};

/**
 * The worst a topic may hold of one case: paragraphs of the largest piece of it that `fits` (the limits
 * accept), filling about `bytes`. The cases themselves go over the limits and are refused at once; this
 * is what gets parsed.
 */
export function underTheLimits(
  make: (bytes: number) => string,
  bytes: number,
  fits: (text: string) => boolean,
): string {
  // Pieces grow with the size asked for: double while they fit, then halve the gap to the first that does not.
  let low = 0;
  let high = 16;
  while (high < bytes && fits(make(high))) {
    low = high;
    high = Math.min(bytes, high * 2);
  }
  if (high === bytes && fits(make(high))) low = high;
  while (high - low > 1 && low < bytes) {
    const mid = Math.floor((low + high) / 2);
    if (fits(make(mid))) low = mid;
    else high = mid;
  }
  const paragraph = `${make(Math.max(1, low)).trimEnd()}\n\n`;
  return paragraph.repeat(Math.max(1, Math.floor(bytes / paragraph.length)));
}
