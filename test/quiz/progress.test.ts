import { describe, expect, test } from '@jest/globals';
import type { Question } from '../../src/model/question.js';
import type { QuizCard } from '../../src/model/quiz-card.js';
import { quizProgress } from '../../src/quiz/progress.js';
import { renderQuizStatus } from '../../src/render/quiz-status.js';
import { plainTheme } from '../../src/render/theme.js';
import { cardInReview } from '../helpers/card-in-review.js';

type T = { id: string; title: string; kind: 'chapter' | 'section' | 'term'; parent?: string; questions: number };
const topics: T[] = [
  { id: 'intro', title: 'Introduction', kind: 'chapter', questions: 1 },
  { id: 'para', title: 'Paravirtualization', kind: 'section', parent: 'intro', questions: 2 },
  // A chapter under a chapter counts under the top one.
  { id: 'deep', title: 'Deeper', kind: 'chapter', parent: 'intro', questions: 0 },
  { id: 'deep-term', title: 'A term', kind: 'term', parent: 'deep', questions: 1 },
  { id: 'products', title: 'Products', kind: 'chapter', questions: 0 },
  { id: 'loose', title: 'Loose', kind: 'term', questions: 1 },
  // A parent loop must not hang the count.
  { id: 'loop-a', title: 'A', kind: 'term', parent: 'loop-b', questions: 1 },
  { id: 'loop-b', title: 'B', kind: 'term', parent: 'loop-a', questions: 0 },
];
const byId = new Map(topics.map((topic) => [topic.id, topic]));
const questionsOf = (topic: T): Question[] =>
  Array.from({ length: topic.questions }, (_, n) => ({
    id: `${topic.id}/q${n + 1}`,
    topic: topic.id,
    kind: 'recall',
    prompt: 'p',
    answer: 'a',
    line: 1,
  }));
const NOW = Date.parse('2026-03-02T08:00:00.000Z');
const card = (dueInMinutes: number, stability: number): QuizCard =>
  cardInReview({ due: new Date(NOW + dueInMinutes * 60_000).toISOString(), stability });

describe('quiz status counts', () => {
  const cards = {
    'intro/q1': card(-5, 2),
    'para/q1': card(60 * 24 * 30, 40),
    'deep-term/q1': card(90, 1),
    'elsewhere/q1': card(-1, 1),
  };
  const progress = quizProgress(topics, (id) => byId.get(id), questionsOf, cards, NOW);

  test('by top chapter, in guide order; topics under no chapter apart; questions elsewhere counted once', () => {
    expect(progress.chapters).toEqual([
      { id: 'intro', title: 'Introduction', questions: 4, seen: 3, dueNow: 1, dueLater: 2, mastered: 1 },
      { id: null, title: 'Other topics', questions: 2, seen: 0, dueNow: 0, dueLater: 0, mastered: 0 },
    ]);
    expect(progress.total).toEqual({ questions: 6, seen: 3, dueNow: 1, dueLater: 2, mastered: 1 });
    expect(progress.elsewhere).toBe(1);
    // Something is due now, so no "next due" is given.
    expect(progress.nextDue).toBeUndefined();
  });

  test('with nothing due, the next due time is the soonest; the table says so', () => {
    const notDue = Object.fromEntries(Object.entries(cards).filter(([id]) => id !== 'intro/q1'));
    const later = quizProgress(topics, (id) => byId.get(id), questionsOf, notDue, NOW);
    expect(later.nextDue).toBe(new Date(NOW + 90 * 60_000).toISOString());
    const text = renderQuizStatus(later, '/state/quiz-state.json', plainTheme(), 80, NOW);
    expect(text).toBe(
      [
        'Chapter       Questions  Seen  Due now  Due later  Mastered',
        'Introduction          4     2        0          2         1',
        'Other topics          2     0        0          0         0',
        'All chapters          6     2        0          2         1',
        '',
        '4 questions not asked yet: virt quiz',
        'Next due in 2 hours (2026-03-02 09:30 UTC).',
        'Kept for content packs not loaded now: the schedules of 1 question.',
        'State file: /state/quiz-state.json',
        '',
      ].join('\n'),
    );
  });
});
