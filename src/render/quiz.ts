import type { Question } from '../model/question.js';
import type { Rating } from '../model/quiz-card.js';
import { keepTogether, wrapText } from './text.js';
import type { Theme } from './theme.js';

/** One answered question, for the summary. */
export interface QuizAnswer {
  question: Question;
  rating: Rating;
}

const lines = (text: string[]) => `${text.join('\n')}\n`;
const explain = (topic: string) => keepTogether(`virt explain ${topic}`);

/** A question as it is put, above the prompt that takes the answer: where it is from, then its text. */
export function renderQuestion(
  question: Question,
  position: { number: number; of: number; topicTitle: string },
  theme: Theme,
  width: number,
): string {
  const kind =
    question.kind === 'choice'
      ? (question.choices ?? []).filter((choice) => choice.right).length > 1
        ? 'pick all that apply'
        : 'pick one'
      : question.kind === 'cloze'
        ? 'fill the blank'
        : 'answer in your head';
  const dot = theme.ascii ? '-' : '·';
  return lines([
    '',
    theme.muted(`Question ${position.number} of ${position.of} ${dot} ${position.topicTitle} ${dot} ${kind}`),
    ...wrapText(question.prompt, width).map((line) => theme.strong(line)),
    '',
  ]);
}

/** A recall or cloze question's answer, shown when the learner asks for it, before they rate themselves. */
export function renderAnswer(question: Question, theme: Theme, width: number): string {
  const shown =
    question.kind === 'cloze' ? question.prompt.replace('_____', theme.accent(question.answer)) : question.answer;
  return lines(wrapText(shown, width, `${theme.accent('Answer:')} `, '        '));
}

/** What follows an answer: whether it was right (for a choice, the right answer if not), the why, the page. */
export function renderFeedback(answer: QuizAnswer, theme: Theme, width: number): string {
  const { question, rating } = answer;
  const right = rating !== 'again';
  const mark = theme.ascii ? '' : right ? '✔ ' : '✘ ';
  const verdict =
    question.kind === 'choice'
      ? right
        ? theme.accent(`${mark}Right.`)
        : theme.different(`${mark}Not quite. The answer: ${question.answer}`)
      : right
        ? theme.accent(`${mark}Remembered (${rating}).`)
        : theme.different(`${mark}Not remembered: it comes back soon.`);
  return lines([
    ...wrapText(verdict, width),
    ...(question.why ? wrapText(question.why, width, `${theme.muted('Why:')} `, '     ') : []),
    ...wrapText(`${theme.muted('Read:')} ${theme.code(explain(question.topic))}`, width),
  ]);
}

/** The end of a quiz: the score, the pages to read again, and how to see the progress. */
export function renderSummary(answers: QuizAnswer[], asked: number, theme: Theme, width: number): string {
  const right = answers.filter((answer) => answer.rating !== 'again').length;
  const missed = [...new Set(answers.filter((a) => a.rating === 'again').map((a) => a.question.topic))];
  const stopped = answers.length < asked ? ` (stopped after ${answers.length} of ${asked} questions)` : '';
  if (answers.length === 0) return lines(['', 'No question answered; nothing was saved.']);
  return lines([
    '',
    theme.heading(`Score: ${right} of ${answers.length} right${stopped}.`),
    ...(missed.length
      ? wrapText(`Read again: ${missed.map((topic) => theme.code(explain(topic))).join(', ')}`, width)
      : ['Nothing to read again.']),
    theme.muted(`Your progress: ${keepTogether('virt quiz status')}`),
  ]);
}
