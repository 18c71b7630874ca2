import type { Context } from '../context/context.js';
import { UsageError } from '../errors.js';
import * as compare from './compare.js';
import * as explain from './explain.js';
import { guideNeighbours, treeRows } from '../render/list.js';
import {
  allTopicChoices,
  BROWSE,
  COMPARE_PICK,
  FIND,
  matchingChoices,
  nextStepChoices,
  QUIT,
  QUIZ,
  topicChoice,
} from './menu-choices.js';

type Step =
  | { kind: 'find' }
  | { kind: 'browse'; from?: string }
  | { kind: 'open'; id: string }
  | { kind: 'compare'; ids: string[]; from: string }
  | { kind: 'quiz'; id: string }
  | { kind: 'quit' };

/**
 * `virt menu` (and `virt` alone on a terminal): pick a topic by typing, read it, then go on to the next
 * chapter, a comparison, the page's questions, a related topic, another search or the guide's chapters,
 * until Quit or Ctrl-C.
 */
export async function runMenu(ctx: Context): Promise<void> {
  if (!ctx.io.stdinIsTTY || !ctx.io.stdout.isTTY) {
    throw new UsageError(
      'the menu needs an interactive terminal (stdin and stdout); use `virt list`, `virt search <words>` or `virt explain <topic>` instead',
    );
  }
  // cli/main.ts always gives the prompts: inquirer on a terminal, a script in tests.
  const ask = ctx.io.prompts!;
  const catalog = await ctx.catalog();
  const index = await ctx.search();
  const search = (query: string) => index.search(query).map((hit) => hit.topic);
  const width = Math.max(30, ctx.out.width - 4);
  const ascii = ctx.out.ascii;

  let step: Step = { kind: 'find' };
  while (step.kind !== 'quit') {
    switch (step.kind) {
      case 'find': {
        const id = await ask.search('Find a topic (type to filter, Enter to open)', (term) =>
          term?.trim() ? matchingChoices(catalog, search, term, width, ascii) : allTopicChoices(catalog, width, ascii),
        );
        step = id === QUIT ? { kind: 'quit' } : { kind: 'open', id };
        break;
      }
      case 'browse': {
        // From a page, the guide opens at that page, not at the top.
        const id = await ask.select('The guide, in reading order', allTopicChoices(catalog, width, ascii), step.from);
        step = id === QUIT ? { kind: 'quit' } : { kind: 'open', id };
        break;
      }
      case 'open': {
        const topic = catalog.get(step.id);
        if (!topic) {
          step = { kind: 'find' };
          break;
        }
        await explain.runExplain(ctx, [topic.id]);
        const related = topic.related.flatMap((id) => catalog.get(id) ?? []);
        const { next } = guideNeighbours(treeRows(catalog.children), topic.id);
        const comparable = catalog.comparableWith(topic).length > 0;
        const questions = catalog.questions([topic]).length;
        const choices = nextStepChoices(topic, related, width, next, comparable, questions);
        step = toStep(await ask.select(`${topic.title}: what next?`, choices), topic.id);
        if (step.kind === 'compare' && step.ids.length === 0) {
          // Only topics it shares attributes with: any other choice would compare nothing.
          const others = catalog.comparableWith(topic);
          const picked = await ask.checkbox(
            `Compare ${topic.title} with… (Space to pick, Enter to compare)`,
            others.map((other) => topicChoice(other, width, '', ascii)),
          );
          step = picked.includes(QUIT) ? { kind: 'quit' } : { kind: 'compare', ids: picked, from: topic.id };
        }
        break;
      }
      case 'compare':
      case 'quiz': {
        const id = step.kind === 'quiz' ? step.id : step.from;
        // From a page, every one of its questions is asked, due or not: the learner chose to practise.
        if (step.kind === 'quiz') await (await import('../lazy/quiz.js')).askQuestions(ctx, [step.id], { all: true });
        else await compare.runCompare(ctx, [step.from, ...step.ids], {});
        const from = catalog.get(id);
        const back = await ask.select('What next?', [
          ...(from ? [{ name: `Back to ${from.title}`, value: `open:${from.id}` }] : []),
          { name: 'Search for another topic', value: FIND },
          { name: 'Quit', value: QUIT },
        ]);
        step = toStep(back, id);
        break;
      }
    }
  }
}

function toStep(answer: string, current: string): Step {
  if (answer === QUIT) return { kind: 'quit' };
  if (answer === FIND) return { kind: 'find' };
  if (answer === BROWSE) return { kind: 'browse', from: current };
  if (answer === COMPARE_PICK) return { kind: 'compare', ids: [], from: current };
  if (answer.startsWith('open:')) return { kind: 'open', id: answer.slice(5) };
  if (answer.startsWith('compare:')) return { kind: 'compare', ids: [answer.slice(8)], from: current };
  if (answer.startsWith(QUIZ)) return { kind: 'quiz', id: answer.slice(QUIZ.length) };
  return { kind: 'quit' };
}
