import type { Token } from 'markdown-it';
import { diagramProblems, diagramWidth, MAX_DIAGRAM_WIDTH } from '../model/diagram.js';
import type { Block, ListItem, Section, Span } from '../model/topic.js';
import { formatBytes, MarkdownLimitError, MAX_TOPIC_BYTES } from './markdown-limits.js';
import { inlineOf, mergeText, nest, plainText, toSpans, type Node } from './markdown-nodes.js';
import { parseMarkdown } from './markdown-parser.js';
import type { MetaProblem } from './parse-metadata.js';
import { parseQuestionSection, QUESTIONS_HEADING, type QuestionDraft } from './parse-questions.js';
import { cleanLine, cleanText } from './sanitize.js';
import type { WorkMeter } from './work-meter.js';

export interface ParsedBody {
  intro: Block[];
  sections: Section[];
  /** The questions of the `## Check yourself` section, which is not one of `sections`. */
  questions: QuestionDraft[];
  problems: MetaProblem[];
}

/**
 * Turns a topic's Markdown body into blocks and sections, using markdown-it for the Markdown itself. Throws
 * MarkdownLimitError (with a line counted from `firstLine`) when the body goes over a limit.
 */
export function parseBody(markdown: string, firstLine: number, meter?: WorkMeter): ParsedBody {
  // Read files are refused above the limit before this; this holds for text from anywhere else too.
  if (markdown.length > MAX_TOPIC_BYTES)
    throw new MarkdownLimitError(
      firstLine,
      `the Markdown is over ${formatBytes(MAX_TOPIC_BYTES)}; split it into topics`,
    );
  let tokens: Token[];
  try {
    tokens = parseMarkdown(markdown);
  } catch (error) {
    if (error instanceof MarkdownLimitError) throw new MarkdownLimitError(firstLine + error.line - 1, error.message);
    throw error;
  }
  const lines = markdown.split('\n');
  const problems: MetaProblem[] = [];
  const intro: Block[] = [];
  const sections: Section[] = [];
  const questions: QuestionDraft[] = [];
  const nodes = nest(tokens);
  const lineOf = (node: Node) => firstLine + (node.token.map?.[0] ?? 0);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (meter) meter.steps += 1;
    const { token } = node;
    const at = lineOf(node);
    if (token.type === 'heading_open') {
      const depth = Number(token.tag.slice(1));
      // Any case: a "## Check Yourself" taken for prose would print the answers, marked, on the page.
      if (depth === 2 && plainText(inlineOf(node)).trim().toLowerCase() === QUESTIONS_HEADING.toLowerCase()) {
        // The questions run to the next heading of a section, which should not be there: they end the page.
        let end = i + 1;
        while (end < nodes.length && !isSectionHeading(nodes[end]!)) end++;
        const section = nodes.slice(i + 1, end);
        if (meter) meter.steps += section.length;
        questions.push(...parseQuestionSection(section, lineOf, problems).drafts);
        if (section.length === 0)
          problems.push({
            line: at,
            severity: 'warning',
            message: `"## ${QUESTIONS_HEADING}" holds no questions; add some or remove it`,
          });
        if (end < nodes.length)
          problems.push({
            line: lineOf(nodes[end]!),
            severity: 'error',
            message: `expected "## ${QUESTIONS_HEADING}" to be the last section of the file (line ${at}); move this section above it`,
          });
        i = end - 1;
        continue;
      }
      if (depth === 1) {
        problems.push({
          line: at,
          severity: 'warning',
          message: 'expected section headings to start at "##" (the title comes from the metadata), found "#"',
        });
      }
      sections.push({ heading: plainText(inlineOf(node)), level: Math.max(2, depth), blocks: [] });
      continue;
    }
    const block = toBlock(node, at, lines, problems);
    if (!block) continue;
    const current = sections.at(-1);
    (current ? current.blocks : intro).push(block);
  }
  return { intro, sections, questions, problems };
}

const isSectionHeading = (node: Node) => node.token.type === 'heading_open' && Number(node.token.tag.slice(1)) <= 2;

function toBlock(node: Node, line: number, lines: string[], problems: MetaProblem[]): Block | undefined {
  const { token } = node;
  switch (token.type) {
    case 'paragraph_open':
      return { kind: 'paragraph', spans: toSpans(inlineOf(node)) };
    case 'fence':
      if (/^diagram(\s|$)/.test(token.info)) return toDiagram(token, line, problems);
      return toCode(token);
    case 'code_block':
      return toCode(token);
    case 'blockquote_open':
      return { kind: 'quote', spans: joinBlocks(node.children) };
    case 'bullet_list_open':
    case 'ordered_list_open':
      return { kind: 'list', ordered: token.type === 'ordered_list_open', items: listItems(node, 0) };
    case 'hr':
      return undefined;
    default: {
      const found = token.type === 'table_open' ? 'table' : token.type === 'html_block' ? 'html' : token.type;
      problems.push({
        line,
        severity: 'warning',
        message: `expected a paragraph, list, code block or quote, found a ${found} (tables and HTML are not shown by virt: use a list)`,
      });
      const raw = sourceOf(token, lines).trim();
      return raw ? { kind: 'paragraph', spans: [{ kind: 'text', text: cleanText(raw) }] } : undefined;
    }
  }
}

function listItems(list: Node, depth: number): ListItem[] {
  return list.children.flatMap((item) => {
    const own: Node[] = [];
    const nested: ListItem[] = [];
    for (const child of item.children) {
      if (child.token.type === 'bullet_list_open' || child.token.type === 'ordered_list_open')
        nested.push(...listItems(child, depth + 1));
      else own.push(child);
    }
    return [{ spans: joinBlocks(own), depth }, ...nested];
  });
}

/** The inline content of blocks inside a quote or a list item, with a space between consecutive blocks. */
function joinBlocks(nodes: Node[]): Span[] {
  const spans: Span[] = [];
  for (const node of nodes) {
    const inner = blockSpans(node);
    if (inner.length === 0) continue;
    if (spans.length > 0) spans.push({ kind: 'text', text: ' ' });
    spans.push(...inner);
  }
  return mergeText(spans);
}

function blockSpans(node: Node): Span[] {
  const { token } = node;
  switch (token.type) {
    case 'paragraph_open':
    case 'heading_open':
      return toSpans(inlineOf(node));
    case 'bullet_list_open':
    case 'ordered_list_open':
      return node.children.flatMap((item, index) => [
        { kind: 'text', text: index === 0 ? '• ' : ' • ' },
        ...joinBlocks(item.children),
      ]);
    case 'blockquote_open':
      return joinBlocks(node.children);
    case 'fence':
    case 'code_block':
      return [{ kind: 'code', text: cleanText(token.content.trim()) }];
    case 'hr':
      return [];
    default:
      return [{ kind: 'text', text: cleanText(token.content) }];
  }
}

/** The source lines a block token came from. */
function sourceOf(token: Token, lines: string[]): string {
  return token.map ? lines.slice(token.map[0], token.map[1]).join('\n') : token.content;
}

function toCode(token: Token): Block {
  return {
    kind: 'code',
    // The info string as written, without backslash escapes (```c\+\+ is c++).
    lang: cleanText(token.info.trim().replace(/\\([!-/:-@[-`{-~])/g, '$1')),
    text: cleanText(token.content.replace(/\n$/, ''), { keepNewlines: true }),
  };
}

/**
 * A ```` ```diagram caption ```` block: drawn with the glyphs of model/diagram.ts, at most MAX_DIAGRAM_WIDTH
 * columns, with a caption that says in words what it shows. What breaks a rule is reported at its line.
 */
function toDiagram(token: Token, line: number, problems: MetaProblem[]): Block | undefined {
  const caption = cleanLine(token.info.replace(/^diagram/, '').trim());
  const text = token.content.replace(/\n$/, '');
  const report = (message: string) => problems.push({ line, severity: 'error', message });
  if (!caption) report('a diagram needs a caption after ```diagram, one line that says what it shows');
  const refused = diagramProblems(text);
  if (refused.length > 0) {
    const names = refused.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    report(`a diagram may use printable ASCII and the glyphs of src/model/diagram.ts only, not ${names.join(', ')}`);
  }
  const width = diagramWidth(text);
  if (width > MAX_DIAGRAM_WIDTH)
    report(`a diagram may be ${MAX_DIAGRAM_WIDTH} columns wide at most; this one is ${width}`);
  if (!caption || refused.length > 0 || width > MAX_DIAGRAM_WIDTH) return undefined;
  return { kind: 'diagram', caption, text };
}
