import { tasklist } from '@mdit/plugin-tasklist';
import MarkdownIt, { type MarkdownIt as Parser, type Options, type StateCore, type Token } from 'markdown-it';
import { MarkdownLimitError, MAX_DELIMITER_RUNS, MAX_NESTING, countDelimiterRuns } from './markdown-limits.js';

let parser: Parser | undefined;

/**
 * Parses a topic's Markdown into markdown-it's token stream (GitHub-flavoured: tables and strikethrough are
 * recognised so they can be reported, bare links are linked, `- [x]` items are tasks). Throws
 * MarkdownLimitError when the text goes over a limit of markdown-limits.ts; the nesting and delimiter limits
 * are checked between the block pass and the inline pass, where all the costly matching happens.
 */
export function parseMarkdown(markdown: string): Token[] {
  parser ??= createParser();
  return parser.parse(markdown, {});
}

function createParser(): Parser {
  const options: Options & { maxNesting: number } = {
    html: true,
    linkify: true,
    // Enough for MAX_NESTING lists (two levels each: the list and its item) and then some, so the block pass
    // reaches one level past the limit, and checkLimits sees it, before markdown-it would stop nesting.
    // maxNesting is one of markdown-it's preset options, which its type for the constructor leaves out.
    maxNesting: 2 * MAX_NESTING + 8,
  };
  const md = new MarkdownIt('default', options);
  md.use(tasklist, { label: false });
  md.core.ruler.after('block', 'virt_limits', checkLimits);
  return md;
}

function checkLimits(state: StateCore): boolean {
  let depth = 0;
  for (const token of state.tokens) {
    if (token.type === 'blockquote_open' || token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      if (++depth > MAX_NESTING)
        throw new MarkdownLimitError(
          lineOf(token),
          `block quotes and lists nest more than ${MAX_NESTING} levels deep here; flatten them`,
        );
    } else if (
      token.type === 'blockquote_close' ||
      token.type === 'bullet_list_close' ||
      token.type === 'ordered_list_close'
    ) {
      depth--;
    } else if (token.type === 'inline') {
      const runs = countDelimiterRuns(token.content);
      if (runs > MAX_DELIMITER_RUNS)
        throw new MarkdownLimitError(
          lineOf(token),
          `this paragraph has ${runs} runs of *, _, ~, \` or brackets; at most ${MAX_DELIMITER_RUNS} are allowed in one paragraph, split it or put the text in a code block`,
        );
    }
  }
  return true;
}

const lineOf = (token: Token) => (token.map ? token.map[0] + 1 : 1);
