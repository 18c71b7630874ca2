/** What virt remembers of each question between quizzes (the state file holds these; see store/quiz-state.ts). */

/** FSRS's four learning states, as the state file spells them. */
export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardState = (typeof CARD_STATES)[number];

/** How well a question was answered: a choice question is graded again or good; recall and cloze are rated. */
export type Rating = 'again' | 'hard' | 'good' | 'easy';

/** One question's schedule: FSRS's memory state and when to ask again. Times are ISO 8601 strings. */
export interface QuizCard {
  due: string;
  /** Days after which recall is expected to have fallen to 90%. */
  stability: number;
  difficulty: number;
  scheduledDays: number;
  /** The step reached in the short-term (re)learning steps. */
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview?: string;
  /** The content pack the question came from; absent for the built-in guide. */
  pack?: string;
}

export const STATE_VERSION = 1 as const;

/** The state file, by question id (`<topic-id>/<local-id>`). */
export interface QuizState {
  version: typeof STATE_VERSION;
  cards: Record<string, QuizCard>;
}

/** A question is mastered once FSRS expects it to be remembered for three weeks. */
const MASTERED_STABILITY_DAYS = 21;

export const isMastered = (card: QuizCard): boolean => card.stability >= MASTERED_STABILITY_DAYS;

export const isDue = (card: QuizCard, now: number): boolean => Date.parse(card.due) <= now;

/** The topic a question id belongs to: the part before the slash. */
export const topicOfQuestion = (id: string): string => id.slice(0, id.indexOf('/'));
