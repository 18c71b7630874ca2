import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, ListItem, Section, Span } from '../model/topic.js';
import type { MetaProblem } from './parse-metadata.js';
import { cleanText } from './sanitize.js';
import type { WorkMeter } from './work-meter.js';

export interface ParsedBody {
  intro: Block[];
  sections: Section[];
  problems: MetaProblem[];
}

/** Turns a topic's Markdown body into blocks and sections, using marked's lexer for the Markdown itself. */
export function parseBody(markdown: string, firstLine: number, meter?: WorkMeter): ParsedBody {
  const problems: MetaProblem[] = [];
  const intro: Block[] = [];
  const sections: Section[] = [];
  let line = firstLine;
  for (const token of new Lexer({ gfm: true }).lex(markdown)) {
    if (meter) meter.steps += 1;
    const at = line;
    line += countNewlines(token.raw);
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      if (heading.depth === 1) {
        problems.push({
          line: at,
          severity: 'warning',
          message: 'expected section headings to start at "##" (the title comes from the metadata), found "#"',
        });
      }
      sections.push({ heading: inlineText(heading.tokens), level: Math.max(2, heading.depth), blocks: [] });
      continue;
    }
    const block = toBlock(token, at, problems);
    if (!block) continue;
    const current = sections.at(-1);
    (current ? current.blocks : intro).push(block);
  }
  return { intro, sections, problems };
}

function toBlock(token: Token, line: number, problems: MetaProblem[]): Block | undefined {
  switch (token.type) {
    case 'paragraph':
    case 'text':
      return { kind: 'paragraph', spans: toSpans((token as Tokens.Paragraph).tokens ?? [], token.text) };
    case 'code':
      return {
        kind: 'code',
        lang: cleanText((token as Tokens.Code).lang ?? ''),
        text: cleanText((token as Tokens.Code).text, { keepNewlines: true }),
      };
    case 'blockquote':
      return { kind: 'quote', spans: (token as Tokens.Blockquote).tokens.flatMap((inner) => blockSpans(inner)) };
    case 'list':
      return { kind: 'list', ordered: (token as Tokens.List).ordered, items: listItems(token as Tokens.List, 0) };
    case 'space':
    case 'hr':
      return undefined;
    default:
      problems.push({
        line,
        severity: 'warning',
        message: `expected a paragraph, list, code block or quote, found a ${token.type} (tables and HTML are not shown by virt: use a list)`,
      });
      return token.raw.trim()
        ? { kind: 'paragraph', spans: [{ kind: 'text', text: cleanText(token.raw.trim()) }] }
        : undefined;
  }
}

function listItems(list: Tokens.List, depth: number): ListItem[] {
  return list.items.flatMap((item) => {
    const own: Span[] = [];
    const nested: ListItem[] = [];
    for (const child of item.tokens) {
      if (child.type === 'list') nested.push(...listItems(child as Tokens.List, depth + 1));
      else own.push(...blockSpans(child));
    }
    return [{ spans: own, depth }, ...nested];
  });
}

/** The inline content of a block-level token, with a space between consecutive blocks. */
function blockSpans(token: Token): Span[] {
  if (token.type === 'space') return [];
  if (token.type === 'list') {
    return (token as Tokens.List).items.flatMap((item) => [
      { kind: 'text', text: ' • ' } as Span,
      ...item.tokens.flatMap(blockSpans),
    ]);
  }
  const inner = 'tokens' in token && Array.isArray(token.tokens) ? token.tokens : undefined;
  return inner ? toSpans(inner, '') : [{ kind: 'text', text: cleanText(decodeEntities(token.raw)) }];
}

function toSpans(tokens: Token[], fallback: string): Span[] {
  if (tokens.length === 0 && fallback) return [{ kind: 'text', text: cleanText(decodeEntities(fallback)) }];
  const spans: Span[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'codespan':
        spans.push({ kind: 'code', text: cleanText(decodeEntities(token.text)) });
        break;
      case 'strong':
        spans.push({ kind: 'strong', text: inlineText((token as Tokens.Strong).tokens) });
        break;
      case 'em':
        spans.push({ kind: 'emphasis', text: inlineText((token as Tokens.Em).tokens) });
        break;
      case 'link':
        spans.push({
          kind: 'link',
          text: inlineText((token as Tokens.Link).tokens),
          href: cleanText((token as Tokens.Link).href),
        });
        break;
      case 'br':
        spans.push({ kind: 'text', text: ' ' });
        break;
      case 'text':
        if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0)
          spans.push(...toSpans(token.tokens, ''));
        else spans.push({ kind: 'text', text: cleanText(decodeEntities(token.text)) });
        break;
      default:
        spans.push({
          kind: 'text',
          text: cleanText(decodeEntities('text' in token && typeof token.text === 'string' ? token.text : token.raw)),
        });
    }
  }
  return mergeText(spans);
}

/** Plain text of inline tokens, for headings and nested emphasis. */
function inlineText(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) =>
      'tokens' in token && Array.isArray(token.tokens) && token.tokens.length
        ? inlineText(token.tokens)
        : decodeEntities('text' in token ? String(token.text) : token.raw),
    )
    .map((text) => cleanText(text))
    .join('');
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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** marked's lexer leaves character references as written; a terminal wants the characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
