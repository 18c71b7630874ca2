import type { Token } from 'markdown-it';
import { diagramProblems, diagramWidth, MAX_DIAGRAM_WIDTH } from '../model/diagram.js';
import type { Block, ListItem, Section, Span } from '../model/topic.js';
import { formatBytes, MarkdownLimitError, MAX_TOPIC_BYTES } from './markdown-limits.js';
import { parseMarkdown } from './markdown-parser.js';
import type { MetaProblem } from './parse-metadata.js';
import { cleanLine, cleanText } from './sanitize.js';
import type { WorkMeter } from './work-meter.js';

export interface ParsedBody {
  intro: Block[];
  sections: Section[];
  problems: MetaProblem[];
}

/** A block token with what it contains: the tokens between an `_open` token and its `_close`. */
interface Node {
  token: Token;
  children: Node[];
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
  for (const node of nest(tokens)) {
    if (meter) meter.steps += 1;
    const { token } = node;
    const at = firstLine + (token.map?.[0] ?? 0);
    if (token.type === 'heading_open') {
      const depth = Number(token.tag.slice(1));
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
  return { intro, sections, problems };
}

/** Groups the flat token stream into nodes: each `_open` token holds the tokens up to its `_close`. */
function nest(tokens: Token[]): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  for (const token of tokens) {
    if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const node: Node = { token, children: [] };
    stack.at(-1)!.push(node);
    if (token.nesting === 1) stack.push(node.children);
  }
  return root;
}

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

function inlineOf(node: Node): Token[] {
  return node.children.find((child) => child.token.type === 'inline')?.token.children ?? [];
}

/** Spans of inline tokens; a strong, emphasised or linked run is one span of its plain text. */
function toSpans(tokens: Token[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'code_inline':
        spans.push({ kind: 'code', text: cleanText(token.content) });
        break;
      case 'strong_open':
      case 'em_open':
      case 'link_open': {
        const end = closing(tokens, i);
        const text = plainText(tokens.slice(i + 1, end));
        if (token.type === 'link_open')
          spans.push({ kind: 'link', text, href: cleanText(String(token.attrGet('href') ?? '')) });
        else spans.push({ kind: token.type === 'strong_open' ? 'strong' : 'emphasis', text });
        i = end;
        break;
      }
      default: {
        const text = textOf(token);
        if (text) spans.push({ kind: 'text', text: cleanText(text) });
      }
    }
  }
  return mergeText(spans);
}

/** The index of the token that closes the one at `open` (or the last token, if none does). */
function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Plain text of inline tokens, for headings and the text of strong, emphasised and linked runs. */
function plainText(tokens: Token[]): string {
  return cleanText(tokens.map(textOf).join(''));
}

function textOf(token: Token): string {
  switch (token.type) {
    case 'text':
    case 'code_inline':
    case 'html_inline':
      return token.content;
    case 'image':
      return plainText(token.children ?? []);
    case 'softbreak':
    case 'hardbreak':
      return ' ';
    case 'checkbox_input':
      // A task list item (`- [x] done`): shown as written until tasks have a model of their own.
      return token.attrGet('checked') === null ? '[ ]' : '[x]';
    default:
      return '';
  }
}

function mergeText(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (span.kind === 'text' && last?.kind === 'text') last.text += span.text;
    else merged.push({ ...span });
  }
  return merged;
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
