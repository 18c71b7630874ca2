import type { Context } from '../context/context.js';
import { UsageError } from '../errors.js';
import { questionsJson, renderQuestions } from '../render/questions.js';
import { toJson } from '../render/json.js';
import { selectQuestions } from './quiz-select.js';

export interface QuizOptions {
  /** Print the questions instead of asking them. */
  list?: boolean;
  /** Ask at most this many questions. */
  count?: string;
  /** Ask only the questions that are due. */
  due?: boolean;
}

/**
 * `virt quiz [topic|@group…]`: asks the questions of the topics named (or of the whole guide) on a terminal;
 * `--list` prints them instead, for instructors and scripts.
 */
export async function runQuiz(ctx: Context, names: string[], options: QuizOptions = {}): Promise<void> {
  if (options.count !== undefined && !/^[1-9][0-9]*$/.test(options.count))
    throw new UsageError(`--count expects a whole number of questions of at least 1, not "${options.count}"`);
  if (options.list) {
    if (options.count !== undefined || options.due)
      throw new UsageError(
        '--list prints every question of the topics named; --count and --due choose what a quiz asks',
      );
    return listQuestions(ctx, names);
  }
  // Asking needs someone at a terminal; a script would wait for ever. A name that is wrong is said first,
  // as on a terminal.
  if (!(ctx.io.stdinIsTTY && ctx.io.stdout.isTTY)) {
    await selectQuestions(ctx, names);
    throw new UsageError(
      'virt quiz asks on a terminal; to print the questions, use `virt quiz --list` (add --json for scripts)',
    );
  }
  return (await import('../lazy/quiz.js')).askQuestions(ctx, names, options);
}

async function listQuestions(ctx: Context, names: string[]): Promise<void> {
  const { topics, questions } = await selectQuestions(ctx, names);
  if (ctx.out.mode === 'json') return ctx.write(toJson(questionsJson(questions)));
  if (questions.length === 0) {
    const where = names.length === 0 ? 'the guide' : topics.length === 1 ? `"${topics[0]!.id}"` : 'these topics';
    return ctx.note(`virt: ${where} has no questions yet`);
  }
  if (ctx.out.mode === 'plain') return ctx.write(renderQuestions(questions));
  const theme = await ctx.theme();
  await ctx.show(renderQuestions(questions, theme, ctx.out.readingWidth));
}
