import type { QuizCard } from '../../src/model/quiz-card.js';

/** A card in review, as the scheduler leaves one after a few good answers; `overrides` sets what a test is about. */
export const cardInReview = (overrides: Partial<QuizCard> = {}): QuizCard => ({
  due: '2026-03-01T10:00:00.000Z',
  stability: 3.2,
  difficulty: 5.1,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 2,
  lapses: 0,
  state: 'review',
  lastReview: '2026-02-26T10:00:00.000Z',
  ...overrides,
});
