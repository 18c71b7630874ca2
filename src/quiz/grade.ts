import type { Question } from '../model/question.js';
import type { Rating } from '../model/quiz-card.js';

/**
 * A choice question grades itself: exactly the right choices picked (by index) is Good, anything else
 * (a wrong one picked, a right one missed) is Again. Recall and cloze are rated by the learner instead.
 */
export function gradeChoice(question: Question, picked: number[]): Rating {
  const choices = question.choices ?? [];
  const chosen = new Set(picked);
  const exact = choices.every((choice, index) => choice.right === chosen.has(index));
  return exact && [...chosen].every((index) => index >= 0 && index < choices.length) ? 'good' : 'again';
}
