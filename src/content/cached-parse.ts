import { diagramProblems } from '../model/diagram.js';
import { QUESTION_KINDS } from '../model/question.js';
import { TOPIC_KINDS, type Topic } from '../model/topic.js';
import { METADATA_KEYS } from './metadata-keys.js';
import type { ParsedTopic } from './parse-topic.js';
import { isLocalId } from './parse-questions.js';
import { MAX_NESTING, MAX_TOPIC_BYTES } from './markdown-limits.js';
import { cleanLine, cleanName, cleanText, RESERVED_KEYS } from './sanitize.js';

/**
 * One pack file's parse as the pack cache keeps it: the file's identity (size, change time, inode), which
 * says whether the parse still holds; and the parse without the topic's origin (made again from where the pack
 * is this time) and without its page, but with its questions (so a quiz reads no page). The page (intro and
 * sections) is kept apart as JSON text (see toCachedParse), read, parsed and checked only when the page is
 * shown or searched, so a command reads one page of a large pack, not all of them.
 */
export interface CachedParse {
  path: string;
  size: number;
  changedMs: number;
  ino: number;
  parsed: StoredParse;
}

/**
 * Changes whenever what the parser makes of a file changes (a new block kind, another cleaning), so caches
 * made by an earlier parser are not read: the pack cache's key names it beside virt's version.
 */
export const PARSE_FORMAT = 3;

/**
 * A topic's page: what only the topic's own page shows. The compiled guide keeps the topic's questions and
 * sources there too; a pack's cache keeps them with the topic.
 */
export type Page = Pick<Topic, 'intro' | 'sections'> & Partial<Pick<Topic, 'questions' | 'sources'>>;
export type StoredTopic = Omit<Topic, 'origin' | 'intro' | 'sections'> & { line: number };
type StoredParse = Omit<ParsedTopic, 'topic'> & { topic?: StoredTopic };

/**
 * A fresh parse as the cache keeps it, and its page as JSON text: `{"intro":[…],"sections":[…]}`, or '' for a
 * file that gave no topic.
 */
export function toCachedParse(
  identity: Omit<CachedParse, 'parsed'>,
  parsed: ParsedTopic,
): { entry: CachedParse; page: string } {
  const { topic, ...rest } = parsed;
  if (!topic) return { entry: { ...identity, parsed: rest }, page: '' };
  const { origin, intro, sections, ...fields } = topic;
  return {
    entry: { ...identity, parsed: { ...rest, topic: { ...fields, line: origin.line } } },
    page: JSON.stringify({ intro, sections }),
  };
}

/** A cached page, checked and cleaned like the rest of the cache; undefined when it is not as virt writes it. */
export function restoreCachedPage(text: string): Page | undefined {
  try {
    const page = fields(JSON.parse(text), PAGE_KEYS);
    for (const block of list(page.intro)) checkBlock(block);
    for (const section of list(page.sections)) {
      const entry = fields(section, SECTION_KEYS);
      checkString(entry, 'heading');
      headingLevel(entry.level);
      for (const block of list(entry.blocks)) checkBlock(block);
    }
    return page as unknown as Page;
  } catch (error) {
    if (error instanceof NotAsWritten || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/**
 * The cached parses, by path inside the pack, with their place in the list (where their pages are kept), from
 * what the cache gave back, checked field by field as if a stranger wrote them, with every string cleaned as
 * the parser cleans a pack file's text: whatever reaches the cache, it can show no more than the pack itself
 * could. Undefined, so that the pack is parsed again, when anything is not as virt writes it. The value is
 * checked and cleaned in place, not copied: a large pack's cache holds hundreds of thousands of strings.
 */
export function restoreCachedParses(value: unknown): Map<string, { entry: CachedParse; at: number }> | undefined {
  if (!Array.isArray(value)) return undefined;
  const parses = new Map<string, { entry: CachedParse; at: number }>();
  try {
    for (const [at, item] of value.entries()) {
      const entry = fields(item, ENTRY_KEYS);
      checkString(entry, 'path');
      if ((count(entry.size) as number) > MAX_TOPIC_BYTES) fail();
      number(entry.changedMs);
      count(entry.ino);
      storedParse(entry.parsed);
      parses.set(entry.path as string, { entry: entry as unknown as CachedParse, at });
    }
  } catch (error) {
    if (error instanceof NotAsWritten) return undefined;
    throw error;
  }
  return parses;
}

class NotAsWritten extends Error {}

function fail(): never {
  throw new NotAsWritten();
}

type Fields = Record<string, unknown>;
const ENTRY_KEYS = new Set(['path', 'size', 'changedMs', 'ino', 'parsed']);
const PAGE_KEYS = new Set(['intro', 'sections']);
const PARSE_KEYS = new Set(['topic', 'lines', 'overrides', 'problems', 'links']);
const LINKS_KEYS = new Set(['related', 'parent']);
const PROBLEM_KEYS = new Set(['line', 'message', 'severity']);
/** A cached topic: its metadata, less `overrides` (kept beside it), its questions and the line it starts at. */
const TOPIC_KEYS = new Set([...METADATA_KEYS.filter((key) => key !== 'overrides'), 'questions', 'line']);
const QUESTION_KEYS = new Set(['id', 'topic', 'kind', 'prompt', 'choices', 'answer', 'why', 'line']);
const CHOICE_KEYS = new Set(['text', 'right']);
const SOURCE_KEYS = new Set(['title', 'url']);
const ATTRIBUTE_KEYS = new Set(['value', 'why']);
const SECTION_KEYS = new Set(['heading', 'level', 'blocks']);
const SPANS_BLOCK_KEYS = new Set(['kind', 'spans']);
const LIST_KEYS = new Set(['kind', 'ordered', 'items']);
const ITEM_KEYS = new Set(['spans', 'depth']);
const CODE_KEYS = new Set(['kind', 'lang', 'text']);
const DIAGRAM_KEYS = new Set(['kind', 'caption', 'text']);
const SPAN_KEYS = new Set(['kind', 'text']);
const LINK_KEYS = new Set(['kind', 'text', 'href']);
const SPAN_KINDS = new Set(['text', 'code', 'strong', 'emphasis']);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** As metadata-fields.ts accepts a source's address. */
const WEB_ADDRESS = /^https?:\/\/\S+$/;
/** Headings are `##` to `######` (a `#` heading is the page's title, not a section). */
const headingLevel = (value: unknown) =>
  Number.isInteger(value) && (value as number) >= 2 && (value as number) <= 6 ? value : fail();
/** An object with no keys but these (so none that could reach a prototype, like `__proto__`). */
function fields(value: unknown, allowed: Set<string>): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail();
  for (const key in value) if (!allowed.has(key)) fail();
  return value as Fields;
}
/** An object keyed by names of the content's own (line numbers by key, attributes), none of them reserved. */
function record(value: unknown): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail();
  for (const key in value) if (RESERVED_KEYS.has(key)) fail();
  return value as Fields;
}
const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : fail());
const count = (value: unknown) => (Number.isSafeInteger(value) && (value as number) >= 0 ? value : fail());
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : fail());

/**
 * The parser's cleaning for each kind of field (see sanitize.ts), each with a cheap test of whether it could
 * change anything: the cleaning itself runs only where the test finds something.
 */
const CLEANING = {
  text: { needed: /[\u0000-\u001f\u007f-\u009f]/, clean: (text: string) => cleanText(text) },
  code: {
    needed: /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/,
    clean: (text: string) => cleanText(text, { keepNewlines: true }),
  },
  line: { needed: /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, clean: cleanLine },
  name: { needed: /[\u0000-\u001f\u007f-\u009f\p{Cf}]|^\s|\s$/u, clean: cleanName },
};

/** Checks that `owner[key]` is a string and cleans it as the parser cleans that kind of field. */
function checkString(owner: Fields | unknown[], key: string | number, kind: keyof typeof CLEANING = 'text') {
  const value = (owner as Fields)[key as string];
  if (typeof value !== 'string' || value.length > MAX_TOPIC_BYTES) fail();
  const { needed, clean } = CLEANING[kind];
  if (needed.test(value)) (owner as Fields)[key as string] = clean(value);
}
function checkNames(value: unknown): void {
  const strings = list(value);
  for (let i = 0; i < strings.length; i++) checkString(strings, i, 'name');
}

function storedParse(value: unknown): void {
  const parse = fields(value, PARSE_KEYS);
  if (parse.topic !== undefined) storedTopic(parse.topic);
  if (parse.links !== undefined) {
    const links = fields(parse.links, LINKS_KEYS);
    checkNames(links.related);
    if (links.parent !== undefined) checkString(links, 'parent', 'name');
  }
  const lines = record(parse.lines);
  for (const key in lines) count(lines[key]);
  if (typeof parse.overrides !== 'boolean') fail();
  for (const problem of list(parse.problems)) {
    const entry = fields(problem, PROBLEM_KEYS);
    count(entry.line);
    checkString(entry, 'message');
    if (entry.severity !== 'error' && entry.severity !== 'warning') fail();
  }
}

/** Attribute keys, as content/attributes.yaml names them. */
const ID_KEY = /^[a-z][a-z0-9-]*$/;

function storedTopic(value: unknown): void {
  const topic = fields(value, TOPIC_KEYS);
  checkString(topic, 'id', 'name');
  if (!ID.test(topic.id as string)) fail();
  checkString(topic, 'title', 'name');
  checkString(topic, 'summary', 'line');
  if (!(TOPIC_KINDS as readonly unknown[]).includes(topic.kind)) fail();
  if (topic.parent !== undefined) checkString(topic, 'parent', 'name');
  if (topic.parent !== undefined && !ID.test(topic.parent as string)) fail();
  for (const key of ['aliases', 'tags', 'related']) checkNames(topic[key]);
  if (!(topic.related as string[]).every((id) => ID.test(id))) fail();
  for (const source of list(topic.sources)) {
    const entry = fields(source, SOURCE_KEYS);
    checkString(entry, 'title', 'line');
    checkString(entry, 'url', 'line');
    if (!WEB_ADDRESS.test(entry.url as string)) fail();
  }
  // Keys as attributes.yaml names them: lower-case words, none that names a built-in of JavaScript objects.
  const attributes = record(topic.attributes);
  for (const key in attributes) {
    if (!ID_KEY.test(key)) fail();
    const entry = fields(attributes[key], ATTRIBUTE_KEYS);
    checkString(entry, 'value', 'line');
    if (entry.why !== undefined) checkString(entry, 'why', 'line');
  }
  const seen = new Set<string>();
  for (const question of list(topic.questions)) {
    storedQuestion(question, topic.id as string);
    const id = (question as Fields).id as string;
    if (seen.has(id)) fail();
    seen.add(id);
  }
  count(topic.line);
}

/** A question as parse-questions.ts makes it: its id under its topic's, and choices only for a choice. */
function storedQuestion(value: unknown, topicId: string): void {
  const question = fields(value, QUESTION_KEYS);
  if (question.topic !== topicId || typeof question.id !== 'string') fail();
  const prefix = `${topicId}/`;
  if (!question.id.startsWith(prefix) || !isLocalId(question.id.slice(prefix.length))) fail();
  if (!(QUESTION_KINDS as readonly unknown[]).includes(question.kind)) fail();
  checkString(question, 'prompt', 'line');
  checkString(question, 'answer', 'line');
  if (question.prompt === '' || question.answer === '') fail();
  if (question.why !== undefined) checkString(question, 'why', 'line');
  count(question.line);
  if (question.kind !== 'choice') {
    if (question.choices !== undefined) fail();
    return;
  }
  const choices = list(question.choices);
  if (choices.length < 2) fail();
  for (const choice of choices) {
    const entry = fields(choice, CHOICE_KEYS);
    checkString(entry, 'text', 'line');
    if (typeof entry.right !== 'boolean') fail();
  }
  if (!choices.some((choice) => (choice as Fields).right)) fail();
}

function checkBlock(value: unknown): void {
  const kind = (value as Fields | null)?.kind;
  if (kind === 'paragraph' || kind === 'quote') {
    for (const span of list(fields(value, SPANS_BLOCK_KEYS).spans)) checkSpan(span);
  } else if (kind === 'list') {
    const block = fields(value, LIST_KEYS);
    if (typeof block.ordered !== 'boolean') fail();
    for (const item of list(block.items)) {
      const entry = fields(item, ITEM_KEYS);
      if ((count(entry.depth) as number) > MAX_NESTING) fail();
      for (const span of list(entry.spans)) checkSpan(span);
    }
  } else if (kind === 'diagram') {
    const block = fields(value, DIAGRAM_KEYS);
    checkString(block, 'caption', 'line');
    checkString(block, 'text', 'code');
    // A drawing the parser would refuse is not as virt writes it.
    if (diagramProblems(block.text as string).length > 0) fail();
  } else if (kind === 'code') {
    const block = fields(value, CODE_KEYS);
    checkString(block, 'lang');
    checkString(block, 'text', 'code');
  } else {
    fail();
  }
}

function checkSpan(value: unknown): void {
  const kind = (value as Fields | null)?.kind;
  if (kind === 'link') {
    const span = fields(value, LINK_KEYS);
    checkString(span, 'text');
    checkString(span, 'href');
  } else if (SPAN_KINDS.has(kind as string)) {
    checkString(fields(value, SPAN_KEYS), 'text');
  } else {
    fail();
  }
}
