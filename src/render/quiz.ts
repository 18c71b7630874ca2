import type { Question } from '../model/question.js';
import type { Rating } from '../model/quiz-card.js';
import { keepTogether, wrapText } from './text.js';
import type { Theme } from './theme.js';

/** One answered question, for the summary. */
export interface QuizAnswer {
  question: Question;
  rating: Rating;
  /** For a choice question: the indexes of the choices picked. */
  picked?: number[];
  /** For a choice question: the indexes of its choices in the order they were shown (numbered from 1). */
  order?: number[];
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
  return lines([...wrapText(shown, width, `${theme.accent('Answer:')} `, '        '), '']);
}

/**
 * What follows an answer: whether it was right (for a choice answered wrongly, what was picked and each right
 * choice on a line of its own, numbered as asked), the why, and the page to read.
 */
export function renderFeedback(answer: QuizAnswer, theme: Theme, width: number): string {
  const { question, rating } = answer;
  const right = rating !== 'again';
  const mark = theme.ascii ? '' : right ? '✔ ' : '✘ ';
  const verdict =
    question.kind === 'choice'
      ? right
        ? wrapText(theme.accent(`${mark}Right.`), width)
        : rightChoices(answer, mark, theme, width)
      : wrapText(
          right
            ? theme.accent(`${mark}Remembered (${rating}).`)
            : theme.different(`${mark}Not remembered: it comes back soon.`),
          width,
        );
  return lines([
    ...verdict,
    ...(question.why ? wrapText(question.why, width, `${theme.muted('Why:')} `, '     ') : []),
    ...wrapText(`${theme.muted('Read:')} ${theme.code(explain(question.topic))}`, width),
  ]);
}

function rightChoices(answer: QuizAnswer, mark: string, theme: Theme, width: number): string[] {
  const { question, picked = [] } = answer;
  const order = answer.order ?? (question.choices ?? []).map((_, index) => index);
  const shownAs = (index: number) => order.indexOf(index) + 1;
  const right = order.filter((index) => question.choices?.[index]?.right);
  const yours = picked.length
    ? `you picked ${picked
        .map(shownAs)
        .sort((a, b) => a - b)
        .join(', ')}`
    : 'nothing picked';
  const heading = right.length > 1 ? 'the right answers are' : 'the right answer is';
  return [
    ...wrapText(theme.different(`${mark}Not quite: ${yours}; ${heading}:`), width),
    ...right.flatMap((index) => {
      const number = `${shownAs(index)}. `;
      return wrapText(question.choices![index]!.text, width, `  ${number}`, ' '.repeat(2 + number.length));
    }),
  ];
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
    ...wrapText(`${theme.muted('Your progress:')} ${theme.code(keepTogether('virt quiz status'))}`, width),
  ]);
}
