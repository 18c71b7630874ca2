import type { Token } from 'markdown-it';
import type { Choice, Question, QuestionKind } from '../model/question.js';
import type { AttributeValue } from '../model/topic.js';
import { inlineOf, plainText, type Node } from './markdown-nodes.js';
import type { MetaProblem } from './parse-metadata.js';
import { cleanLine } from './sanitize.js';

/** The heading of the section that holds a topic's questions, as written: `## Check yourself`. */
export const QUESTIONS_HEADING = 'Check yourself';

/** A question's local id: as a topic id, 2 to 48 characters. */
const LOCAL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MIN_ID = 2;
const MAX_ID = 48;
export const isLocalId = (text: string) => LOCAL_ID.test(text) && text.length >= MIN_ID && text.length <= MAX_ID;
const BLANK = /\{\{([\s\S]*?)\}\}/g;
const ANSWER = /^Answer:\s*/;
const WHY = /^Why:\s*/;
const WHY_ATTRIBUTE = /^attribute:(\S*)$/;
/** What a cloze's blank looks like in its prompt. */
const BLANK_SHOWN = '_____';

/** A question as its section gives it, before the topic's id and attributes are known. */
export interface QuestionDraft {
  local: string;
  kind: QuestionKind;
  prompt: string;
  choices?: Choice[];
  answer: string;
  /** The why as written, or the key of the attribute whose why it reuses. */
  why?: { text: string } | { attribute: string };
  line: number;
  whyLine?: number;
}

type Report = (line: number, message: string) => void;

/**
 * The questions of a `## Check yourself` section, from its block nodes (everything after its heading). Each
 * question is a `###` heading (its local id) and its blocks; what breaks a rule of content/README.md is
 * reported at its line, and the question is left out.
 */
export function parseQuestionSection(nodes: Node[], lineOf: (node: Node) => number, problems: MetaProblem[]) {
  const report: Report = (line, message) => problems.push({ line, severity: 'error', message });
  const drafts: QuestionDraft[] = [];
  const firstAt = new Map<string, number>();
  let current: { id: string | undefined; line: number; blocks: Node[] } | undefined;
  const finish = () => {
    if (!current?.id) return;
    const draft = toDraft(current.id, current.line, current.blocks, lineOf, report);
    if (draft) drafts.push(draft);
  };
  for (const node of nodes) {
    const { token } = node;
    if (token.type === 'heading_open' && token.tag === 'h3') {
      finish();
      const line = lineOf(node);
      const heading = plainText(inlineOf(node)).trim();
      const valid = isLocalId(heading);
      if (!valid)
        report(
          line,
          `expected a question id after "###" (${MIN_ID}–${MAX_ID} lowercase letters, digits and hyphens, like "fastest-myth"), found "${cleanLine(heading)}"`,
        );
      else if (firstAt.has(heading))
        report(
          line,
          `the question id "${heading}" is used twice in this topic (first at line ${firstAt.get(heading)}); give each question its own id`,
        );
      else firstAt.set(heading, line);
      current = { id: valid && firstAt.get(heading) === line ? heading : undefined, line, blocks: [] };
    } else if (current) {
      current.blocks.push(node);
    } else {
      report(
        lineOf(node),
        `expected each question of "## ${QUESTIONS_HEADING}" to start with a "###" heading holding its id, found ${describe(token)} before the first one`,
      );
    }
  }
  finish();
  return { drafts, headings: firstAt.size };
}

/** The blocks of one question, sorted by what they are. */
interface Parts {
  prompts: { text: string; line: number }[];
  answers: { text: string; line: number }[];
  lists: { node: Node; line: number }[];
  why?: { text: string; line: number };
}
type Blank = { match: RegExpMatchArray; prompt: { text: string; line: number } };
type Base = Pick<QuestionDraft, 'local' | 'line' | 'why' | 'whyLine'>;

/** One question from its heading's id and blocks, or undefined (with the problem reported) when it breaks a rule. */
function toDraft(
  local: string,
  line: number,
  blocks: Node[],
  lineOf: (node: Node) => number,
  report: Report,
): QuestionDraft | undefined {
  const where = `question "${local}"`;
  const parts = sortBlocks(blocks, where, lineOf, report);
  if (!parts) return undefined;
  const { prompts, answers, lists, why } = parts;
  if (prompts.length === 0)
    return void report(line, `${where} has no prompt: write the question as a paragraph under its heading`);
  const whyField = why ? whyOf(why, where, report) : undefined;
  if (why && !whyField) return undefined;
  const base: Base = { local, line, ...(whyField ? { why: whyField } : {}), ...(why ? { whyLine: why.line } : {}) };
  const blanks = prompts.flatMap((prompt) => [...prompt.text.matchAll(BLANK)].map((match) => ({ match, prompt })));
  if (lists.length > 0) return choiceDraft(base, parts, blanks, where, report);
  if (answers.length > 0) return recallDraft(base, parts, blanks, where, report);
  if (blanks.length > 0) return clozeDraft(base, parts, blanks, where, report);
  return void report(
    line,
    `${where} has no answer: add a task list (choice), an "Answer:" paragraph (recall) or one {{blank}} in its prompt (cloze)`,
  );
}

/** Prompts, "Answer:" paragraphs, task lists and the "Why:", in order; undefined when a block is out of place. */
function sortBlocks(blocks: Node[], where: string, lineOf: (node: Node) => number, report: Report): Parts | undefined {
  const parts: Parts = { prompts: [], answers: [], lists: [] };
  let broken = false;
  const fail = (at: number, message: string) => {
    report(at, message);
    broken = true;
  };
  for (const node of blocks) {
    const at = lineOf(node);
    if (parts.why) {
      fail(at, `expected "Why:" to be the last paragraph of ${where}, found ${describe(node.token)} after it`);
      continue;
    }
    if (node.token.type === 'paragraph_open') {
      const text = cleanLine(plainText(inlineOf(node))).trim();
      if (WHY.test(text)) parts.why = { text: text.replace(WHY, '').trim(), line: at };
      else if (ANSWER.test(text)) parts.answers.push({ text: text.replace(ANSWER, '').trim(), line: at });
      else if (parts.answers.length > 0 || parts.lists.length > 0)
        fail(at, `expected only "Why:" after the answer of ${where}, found another paragraph; put the prompt first`);
      else parts.prompts.push({ text, line: at });
    } else if (node.token.type === 'bullet_list_open' && isTaskList(node)) {
      parts.lists.push({ node, line: at });
    } else {
      fail(
        at,
        `expected a prompt paragraph, a task list ("- [ ]", "- [x]"), "Answer:" or "Why:" in ${where}, found ${describe(node.token)}`,
      );
    }
  }
  return broken ? undefined : parts;
}

const promptOf = (parts: Parts) => parts.prompts.map((p) => p.text).join(' ');

function choiceDraft(base: Base, parts: Parts, blanks: Blank[], where: string, report: Report) {
  const { lists, answers } = parts;
  if (lists.length > 1)
    return void report(lists[1]!.line, `${where} has more than one task list; a choice question has one`);
  if (answers.length > 0)
    return void report(
      answers[0]!.line,
      `${where} has a task list and "Answer:"; a question is a choice or a recall, not both`,
    );
  if (blanks.length > 0)
    return void report(
      blanks[0]!.prompt.line,
      `${where} has a task list and a {{blank}}; a question is a choice or a cloze, not both`,
    );
  const choices = choicesOf(lists[0]!.node);
  const at = lists[0]!.line;
  if (choices.length < 2) return void report(at, `${where} has ${choices.length} choice; give at least 2`);
  if (!choices.some((choice) => choice.right))
    return void report(at, `${where} has no right choice; mark the right ones "- [x]"`);
  const seen = new Set<string>();
  for (const choice of choices) {
    if (choice.text === '') return void report(at, `${where} has an empty choice; write its text after "- [ ]"`);
    if (seen.has(choice.text)) return void report(at, `${where} has the choice "${choice.text}" twice`);
    seen.add(choice.text);
  }
  const answer = choices
    .filter((choice) => choice.right)
    .map((choice) => choice.text)
    .join('; ');
  return { ...base, kind: 'choice' as const, prompt: promptOf(parts), choices, answer };
}

function recallDraft(base: Base, parts: Parts, blanks: Blank[], where: string, report: Report) {
  const { answers } = parts;
  if (answers.length > 1) return void report(answers[1]!.line, `${where} has more than one "Answer:"; keep one`);
  if (answers[0]!.text === '')
    return void report(answers[0]!.line, `${where} has an empty "Answer:"; write the answer after it`);
  if (blanks.length > 0)
    return void report(
      blanks[0]!.prompt.line,
      `${where} has "Answer:" and a {{blank}}; a cloze has no "Answer:", a recall no blank`,
    );
  return { ...base, kind: 'recall' as const, prompt: promptOf(parts), answer: answers[0]!.text };
}

function clozeDraft(base: Base, parts: Parts, blanks: Blank[], where: string, report: Report) {
  const { prompts } = parts;
  if (blanks.length > 1)
    return void report(blanks[1]!.prompt.line, `${where} has ${blanks.length} {{blanks}}; a cloze has exactly one`);
  if (prompts.length > 1)
    return void report(
      prompts[1]!.line,
      `${where} is a cloze, so its prompt is one paragraph; join them or make it a recall`,
    );
  const answer = blanks[0]!.match[1]!.trim();
  if (answer === '') return void report(prompts[0]!.line, `${where} has an empty {{}}; put the missing words inside`);
  return { ...base, kind: 'cloze' as const, prompt: promptOf(parts).replace(BLANK, BLANK_SHOWN), answer };
}

function whyOf(why: { text: string; line: number }, where: string, report: Report): QuestionDraft['why'] {
  if (why.text === '') return void report(why.line, `${where} has an empty "Why:"; explain the answer or remove it`);
  const reused = WHY_ATTRIBUTE.exec(why.text);
  return reused ? { attribute: reused[1]! } : { text: why.text };
}

/** A bullet list whose every item starts with a checkbox (what @mdit/plugin-tasklist makes of `- [ ]`). */
function isTaskList(list: Node): boolean {
  return list.children.every((item) => checkboxOf(item) !== undefined);
}

function checkboxOf(item: Node): Token | undefined {
  const first = item.children[0];
  if (first?.token.type !== 'paragraph_open') return undefined;
  const lead = inlineOf(first)[0];
  return lead?.type === 'checkbox_input' ? lead : undefined;
}

function choicesOf(list: Node): Choice[] {
  return list.children.map((item) => {
    const right = checkboxOf(item)!.attrGet('checked') !== null;
    // The item's first inline token is its checkbox, which is not part of the choice's text.
    const text = item.children
      .map((child, index) =>
        child.token.type === 'paragraph_open' ? plainText(inlineOf(child).slice(index === 0 ? 1 : 0)) : '',
      )
      .join(' ');
    return { text: cleanLine(text).trim(), right };
  });
}

function describe(token: Token): string {
  switch (token.type) {
    case 'paragraph_open':
      return 'a paragraph';
    case 'bullet_list_open':
      return 'a list that is not a task list';
    case 'ordered_list_open':
      return 'a numbered list';
    case 'fence':
    case 'code_block':
      return 'a code block';
    case 'blockquote_open':
      return 'a quote';
    case 'heading_open':
      return `a "${'#'.repeat(Number(token.tag.slice(1)))}" heading`;
    case 'table_open':
      return 'a table';
    case 'html_block':
      return 'HTML';
    case 'hr':
      return 'a rule';
    default:
      return `a ${token.type}`;
  }
}

/**
 * The topic's questions from their drafts: each gets its global id (`<topic>/<local>`), and a why that reuses
 * an attribute's (`Why: attribute:<key>`) gets that attribute's text, when the topic has it.
 */
export function resolveQuestions(
  drafts: QuestionDraft[],
  topic: string,
  attributes: Record<string, AttributeValue>,
  problems: MetaProblem[],
): Question[] {
  const questions: Question[] = [];
  for (const draft of drafts) {
    let why: string | undefined;
    if (draft.why && 'attribute' in draft.why) {
      const key = draft.why.attribute;
      why = Object.hasOwn(attributes, key) ? attributes[key]!.why : undefined;
      if (why === undefined) {
        problems.push({
          line: draft.whyLine ?? draft.line,
          severity: 'error',
          message: `question "${draft.local}" reuses the why of attribute "${cleanLine(key)}", but this topic has no such attribute with a why; add one under attributes or write the why out`,
        });
        continue;
      }
    } else if (draft.why) why = draft.why.text;
    questions.push({
      id: `${topic}/${draft.local}`,
      topic,
      kind: draft.kind,
      prompt: draft.prompt,
      ...(draft.choices ? { choices: draft.choices } : {}),
      answer: draft.answer,
      ...(why !== undefined ? { why } : {}),
      line: draft.line,
    });
  }
  return questions;
}
