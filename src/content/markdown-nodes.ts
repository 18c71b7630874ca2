import type { Token } from 'markdown-it';
import type { Span } from '../model/topic.js';
import { cleanText } from './sanitize.js';

/** A block token with what it contains: the tokens between an `_open` token and its `_close`. */
export interface Node {
  token: Token;
  children: Node[];
}

/** Groups the flat token stream into nodes: each `_open` token holds the tokens up to its `_close`. */
export function nest(tokens: Token[]): Node[] {
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

export function inlineOf(node: Node): Token[] {
  return node.children.find((child) => child.token.type === 'inline')?.token.children ?? [];
}

/** Spans of inline tokens; a strong, emphasised or linked run is one span of its plain text. */
export function toSpans(tokens: Token[]): Span[] {
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
export function plainText(tokens: Token[]): string {
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

export function mergeText(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (span.kind === 'text' && last?.kind === 'text') last.text += span.text;
    else merged.push({ ...span });
  }
  return merged;
}
