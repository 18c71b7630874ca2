import type { Context } from '../context/context.js';
import { NotFoundError, UsageError } from '../errors.js';
import type { Question } from '../model/question.js';
import type { Rating } from '../model/quiz-card.js';
import { QUIT_ANSWER, type Prompts } from '../prompts/prompts.js';
import { gradeChoice } from '../quiz/grade.js';
import { nextDue, pickQuestions } from '../quiz/pick.js';
import { cardKeeper } from '../quiz/prune.js';
import { shuffledIndexes } from '../quiz/shuffle.js';
import { guideInUse } from './quiz-guide-in-use.js';
import { renderAnswer, renderFeedback, renderQuestion, renderSummary, type QuizAnswer } from '../render/quiz.js';
import { when } from '../render/quiz-status.js';
import { loadQuizState, updateQuizState } from '../store/quiz-state.js';
import { quizStateFolder } from './quiz-state-folder.js';
import { selectQuestions } from './quiz-select.js';

export interface AskOptions {
  /** At most this many questions (default 10). */
  count?: string;
  /** Only questions due for review. */
  due?: boolean;
  /** Every question of the topics, due or not, due first: the menu's "Check yourself". */
  all?: boolean;
}

const DEFAULT_COUNT = 10;

/**
 * Asks the questions of the topics named on the terminal, due ones first, then new ones, and saves each
 * answer's new schedule as soon as it is given, so Ctrl-C (exit 130) loses nothing already answered. Esc,
 * Ctrl-D or `q` ends the quiz early, with its summary. ts-fsrs is loaded only once there is something to ask.
 */
export async function askQuestions(ctx: Context, names: string[], options: AskOptions = {}): Promise<void> {
  if (ctx.out.mode === 'json')
    throw new UsageError('--json goes with `virt quiz --list` and `virt quiz status`; a quiz is asked, not printed');
  const { topics, questions } = await selectQuestions(ctx, names);
  if (questions.length === 0) {
    const where = names.length === 0 ? 'the guide' : topics.length === 1 ? `"${topics[0]!.id}"` : 'these topics';
    throw new NotFoundError(`${where} has no questions yet`, ['`virt quiz status` shows which chapters have some']);
  }
  const catalog = await ctx.catalog();
  const count = options.count === undefined ? DEFAULT_COUNT : Number(options.count);
  const folder = quizStateFolder(ctx, true)!;
  const now = ctx.io.now ?? Date.now;
  const { cards } = loadQuizState(folder);
  const picked = options.all
    ? pickQuestions(questions, cards, now(), { count: questions.length, dueOnly: false, everything: true })
    : pickQuestions(questions, cards, now(), { count, dueOnly: options.due ?? false });
  if (picked.length === 0) {
    const next = nextDue(questions, cards, now());
    const unasked = questions.some((question) => !Object.hasOwn(cards, question.id));
    ctx.note(
      `virt: ${options.due ? 'no question is due now' : 'every question here has been asked, and none is due now'}${next ? `; the next is due ${when(next, now())}` : ''}${options.due && unasked ? '; `virt quiz` without --due asks new ones' : ''}`,
    );
    return;
  }

  const { reviewCard } = await import('../lazy/schedule.js');
  const theme = await ctx.theme();
  const width = ctx.out.readingWidth;
  const keep = cardKeeper(guideInUse(catalog));
  const answers: QuizAnswer[] = [];
  for (const [index, question] of picked.entries()) {
    const topic = catalog.get(question.topic);
    ctx.write(
      renderQuestion(question, { number: index + 1, of: picked.length, topicTitle: topic?.title ?? '' }, theme, width),
    );
    const given = await ask(ctx, question, () => ctx.write(renderAnswer(question, theme, width)));
    if (given === undefined) break;
    const { rating } = given;
    updateQuizState(
      folder,
      (state) => {
        const before = Object.hasOwn(state.cards, question.id) ? state.cards[question.id] : undefined;
        const after = reviewCard(before, rating, new Date(now()), topic?.origin.pack);
        return { ...state, cards: { ...state.cards, [question.id]: after } };
      },
      keep,
    );
    answers.push({ question, ...given });
    ctx.write(renderFeedback({ question, ...given }, theme, width));
  }
  ctx.write(renderSummary(answers, picked.length, theme, width));
}

/**
 * Puts one question; the rating it earns (and, for a choice, the indexes picked), or undefined when the learner
 * leaves the quiz.
 */
async function ask(
  ctx: Context,
  question: Question,
  reveal: () => void,
): Promise<Omit<QuizAnswer, 'question'> | undefined> {
  // cli/main.ts always gives the prompts: inquirer on a terminal, a script in tests.
  const prompts: Prompts = ctx.io.prompts!;
  const dash = ctx.out.ascii ? '-' : '—';
  if (question.kind === 'choice') {
    // Shown in a new order each time, and numbered, so that the answer line and the feedback can name a
    // choice without repeating its text.
    const order = shuffledIndexes(question.choices?.length ?? 0, ctx.io.random ?? Math.random);
    const choices = order.map((index, shown) => ({
      name: `${shown + 1}. ${question.choices![index]!.text}`,
      value: String(index),
      short: String(shown + 1),
    }));
    const several = (question.choices ?? []).filter((choice) => choice.right).length > 1;
    const answer = several
      ? await prompts.checkbox('Your answer', choices, {
          judged: true,
          emptyHint: 'Pick at least one (Space), then Enter',
        })
      : [await prompts.select('Your answer', choices, undefined, { judged: true })];
    if (answer.includes(QUIT_ANSWER)) return undefined;
    const picked = answer.map(Number);
    return { rating: gradeChoice(question, picked), picked, order };
  }
  const shown = await prompts.select(
    'When you have your answer',
    [{ name: 'Show the answer', value: 'show' }],
    undefined,
    {
      judged: true,
    },
  );
  if (shown === QUIT_ANSWER) return undefined;
  reveal();
  const rated = await prompts.select(
    'How well did you remember it?',
    [
      { name: `Again ${dash} I did not remember it`, value: 'again', short: 'Again' },
      { name: `Hard ${dash} I remembered it with effort`, value: 'hard', short: 'Hard' },
      { name: `Good ${dash} I remembered it`, value: 'good', short: 'Good' },
      { name: `Easy ${dash} it came at once`, value: 'easy', short: 'Easy' },
    ],
    'good',
    { judged: true },
  );
  return rated === QUIT_ANSWER ? undefined : { rating: rated as Rating };
}
