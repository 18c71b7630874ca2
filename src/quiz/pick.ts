import type { Question } from '../model/question.js';
import { isDue, type QuizCard } from '../model/quiz-card.js';

export interface PickOptions {
  /** At most this many questions. */
  count: number;
  /** Only questions that are due, no new ones. */
  dueOnly: boolean;
  /** Questions seen and not yet due too, after the others, in guide order: practice on demand. */
  everything?: boolean;
}

/**
 * What a quiz asks, in order: questions due for review first, the most overdue first, then questions never
 * asked, in guide order (`questions` is in guide order). A question seen and not yet due waits its turn.
 */
export function pickQuestions(
  questions: Question[],
  cards: Record<string, QuizCard>,
  now: number,
  options: PickOptions,
): Question[] {
  const due: { question: Question; at: number }[] = [];
  const fresh: Question[] = [];
  const later: Question[] = [];
  for (const question of questions) {
    const card = Object.hasOwn(cards, question.id) ? cards[question.id] : undefined;
    if (!card) fresh.push(question);
    else if (isDue(card, now)) due.push({ question, at: Date.parse(card.due) });
    else later.push(question);
  }
  // sort is stable: questions due at the same moment keep guide order.
  due.sort((a, b) => a.at - b.at);
  return [
    ...due.map((entry) => entry.question),
    ...(options.dueOnly ? [] : fresh),
    ...(options.everything ? later : []),
  ].slice(0, options.count);
}

/** When the next of these questions falls due, among those seen and not yet due; undefined when none. */
export function nextDue(questions: Question[], cards: Record<string, QuizCard>, now: number): string | undefined {
  let next: string | undefined;
  for (const question of questions) {
    const card = Object.hasOwn(cards, question.id) ? cards[question.id] : undefined;
    if (card && !isDue(card, now) && (next === undefined || Date.parse(card.due) < Date.parse(next))) next = card.due;
  }
  return next;
}
