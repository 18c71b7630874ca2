import { describe, expect, test } from '@jest/globals';
import type { Question } from '../../src/model/question.js';
import { isDue, isMastered, type QuizCard } from '../../src/model/quiz-card.js';
import { gradeChoice } from '../../src/quiz/grade.js';
import { nextDue, pickQuestions } from '../../src/quiz/pick.js';
import { reviewCard } from '../../src/quiz/schedule.js';
import { cardInReview } from '../helpers/card-in-review.js';

const T0 = new Date('2026-03-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('the scheduler (ts-fsrs) with a fixed clock', () => {
  test('a new question answered Again comes back a minute later, Good ten minutes later', () => {
    const again = reviewCard(undefined, 'again', T0);
    expect(again).toMatchObject({ due: at(MINUTE).toISOString(), state: 'learning', reps: 1, lapses: 0 });
    expect(again.lastReview).toBe(T0.toISOString());
    expect(isDue(again, at(MINUTE - 1).getTime())).toBe(false);
    expect(isDue(again, at(MINUTE).getTime())).toBe(true);
    const good = reviewCard(undefined, 'good', T0);
    expect(good).toMatchObject({ due: at(10 * MINUTE).toISOString(), state: 'learning' });
  });

  test('the same answers at the same times give the same schedule', () => {
    expect(reviewCard(reviewCard(undefined, 'hard', T0), 'easy', at(DAY))).toEqual(
      reviewCard(reviewCard(undefined, 'hard', T0), 'easy', at(DAY)),
    );
  });

  test('Good each time it falls due moves a question to review with growing intervals, until it is mastered', () => {
    let card: QuizCard | undefined;
    let now = T0;
    const intervals: number[] = [];
    for (let review = 0; review < 8 && !(card && isMastered(card)); review++) {
      card = reviewCard(card, 'good', now);
      intervals.push(Date.parse(card.due) - now.getTime());
      now = new Date(card.due);
    }
    expect(card!.state).toBe('review');
    expect(isMastered(card!)).toBe(true);
    expect(card!.stability).toBeGreaterThanOrEqual(21);
    // From the first review on, each interval is longer than the one before.
    const days = intervals.filter((ms) => ms >= DAY);
    expect(days.length).toBeGreaterThan(1);
    for (let i = 1; i < days.length; i++) expect(days[i]).toBeGreaterThan(days[i - 1]!);
  });

  test('a question forgotten in review counts a lapse, relearns, and loses stability', () => {
    let card = reviewCard(undefined, 'good', T0);
    card = reviewCard(card, 'good', new Date(card.due));
    expect(card.state).toBe('review');
    const reviewDue = new Date(card.due);
    const forgotten = reviewCard(card, 'again', reviewDue);
    expect(forgotten).toMatchObject({ state: 'relearning', lapses: 1, reps: 3 });
    expect(forgotten.stability).toBeLessThan(card.stability);
    expect(Date.parse(forgotten.due) - reviewDue.getTime()).toBe(10 * MINUTE);
  });

  test('the pack a question came from is kept on its card', () => {
    expect(reviewCard(undefined, 'good', T0, 'notes').pack).toBe('notes');
    expect(reviewCard(undefined, 'good', T0)).not.toHaveProperty('pack');
  });
});

const question = (id: string, choices?: [string, boolean][]): Question => ({
  id,
  topic: id.split('/')[0]!,
  kind: choices ? 'choice' : 'recall',
  prompt: `Prompt of ${id}`,
  ...(choices ? { choices: choices.map(([text, right]) => ({ text, right })) } : {}),
  answer: 'answer',
  line: 1,
});

describe('grading a choice question', () => {
  const single = question('t/single', [
    ['a', false],
    ['b', true],
    ['c', false],
  ]);
  const several = question('t/several', [
    ['a', true],
    ['b', false],
    ['c', true],
  ]);
  test('all the right choices and nothing else is Good; anything else is Again', () => {
    expect(gradeChoice(single, [1])).toBe('good');
    expect(gradeChoice(single, [0])).toBe('again');
    expect(gradeChoice(several, [0, 2])).toBe('good');
    expect(gradeChoice(several, [2, 0])).toBe('good');
    expect(gradeChoice(several, [0])).toBe('again');
    expect(gradeChoice(several, [0, 1, 2])).toBe('again');
    expect(gradeChoice(several, [0, 2, 7])).toBe('again');
  });
});

describe('what a quiz asks', () => {
  const questions = ['a/one', 'a/two', 'b/three', 'b/four', 'c/five'].map((id) => question(id));
  const now = T0.getTime();
  const cardDue = (due: number): QuizCard => cardInReview({ due: new Date(due).toISOString() });
  const cards = {
    'b/four': cardDue(now - DAY),
    'a/two': cardDue(now - 3 * DAY),
    'b/three': cardDue(now + DAY),
  };
  const ids = (picked: Question[]) => picked.map((q) => q.id);

  test('due questions first, most overdue first, then new ones in guide order; seen and not due are left', () => {
    expect(ids(pickQuestions(questions, cards, now, { count: 10, dueOnly: false }))).toEqual([
      'a/two',
      'b/four',
      'a/one',
      'c/five',
    ]);
  });

  test('--count caps the questions and --due leaves the new ones out', () => {
    expect(ids(pickQuestions(questions, cards, now, { count: 3, dueOnly: false }))).toEqual([
      'a/two',
      'b/four',
      'a/one',
    ]);
    expect(ids(pickQuestions(questions, cards, now, { count: 10, dueOnly: true }))).toEqual(['a/two', 'b/four']);
    expect(nextDue(questions, cards, now)).toBe(new Date(now + DAY).toISOString());
  });
});
