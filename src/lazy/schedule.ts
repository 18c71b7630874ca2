/** Scheduling the next review of a question answered in a quiz: ts-fsrs. */
export { reviewCard } from '../quiz/schedule.js';
