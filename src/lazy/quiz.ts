/**
 * Asking a quiz, `quiz status` and `quiz reset`: the state file, the lock, the scheduling order and their
 * renderers, which no other command needs. ts-fsrs is a bundle of its own (schedule.ts): asking loads it,
 * status and reset do not.
 */
export { askQuestions } from '../commands/quiz-ask.js';
export { runQuizReset } from '../commands/quiz-reset.js';
export { runQuizStatus } from '../commands/quiz-status.js';
