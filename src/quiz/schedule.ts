import { createEmptyCard, fsrs, Rating as Fsrs, State, type Card, type FSRS, type Grade } from 'ts-fsrs';
import { CARD_STATES, type QuizCard, type Rating } from '../model/quiz-card.js';

/**
 * FSRS, through ts-fsrs, with its default parameters: short-term learning steps (a question answered Again
 * comes back a minute later, then ten) and no fuzz, so the same answers at the same times give the same
 * schedule. Loaded only when a quiz asks (lazy/schedule.ts): ts-fsrs is not needed to read a schedule.
 */
let scheduler: FSRS | undefined;

const GRADE: Record<Rating, Grade> = { again: Fsrs.Again, hard: Fsrs.Hard, good: Fsrs.Good, easy: Fsrs.Easy };
const STATE: Record<QuizCard['state'], State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

/** The card after answering at `now` with `rating`; `card` is undefined for a question never asked. */
export function reviewCard(card: QuizCard | undefined, rating: Rating, now: Date, pack?: string): QuizCard {
  scheduler ??= fsrs();
  const before = card ? toFsrs(card) : createEmptyCard(now);
  const after = scheduler.next(before, now, GRADE[rating]).card;
  return {
    due: after.due.toISOString(),
    stability: after.stability,
    difficulty: after.difficulty,
    scheduledDays: after.scheduled_days,
    learningSteps: after.learning_steps,
    reps: after.reps,
    lapses: after.lapses,
    state: CARD_STATES[after.state],
    ...(after.last_review ? { lastReview: after.last_review.toISOString() } : {}),
    ...(pack !== undefined ? { pack } : {}),
  };
}

function toFsrs(card: QuizCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    // Deprecated in ts-fsrs 5, which works the days out from last_review itself.
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE[card.state],
    ...(card.lastReview ? { last_review: new Date(card.lastReview) } : {}),
  };
}
